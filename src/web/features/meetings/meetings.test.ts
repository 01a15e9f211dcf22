import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { dateFieldState } from '../../../../test/helpers/date-field.ts';
import { dateFields, inputValue, qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { addDays } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { addWorkingDays } from '../../../domain/timescales/working-days.ts';

describe('the meetings pages', () => {
  let t: TestApp;
  let caseId: string;
  let web: WebClient;
  let outsiderWeb: WebClient;
  let today: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    lead = await makeUser(t.ctx, { name: 'Page Lead', organisationId: csc.id });
    const outsider = await makeUser(t.ctx, { name: 'Page Outsider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Pagemeet', teamUserIds: [lead.id] }));
    web = await WebClient.signedIn(t.app, lead);
    outsiderWeb = await WebClient.signedIn(t.app, outsider);
  });
  after(async () => t.close());

  const meetings = async () => (await t.ctx.db.selectFrom('case_meetings').select('id').where('case_id', '=', caseId).execute()).length;
  /** The form of a strategy discussion held yesterday, right in everything: `over` changes what a test types otherwise. */
  const strategyDiscussion = (over: Record<string, string>) => ({
    kind: 'strategy-discussion',
    ...dateFields('heldOn', addDays(today, -1)),
    chair: 'Sue Chair',
    parentsPresent: 'no',
    section47: 'yes',
    'attendee-0-name': 'PC Lane',
    'attendee-0-agency': 'police',
    'decision-0': 'Start enquiries under section 47',
    ...over,
  });

  it('says no meeting is recorded and no clock has started, and offers the form', async () => {
    const page = await web.get(`/cases/${caseId}/meetings`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'no-meetings')), /No meeting has been recorded/);
    assert.match(page.body, /<h2 class="govuk-heading-m" id="meetings">Meetings<\/h2>/, 'not "Professionals\' meetings": conferences and core groups are listed here too');
    assert.match(textOf(qaElement(page.body, 'meetings-intro')), /^Strategy discussions, child protection conferences, core groups and other meetings about .+, latest first\.$/);
    assert.match(textOf(qaElement(page.body, 'no-clocks')), /No timescale has started/);
    const form = await web.get(`/cases/${caseId}/meetings/new`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /<h1 class="govuk-heading-l">Record a meeting<\/h1>/);
    assert.equal((form.body.match(/data-qa="attendee-row"/g) ?? []).length, 4);
  });

  it('re-renders with another attendee row on "add another", keeping what was typed, saving nothing', async () => {
    const response = await web.post(`/cases/${caseId}/meetings/new`, { kind: 'core-group', chair: 'Kept Chair', 'attendee-0-name': 'Kept Name', 'attendee-0-agency': 'police', 'attendee-1-name': '', 'attendee-1-agency': '', add: 'attendees' });
    assert.equal(response.statusCode, 200);
    assert.equal((response.body.match(/data-qa="attendee-row"/g) ?? []).length, 3);
    assert.equal(inputValue(response.body, 'chair'), 'Kept Chair');
    assert.equal(inputValue(response.body, 'attendee-0-name'), 'Kept Name');
    assert.match(response.body, /<option value="police" selected>/);
    assert.equal(await meetings(), 0);
  });

  it('shows every problem in the error summary, linked to its field and row, and keeps everything typed', async () => {
    const response = await web.post(`/cases/${caseId}/meetings/new`, {
      kind: 'professionals-meeting',
      ...dateFields('heldOn', addDays(today, 1)),
      chair: 'Sue Chair',
      parentsPresent: 'yes',
      'attendee-0-name': '',
      'attendee-0-agency': '',
      'attendee-1-name': 'Dr Ray',
      'attendee-1-agency': 'gp',
      'decision-0': 'Share the police log',
      abuseCategory: 'EMO',
      'action-0-text': '',
      'action-1-text': 'Send the log',
      'action-1-owner': '',
      'action-1-dueOn-day': '',
      'action-1-dueOn-month': '',
      'action-1-dueOn-year': '',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), [
      '#heldOn-day: A meeting dated in the future cannot be recorded as held: enter the date it was held.',
      "#parentsPresent: A professionals' meeting is held without the parents: choose another kind of meeting, or say the parents were not present.",
      '#action-1-owner: Enter who will do it.',
      '#action-1-dueOn-day: Enter the date it is due.',
      '#abuseCategory: Only a child protection conference that makes or keeps a plan records its category of abuse.',
    ]);
    assert.match(response.body, /<input class="govuk-radios__input" id="abuseCategory-4" name="abuseCategory" type="radio" value="EMO" checked/);
    assert.equal(inputValue(response.body, 'attendee-1-name'), 'Dr Ray');
    assert.equal(inputValue(response.body, 'action-1-text'), 'Send the log');
    assert.match(response.body, /Share the police log/);
    assert.equal(await meetings(), 0);
  });

  it('gives back long text exactly as typed, on an error and on "add another", and says the limit and how much was typed', async () => {
    const decision = 'd'.repeat(5290);
    const dissent = `${'e'.repeat(11_200)} end`;
    const refused = await web.post(`/cases/${caseId}/meetings/new`, strategyDiscussion({ 'decision-0': decision, chair: 'c'.repeat(201), 'action-0-text': 'a'.repeat(501), 'action-0-owner': 'Sam', dissent }));
    assert.equal(refused.statusCode, 400);
    const errors = summaryErrors(refused.body);
    assert.ok(errors.includes('#chair: Who chaired it must be 200 characters or fewer: you have 201.'), errors.join('\n'));
    assert.ok(errors.includes('#decision-0: Decision 1 must be 2,000 characters or fewer: you have 5,290.'));
    assert.ok(errors.includes('#dissent: Dissent must be 4,000 characters or fewer: you have 11,204.'));
    assert.ok(errors.includes('#action-0-text: What will be done for action 1 must be 500 characters or fewer: you have 501.'));
    assert.ok(refused.body.includes(`>${decision}</textarea>`));
    assert.ok(refused.body.includes(`>${dissent}</textarea>`));
    assert.equal(inputValue(refused.body, 'chair'), 'c'.repeat(201));
    const added = await web.post(`/cases/${caseId}/meetings/new`, { ...strategyDiscussion({ 'decision-0': decision, dissent }), add: 'attendees' });
    assert.equal(added.statusCode, 200);
    assert.ok(added.body.includes(`>${decision}</textarea>`));
    assert.ok(added.body.includes(`>${dissent}</textarea>`));
    assert.equal(await meetings(), 0);
  });

  describe('a date, read as every date input reads it', () => {
    const cases = [
      { name: 'a missing day', typed: ['', '3', '2026'], error: '#heldOn-day: The date the meeting was held must include a day.', parts: ['day'] },
      { name: 'letters', typed: ['3', 'March', '2026'], error: '#heldOn-day: The date the meeting was held must be a real date.', parts: ['day', 'month', 'year'] },
      { name: '31 February', typed: ['31', '2', '2026'], error: '#heldOn-day: The date the meeting was held must be a real date.', parts: ['day', 'month', 'year'] },
      { name: 'a year of 2 digits', typed: ['3', '3', '26'], error: '#heldOn-year: Year must include 4 numbers.', parts: ['year'] },
      { name: 'nothing at all', typed: ['', '', ''], error: '#heldOn-day: Enter the date the meeting was held.', parts: ['day', 'month', 'year'] },
    ] as const;
    for (const { name, typed, error, parts } of cases) {
      it(`refuses the day it was held with ${name}: the summary links to the first part in error, only those are marked, what was typed comes back`, async () => {
        const [day, month, year] = typed;
        const response = await web.post(`/cases/${caseId}/meetings/new`, strategyDiscussion({ 'heldOn-day': day, 'heldOn-month': month, 'heldOn-year': year }));
        assert.equal(response.statusCode, 400);
        assert.deepEqual(summaryErrors(response.body), [error]);
        assert.deepEqual(dateFieldState(response.body, 'heldOn'), { message: `Error: ${error.slice(error.indexOf(': ') + 2)}`, marked: parts, typed, describedBy: 'heldOn-hint heldOn-error' });
        assert.equal(await meetings(), 0);
      });
    }

    it("words an action's due date on its row, the other row's date unmarked, both as typed", async () => {
      const response = await web.post(
        `/cases/${caseId}/meetings/new`,
        strategyDiscussion({ 'action-0-text': 'Share the log', 'action-0-owner': 'PC Lane', 'action-0-dueOn-day': '15', 'action-0-dueOn-month': '', 'action-0-dueOn-year': '2027', 'action-1-text': 'Visit', 'action-1-owner': 'Sue Chair', ...dateFields('action-1-dueOn', addDays(today, 3)) }),
      );
      assert.equal(response.statusCode, 400);
      assert.deepEqual(summaryErrors(response.body), ['#action-0-dueOn-month: The due date must include a month.']);
      assert.deepEqual(dateFieldState(response.body, 'action-0-dueOn'), { message: 'Error: The due date must include a month.', marked: ['month'], typed: ['15', '', '2027'], describedBy: 'action-0-dueOn-hint action-0-dueOn-error' });
      assert.deepEqual(dateFieldState(response.body, 'action-1-dueOn'), { message: '', marked: [], typed: Object.values(dateFields('action-1-dueOn', addDays(today, 3))), describedBy: 'action-1-dueOn-hint' });
    });
  });

  it('records a strategy discussion and a late initial conference, and the page shows the clock met late and the observations', async () => {
    const strategyOn = addDays(today, -40);
    const first = await web.post(`/cases/${caseId}/meetings/new`, strategyDiscussion(dateFields('heldOn', strategyOn)));
    assert.equal(first.statusCode, 303, first.body.slice(0, 500));
    const conferenceOn = addWorkingDays(strategyOn, 16);
    const second = await web.post(`/cases/${caseId}/meetings/new`, {
      kind: 'initial-conference',
      ...dateFields('heldOn', conferenceOn),
      chair: 'Ivy Chair',
      chairIndependent: 'no',
      parentsPresent: 'yes',
      protectionPlan: 'yes',
      abuseCategory: 'NEG',
      'attendee-0-name': 'Hana Visitor',
      'attendee-0-agency': 'health-visiting',
      'absent-0-name': 'Dr Ray',
      'absent-0-agency': 'gp',
      'decision-0': 'Child protection plan',
      dissent: 'Police thought it should wait',
      'action-0-text': 'Book the first core group',
      'action-0-owner': 'Sue Chair',
      ...dateFields('action-0-dueOn', addDays(today, 5)),
    });
    assert.equal(second.statusCode, 303);
    assert.equal(second.headers.location, `/cases/${caseId}/meetings`);
    const page = await web.get(second.headers.location);
    assert.match(textOf(qaElement(page.body, 'meeting-saved')), /The meeting is recorded\./);
    assert.equal(qaElement((await web.get(`/cases/${caseId}/meetings`)).body, 'meeting-saved'), null, 'shown once, not on a reload');
    assert.equal(qaElement((await web.get(`/cases/${caseId}/meetings?saved=1`)).body, 'meeting-saved'), null, 'nor by an old bookmark');
    assert.match(textOf(qaElement(page.body, 'clock-initial-conference')), /Initial child protection conference.*Met late.*Met late on/);
    assert.match(textOf(qaElement(page.body, 'clock-first-core-group')), /First core group/);
    const text = textOf(page.body);
    assert.match(text, /The GP was invited but did not attend/);
    assert.match(text, /The chair of this conference was not independent of the case/);
    assert.match(text, /No health agency attended/);
    assert.match(textOf(qaElement(page.body, 'dissent')), /Police thought it should wait/);
    assert.match(text, /Category of abuse Neglect \(NEG\)/);
    assert.equal(await meetings(), 2);
  });

  it('refuses someone outside the team the page and the form, showing nothing of the record', async () => {
    for (const response of [await outsiderWeb.get(`/cases/${caseId}/meetings`), await outsiderWeb.get(`/cases/${caseId}/meetings/new`), await outsiderWeb.post(`/cases/${caseId}/meetings/new`, { kind: 'core-group' })]) {
      assert.equal(response.statusCode, 403);
      assert.doesNotMatch(response.body, /Pagemeet|Sue Chair/);
    }
    assert.equal(await meetings(), 2);
  });

  // Last: it lets the session go idle.
  it('gives the form back as typed when it was posted after the session went idle, once the same user signs in again', async () => {
    const url = `/cases/${caseId}/meetings/new`;
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(url);
    t.clock.advanceMinutes(31);
    const late = await client.post(url, { kind: 'core-group', chair: 'Kept Chair', 'attendee-0-name': 'Kept Attendee', 'attendee-0-agency': 'police', 'decision-0': 'Kept decision' });
    assert.equal(late.statusCode, 303);
    assert.equal(late.headers.location, `/sign-in?${new URLSearchParams({ returnTo: `${url}?restore=1`, reason: 'idle' }).toString()}`);
    await client.get(late.headers.location);
    const signedIn = await client.post('/sign-in', { email: lead.email, password: lead.password, returnTo: `${url}?restore=1` });
    assert.equal(signedIn.headers.location, `${url}?restore=1`);
    const form = await client.get(`${url}?restore=1`);
    assert.equal(form.statusCode, 200);
    assert.ok(qaElement(form.body, 'kept-form-banner'));
    assert.equal(inputValue(form.body, 'chair'), 'Kept Chair');
    assert.equal(inputValue(form.body, 'attendee-0-name'), 'Kept Attendee');
    assert.match(form.body, /<option value="police" selected>/);
    assert.match(form.body, /Kept decision<\/textarea>/);
    assert.equal((form.body.match(/data-qa="attendee-row"/g) ?? []).length, 4, 'with the rows a new form shows');
    assert.equal(await meetings(), 2, 'nothing recorded from it');
    assert.equal(inputValue((await client.get(`${url}?restore=1`)).body, 'chair'), '', 'given back once');
  });
});
