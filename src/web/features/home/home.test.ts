import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestApp, TEST_SESSION_SECRET, type TestApp } from '../../../../test/helpers/test-app.ts';
import { RoundTrips } from '../../../../test/helpers/round-trips.ts';
import { buildApp } from '../../../app.ts';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { recordEntry } from '../../../application/chronology/record-entry.ts';
import { recordMeeting } from '../../../application/meetings/record-meeting.ts';
import { qaElement, qaElements, textOf } from '../../../../test/helpers/html.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

function caseLinks(html: string): string[] {
  return [...html.matchAll(/href="\/cases\/([^"]+)"/g)].map((match) => match[1]!);
}

describe('home page: my cases', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => {
    await t.close();
  });

  async function signedIn() {
    const user = await makeUser(t.ctx);
    const client = new WebClient(t.app);
    await client.signIn(user.email, user.password);
    return { user, client };
  }

  it('sends someone not signed in to sign in, to come back afterwards', async () => {
    const response = await new WebClient(t.app).get('/');
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?returnTo=%2F');
  });

  it('tells a practitioner in no team that they have no cases yet', async () => {
    const { client } = await signedIn();
    const response = await client.get('/');
    assert.equal(response.statusCode, 200);
    assert.ok(qaElement(response.body, 'no-cases'), 'shows the empty state');
    assert.equal(qaElement(response.body, 'my-cases'), null);
  });

  it('lists exactly the cases whose team the practitioner is in', async () => {
    const { user, client } = await signedIn();
    const colleague = await makeUser(t.ctx);
    const first = await makeCase(t.ctx, { familyName: 'Ashworth', teamUserIds: [user.id, colleague.id] });
    const second = await makeCase(t.ctx, { familyName: 'Bramley', teamUserIds: [colleague.id, user.id] });
    const notMine = await makeCase(t.ctx, { familyName: 'Calloway', teamUserIds: [colleague.id] });

    const response = await client.get('/');
    assert.equal(response.statusCode, 200);
    const table = qaElement(response.body, 'my-cases');
    assert.ok(table, 'shows the list of cases');
    assert.equal(qaElement(response.body, 'no-cases'), null);
    assert.deepEqual(caseLinks(table), [first.id, second.id]);
    assert.match(table, /Test Ashworth/);
    assert.match(table, /Test Bramley/);
    assert.ok(!response.body.includes(notMine.id));
    assert.doesNotMatch(response.body, /Calloway/);
  });

  it('shows the practitioner’s role in each team', async () => {
    const { user, client } = await signedIn();
    const colleague = await makeUser(t.ctx);
    await makeCase(t.ctx, { familyName: 'Lead', teamUserIds: [user.id] });
    await makeCase(t.ctx, { familyName: 'Member', teamUserIds: [colleague.id, user.id] });
    const table = qaElement((await client.get('/')).body, 'my-cases')!;
    assert.match(table, /Test Lead<\/a>[\s\S]*Lead professional[\s\S]*Test Member<\/a>[\s\S]*Team member/);
  });

  it('records in the audit trail that the practitioner saw the list, with the case ids', async () => {
    const { user, client } = await signedIn();
    const first = await makeCase(t.ctx, { familyName: 'Dunmore', teamUserIds: [user.id] });
    const second = await makeCase(t.ctx, { familyName: 'Ellery', teamUserIds: [user.id] });
    await makeCase(t.ctx, { familyName: 'Fairfax' });

    await client.get('/');
    const rows = await t.ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'channel', 'details'])
      .where('action', '=', 'cases.list')
      .where('actor_user_id', '=', user.id)
      .execute();
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.outcome, 'success');
    assert.equal(rows[0]!.channel, 'web');
    assert.deepEqual(rows[0]!.details, { caseIds: [first.id, second.id] });
  });

  it('records an empty list of case ids for a practitioner in no team', async () => {
    const { user, client } = await signedIn();
    await client.get('/');
    const rows = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'cases.list').where('actor_user_id', '=', user.id).execute();
    assert.deepEqual(
      rows.map((row) => row.details),
      [{ caseIds: [] }],
    );
  });

  describe('profile reviews', () => {
    // The test clock starts on 22 November 2026.
    async function reviewedCase(userId: string, familyName: string, level: string, reviewedAt: string | null) {
      const made = await makeCase(t.ctx, { familyName, teamUserIds: [userId] });
      await t.ctx.db
        .updateTable('cases')
        .set({ level, profile_reviewed_at: reviewedAt === null ? null : new Date(reviewedAt) })
        .where('id', '=', made.id)
        .execute();
      return made;
    }

    function reviewColumn(html: string): string[] {
      return qaElements(qaElement(html, 'my-cases')!, 'profile-review').map((cell) => textOf(cell));
    }

    it('shows when each profile review is due, the most pressing first', async () => {
      const { user, client } = await signedIn();
      const later = await reviewedCase(user.id, 'Abbot', 'child-in-need', '2026-11-20T10:00:00Z');
      const dueSoon = await reviewedCase(user.id, 'Baxter', 'early-help', '2026-10-01T10:00:00Z');
      const never = await reviewedCase(user.id, 'Carver', 'child-protection', null);
      const overdue = await reviewedCase(user.id, 'Dalton', 'child-protection', '2026-10-01T10:00:00Z');
      const dueToday = await reviewedCase(user.id, 'Eccles', 'child-protection', '2026-10-25T10:00:00Z');
      const longOverdue = await reviewedCase(user.id, 'Foster', 'universal', '2026-07-01T10:00:00Z');

      const body = (await client.get('/')).body;
      const table = qaElement(body, 'my-cases')!;
      assert.deepEqual(caseLinks(table), [longOverdue.id, overdue.id, never.id, dueToday.id, dueSoon.id, later.id]);
      assert.deepEqual(reviewColumn(body), [
        'Overdue: was due 30 September 2026',
        'Overdue: was due 29 October 2026',
        'Not yet reviewed',
        'Review due 22 November 2026',
        'Review due 26 November 2026',
        'Review due 1 January 2027',
      ]);
      assert.match(table, /<th[^>]*>Profile review<\/th>/);
    });

    it('tags overdue red, never reviewed orange and due soon yellow, and leaves later reviews as plain text', async () => {
      const { user, client } = await signedIn();
      await reviewedCase(user.id, 'Overdue', 'child-protection', '2026-10-01T10:00:00Z');
      await reviewedCase(user.id, 'Never', 'universal', null);
      await reviewedCase(user.id, 'Soon', 'child-protection', '2026-11-01T10:00:00Z');
      await reviewedCase(user.id, 'Later', 'universal', '2026-11-01T10:00:00Z');

      const cells = qaElements(qaElement((await client.get('/')).body, 'my-cases')!, 'profile-review');
      assert.match(cells[0]!, /govuk-tag--red[^>]*>\s*Overdue: was due 29 October 2026/);
      assert.match(cells[1]!, /govuk-tag--orange[^>]*>\s*Not yet reviewed/);
      assert.match(cells[2]!, /govuk-tag--yellow[^>]*>\s*Review due 29 November 2026/);
      assert.doesNotMatch(cells[3]!, /govuk-tag/);
      assert.equal(textOf(cells[3]!), 'Review due 31 January 2027');
    });

    it('brings a review forward to the day of a trigger event in the chronology since the last review', async () => {
      const { user, client } = await signedIn();
      const made = await reviewedCase(user.id, 'Triggered', 'universal', '2026-11-01T10:00:00Z');
      const recorded = await recordEntry(t.ctx, actorFor(user), made.id, { kind: 'hospital-discharge', occurredAt: '2026-11-12', summary: 'Discharged from the children’s ward', source: 'agency-record' });
      assert.ok(recorded.ok);
      await recordEntry(t.ctx, actorFor(user), made.id, { kind: 'home-visit', occurredAt: '2026-11-05', summary: 'Routine visit', source: 'observed' });
      assert.deepEqual(reviewColumn((await client.get('/')).body), ['Overdue: was due 12 November 2026']);
    });

    it('counts a review due today as due soon and one due yesterday as overdue', async () => {
      const { user, client } = await signedIn();
      await reviewedCase(user.id, 'Today', 'child-protection', '2026-10-25T10:00:00Z');
      await reviewedCase(user.id, 'Yesterday', 'child-protection', '2026-10-24T10:00:00Z');
      assert.deepEqual(reviewColumn((await client.get('/')).body), ['Overdue: was due 21 November 2026', 'Review due 22 November 2026']);
    });

    it('keeps the family name order between cases whose reviews are equally pressing', async () => {
      const { user, client } = await signedIn();
      const second = await reviewedCase(user.id, 'Yardley', 'universal', null);
      const first = await reviewedCase(user.id, 'Whitby', 'universal', null);
      const third = await reviewedCase(user.id, 'Zeal', 'early-help', null);
      assert.deepEqual(caseLinks(qaElement((await client.get('/')).body, 'my-cases')!), [first.id, second.id, third.id]);
    });

    it('sums up the overdue and never reviewed profiles above the list', async () => {
      const { user, client } = await signedIn();
      await reviewedCase(user.id, 'One', 'child-protection', '2026-10-01T10:00:00Z');
      await reviewedCase(user.id, 'Two', 'universal', '2026-07-01T10:00:00Z');
      await reviewedCase(user.id, 'Three', 'universal', null);
      await reviewedCase(user.id, 'Four', 'child-protection', '2026-11-01T10:00:00Z');
      const body = (await client.get('/')).body;
      assert.equal(textOf(qaElement(body, 'review-summary')), '2 profile reviews are overdue and 1 profile has not been reviewed yet.');
      assert.ok(body.indexOf('data-qa="review-summary"') < body.indexOf('data-qa="my-cases"'), 'the summary comes before the list');
    });

    it('says so in the singular, and names only what there is', async () => {
      const { user, client } = await signedIn();
      await reviewedCase(user.id, 'One', 'child-protection', '2026-10-01T10:00:00Z');
      assert.equal(textOf(qaElement((await client.get('/')).body, 'review-summary')), '1 profile review is overdue.');

      const other = await signedIn();
      await reviewedCase(other.user.id, 'A', 'universal', null);
      await reviewedCase(other.user.id, 'B', 'universal', null);
      assert.equal(textOf(qaElement((await other.client.get('/')).body, 'review-summary')), '2 profiles have not been reviewed yet.');
    });

    it('gives no summary when no review is overdue or outstanding', async () => {
      const { user, client } = await signedIn();
      await reviewedCase(user.id, 'Soon', 'child-protection', '2026-11-01T10:00:00Z');
      await reviewedCase(user.id, 'Later', 'universal', '2026-11-01T10:00:00Z');
      assert.equal(qaElement((await client.get('/')).body, 'review-summary'), null);
    });

    it('moves a review from due soon to overdue as the days pass', async () => {
      // Its own app, so moving the clock leaves the other tests' today alone.
      const own = await createTestApp();
      try {
        const user = await makeUser(own.ctx);
        const made = await makeCase(own.ctx, { familyName: 'Soon', teamUserIds: [user.id] });
        await own.ctx.db.updateTable('cases').set({ level: 'universal', profile_reviewed_at: new Date('2026-08-25T10:00:00Z') }).where('id', '=', made.id).execute();
        const twoDaysAhead = new WebClient(own.app);
        await twoDaysAhead.signIn(user.email, user.password);
        assert.deepEqual(reviewColumn((await twoDaysAhead.get('/')).body), ['Review due 24 November 2026']);

        own.clock.advanceMinutes(3 * 24 * 60);
        const dayAfterDue = new WebClient(own.app);
        await dayAfterDue.signIn(user.email, user.password);
        assert.deepEqual(reviewColumn((await dayAfterDue.get('/')).body), ['Overdue: was due 24 November 2026']);
      } finally {
        await own.close();
      }
    });
  });

  describe('timescales', () => {
    // The test clock starts on Sunday 22 November 2026. Strategy discussions start the initial
    // conference's clock: 15 working days (Working Together to Safeguard Children (2023)).
    // `conferenceOn`: an initial conference, recorded as a meeting, that decided the baby needs no
    // child protection plan, so no clock runs after it.
    async function caseWithStrategyDiscussion(user: { id: string; organisationId: string; role: 'practitioner' }, familyName: string, heldOn: string, conferenceOn?: string) {
      const made = await makeCase(t.ctx, { familyName, teamUserIds: [user.id] });
      const recorded = await recordEntry(t.ctx, actorFor(user), made.id, { kind: 'strategy-discussion', occurredAt: heldOn, summary: 'Strategy discussion: section 47 enquiries to start', source: 'agency-record' });
      assert.ok(recorded.ok);
      if (conferenceOn) {
        const conference = await recordMeeting(t.ctx, actorFor(user), made.id, {
          kind: 'initial-conference',
          heldOn: conferenceOn,
          chair: 'Independent chair',
          chairIndependent: true,
          parentsPresent: true,
          attendees: [{ name: 'Sue Worker', agency: 'childrens-social-care' }],
          decisions: ['No child protection plan: child in need support'],
          protectionPlan: false,
        });
        assert.ok(conference.ok, JSON.stringify(conference));
      }
      return made;
    }

    function clockColumn(html: string): string[] {
      return qaElements(qaElement(html, 'my-cases')!, 'clock').map((cell) => textOf(cell));
    }

    async function fourCases() {
      const { user, client } = await signedIn();
      const me = { ...user, role: 'practitioner' as const };
      // Family names put them in the opposite order of their clocks' urgency.
      const none = await makeCase(t.ctx, { familyName: 'Abbot', teamUserIds: [user.id] });
      const met = await caseWithStrategyDiscussion(me, 'Baxter', '2026-10-05', '2026-10-20');
      const due = await caseWithStrategyDiscussion(me, 'Carver', '2026-11-20');
      const soon = await caseWithStrategyDiscussion(me, 'Dalton', '2026-11-02');
      const overdue = await caseWithStrategyDiscussion(me, 'Eccles', '2026-10-26');
      return { user, client, none, met, due, soon, overdue };
    }

    it('shows each case’s most pressing timescale in words, overdue and due soon as tags', async () => {
      const { client } = await fourCases();
      const body = (await client.get('/?order=review')).body;
      assert.match(qaElement(body, 'my-cases')!, /<th[^>]*>Timescales<\/th>/);
      // All reviews are equally pressing (never reviewed): the family name order stays.
      assert.deepEqual(clockColumn(body), [
        'No timescale running',
        'No timescale running',
        'Initial child protection conference due in 15 working days',
        'Initial child protection conference due in 1 working day',
        'Initial child protection conference overdue by 4 working days',
      ]);
      const cells = qaElements(qaElement(body, 'my-cases')!, 'clock');
      assert.doesNotMatch(cells[2]!, /govuk-tag/);
      assert.match(cells[3]!, /govuk-tag--yellow/);
      assert.match(cells[4]!, /govuk-tag--red/);
      assert.equal(textOf(qaElement(body, 'clock-summary')), '1 case has a timescale overdue.');
    });

    it('puts the most pressing timescale first when asked, then keeps the review order', async () => {
      const { client, none, met, due, soon, overdue } = await fourCases();
      const body = (await client.get('/?order=clocks')).body;
      assert.deepEqual(caseLinks(qaElement(body, 'my-cases')!), [overdue.id, soon.id, due.id, none.id, met.id]);
      assert.match(qaElement(body, 'list-options')!, /value="clocks" checked/);
    });

    it('shows only the cases with a timescale overdue when asked, and audits what it showed', async () => {
      const { user, client, overdue } = await fourCases();
      const body = (await client.get('/?order=review&clocks=overdue')).body;
      assert.deepEqual(caseLinks(qaElement(body, 'my-cases')!), [overdue.id]);
      assert.match(qaElement(body, 'list-options')!, /value="overdue" checked/);
      const rows = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'cases.list').where('actor_user_id', '=', user.id).execute();
      assert.deepEqual(rows.map((row) => row.details), [{ caseIds: [overdue.id], order: 'review', overdueClocksOnly: true }]);
    });

    it('says when no case has a timescale overdue, with a way back to all of them', async () => {
      const { user, client } = await signedIn();
      await makeCase(t.ctx, { familyName: 'Quiet', teamUserIds: [user.id] });
      const body = (await client.get('/?clocks=overdue')).body;
      assert.equal(qaElement(body, 'my-cases'), null);
      assert.equal(qaElement(body, 'no-cases'), null);
      assert.match(textOf(qaElement(body, 'no-overdue-clocks')), /None of your cases has a timescale overdue/);
      assert.equal(qaElement(body, 'clock-summary'), null);
    });

    it('takes an order, filter or page it does not know as the default', async () => {
      const { client } = await fourCases();
      const body = (await client.get('/?order=sideways&clocks=yes&page=first')).body;
      assert.deepEqual(caseLinks(qaElement(body, 'my-cases')!), caseLinks(qaElement((await client.get('/')).body, 'my-cases')!));
      assert.equal(caseLinks(qaElement(body, 'my-cases')!).length, 5);
      assert.match(qaElement(body, 'list-options')!, /value="action" checked/);
    });

    it('shows no clock from a strategy discussion that was corrected away', async () => {
      const { user, client } = await signedIn();
      const me = { ...user, role: 'practitioner' as const };
      const made = await caseWithStrategyDiscussion(me, 'Corrected', '2026-10-26');
      const [entry] = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', made.id).execute();
      const corrected = await recordEntry(t.ctx, actorFor(user), made.id, { kind: 'home-visit', occurredAt: '2026-10-26', summary: 'A home visit, not a strategy discussion', source: 'agency-record', corrects: entry!.id, correctionReason: 'Recorded as the wrong kind' });
      assert.ok(corrected.ok, JSON.stringify(corrected));
      assert.deepEqual(clockColumn((await client.get('/')).body), ['No timescale running']);
    });
  });

  /** Stores a profile version of the case with findings of these severities, as the latest. */
  async function storeFindings(caseId: string, severities: ('critical' | 'high' | 'attention')[]) {
    const { profile_version } = await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow();
    const findings = severities.map((severity, index) => ({ id: `finding-${index}`, severity, rationale: 'Set by the test' }));
    await t.ctx.db
      .insertInto('profile_versions')
      .values({ case_id: caseId, version: profile_version + 1, changed_at: t.clock.now(), changed_by: null, factor_id: null, subject_key: null, change: JSON.stringify({}), changed_by_name: null, why: null, findings: JSON.stringify(findings) })
      .execute();
    await t.ctx.db.updateTable('cases').set({ profile_version: profile_version + 1 }).where('id', '=', caseId).execute();
  }

  describe('what needs action first', () => {
    it('shows each case’s most severe finding and how many, critical then high then overdue timescales then the soonest due', async () => {
      const { user, client } = await signedIn();
      const me = { ...user, role: 'practitioner' as const };
      const reviewed = async (familyName: string, reviewedAt: string) => {
        const made = await makeCase(t.ctx, { familyName, teamUserIds: [user.id] });
        await t.ctx.db.updateTable('cases').set({ level: 'universal', profile_reviewed_at: new Date(reviewedAt) }).where('id', '=', made.id).execute();
        return made;
      };
      // Family names in the opposite order of what needs action.
      const later = await reviewed('Abbot', '2026-11-20T10:00:00Z');
      const sooner = await reviewed('Baxter', '2026-09-01T10:00:00Z');
      const clockOverdue = await reviewed('Carver', '2026-11-20T10:00:00Z');
      assert.ok((await recordEntry(t.ctx, actorFor(me), clockOverdue.id, { kind: 'strategy-discussion', occurredAt: '2026-10-26', summary: 'Strategy discussion', source: 'agency-record' })).ok);
      await storeFindings(clockOverdue.id, ['attention']);
      const oneHigh = await reviewed('Dalton', '2026-11-20T10:00:00Z');
      await storeFindings(oneHigh.id, ['high', 'attention']);
      const twoHigh = await reviewed('Eccles', '2026-11-20T10:00:00Z');
      await storeFindings(twoHigh.id, ['high', 'high']);
      const critical = await reviewed('Foster', '2026-11-20T10:00:00Z');
      await storeFindings(critical.id, ['attention', 'critical']);

      const body = (await client.get('/')).body;
      const table = qaElement(body, 'my-cases')!;
      assert.deepEqual(caseLinks(table), [critical.id, twoHigh.id, oneHigh.id, clockOverdue.id, sooner.id, later.id]);
      assert.deepEqual(
        qaElements(table, 'findings').map((cell) => textOf(cell)),
        ['1 critical finding 2 findings in all', '2 high findings', '1 high finding 2 findings in all', '1 finding needing attention', 'No findings', 'No findings'],
      );
      const cells = qaElements(table, 'findings');
      assert.match(cells[0]!, /govuk-tag--red/);
      assert.match(cells[1]!, /govuk-tag--orange/);
      assert.match(cells[3]!, /govuk-tag--yellow/);
      assert.doesNotMatch(cells[4]!, /govuk-tag/);
      assert.equal(textOf(qaElement(body, 'findings-summary')), '1 case has a critical finding and 2 cases have a high finding.');
      assert.match(qaElement(body, 'list-options')!, /value="action" checked/);
    });

    it('reads the findings the latest version stored, and gives no findings summary when there are none', async () => {
      const { user, client } = await signedIn();
      const made = await makeCase(t.ctx, { familyName: 'Stored', teamUserIds: [user.id] });
      await storeFindings(made.id, ['critical']);
      await storeFindings(made.id, ['attention']);
      const body = (await client.get('/')).body;
      assert.deepEqual(qaElements(body, 'findings').map((cell) => textOf(cell)), ['1 finding needing attention']);
      assert.equal(qaElement(body, 'findings-summary'), null);
    });
  });

  describe('one look, one audit entry', () => {
    it('reads the open alerts and the cases as one use case and audits both in one entry', async () => {
      const { user, client } = await signedIn();
      const lead = await makeUser(t.ctx);
      const made = await makeCase(t.ctx, { familyName: 'Alerted', teamUserIds: [lead.id, user.id] });
      const recorded = await recordEntry(t.ctx, actorFor({ ...lead, role: 'practitioner' }), made.id, { kind: 'hospital-discharge', occurredAt: '2026-11-21', summary: 'Discharged from the children’s ward', source: 'agency-record' });
      assert.ok(recorded.ok);
      const [alert] = await t.ctx.db.selectFrom('alert_recipients').select('alert_id').where('user_id', '=', user.id).execute();
      assert.ok(alert, 'the team member has an open alert');

      const body = (await client.get('/')).body;
      assert.ok(qaElement(body, 'open-alerts'));
      const rows = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('actor_user_id', '=', user.id).where('action', 'in', ['cases.list', 'alerts.list']).execute();
      assert.deepEqual(rows, [{ action: 'cases.list', details: { caseIds: [made.id], alertIds: [alert.alert_id] } }]);
    });
  });

  describe('the statements a view sends (issue 12)', () => {
    // The session's read; the open alerts (and a lead's decisions awaiting an answer) beside the cases, each case with its findings, its entries and
    // meetings for the clocks and its colleagues in one statement; the audit entry once both are read.
    // Before, the cases' entries and meetings, and then a lead's colleagues, were read one after another.
    it('reads a practitioner’s cases with their clocks, or an organisation’s with its members, in one statement beside the alerts', async () => {
      const organisation = await makeOrganisation(t.ctx);
      const practitioner = await makeUser(t.ctx, { organisationId: organisation.id });
      const lead = await makeUser(t.ctx, { organisationId: organisation.id, role: 'safeguarding-lead' });
      const recorder = await makeUser(t.ctx);
      for (const familyName of ['Counted', 'Sent']) {
        const { id } = await makeCase(t.ctx, { familyName, teamUserIds: [practitioner.id, recorder.id] });
        assert.ok((await recordEntry(t.ctx, actorFor(recorder), id, { kind: 'emergency-attendance', occurredAt: '2026-11-20', summary: 'Seen in A&E', source: 'agency-record' })).ok);
        const meeting = await recordMeeting(t.ctx, actorFor(practitioner), id, {
          kind: 'strategy-discussion',
          heldOn: '2026-11-21',
          chair: 'Team manager',
          parentsPresent: false,
          attendees: [{ name: 'Sue Worker', agency: 'childrens-social-care' }],
          decisions: ['Section 47 enquiries to start'],
          section47: true,
        });
        assert.ok(meeting.ok, JSON.stringify(meeting));
      }
      const trips = new RoundTrips(t.database);
      const counted = await buildApp({ ctx: { ...t.ctx, db: trips.db }, sessionSecret: TEST_SESSION_SECRET });
      try {
        for (const user of [practitioner, lead]) {
          const cookie = (await WebClient.signedIn(t.app, user)).cookieHeader;
          const view = async () => {
            const response = await counted.inject({ url: '/', headers: { cookie } });
            assert.equal(response.statusCode, 200);
            assert.equal(caseLinks(qaElement(response.body, 'my-cases')!).length, 2);
          };
          // The second view, as on a server that has been running (the settings kept).
          await view();
          const sent = await trips.count(view);
          // A safeguarding lead's page also reads the decisions awaiting their answer, beside the alerts (ADR 0027, amendment).
          const statements = user.role === 'safeguarding-lead' ? 5 : 4;
          assert.deepEqual({ statements: sent.statements.length, inSequence: sent.inSequence }, { statements, inSequence: 3 }, sent.statements.join('\n'));
        }
      } finally {
        await counted.close();
      }
    });
  });

  describe('a safeguarding lead’s or a manager’s home page', () => {
    it('lists the cases a member of their organisation is in the team of, with who, and audits it as their organisation’s', async () => {
      const organisation = await makeOrganisation(t.ctx);
      const lead = await makeUser(t.ctx, { organisationId: organisation.id, role: 'safeguarding-lead', name: 'Sam Lead' });
      const visitor = await makeUser(t.ctx, { organisationId: organisation.id, name: 'Hana Visitor' });
      const outsider = await makeUser(t.ctx);
      const ours = await makeCase(t.ctx, { familyName: 'Ours', teamUserIds: [outsider.id, visitor.id] });
      const leading = await makeCase(t.ctx, { familyName: 'Leading', teamUserIds: [visitor.id] });
      const theirs = await makeCase(t.ctx, { familyName: 'Theirs', teamUserIds: [outsider.id] });
      await storeFindings(ours.id, ['high']);

      const client = await WebClient.signedIn(t.app, lead);
      const body = (await client.get('/')).body;
      assert.match(body, /<h1 class="govuk-heading-l">Your organisation’s cases<\/h1>/);
      assert.equal(qaElement(body, 'no-cases'), null);
      const table = qaElement(body, 'my-cases')!;
      assert.deepEqual(caseLinks(table), [ours.id, leading.id]);
      assert.ok(!body.includes(theirs.id));
      assert.deepEqual(qaElements(table, 'role').map((cell) => textOf(cell)), ['Hana Visitor (team member)', 'Hana Visitor (lead professional)']);
      assert.match(table, /In the team from your organisation/);
      const rows = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'cases.list').where('actor_user_id', '=', lead.id).execute();
      assert.deepEqual(rows.map((row) => row.details), [{ caseIds: [ours.id, leading.id], scope: 'organisation' }]);
    });

    it('says when nobody from their organisation is in a team yet', async () => {
      const manager = await makeUser(t.ctx, { role: 'manager' });
      const body = (await (await WebClient.signedIn(t.app, manager)).get('/')).body;
      assert.match(textOf(qaElement(body, 'no-cases')), /Nobody from your organisation is in the team around any family yet/);
      assert.doesNotMatch(body, /You are not in the team around any family yet/);
    });

    it('shows 50 cases a page, with links to the others that keep the order, and audits the cases on the page shown', async () => {
      const organisation = await makeOrganisation(t.ctx);
      const manager = await makeUser(t.ctx, { organisationId: organisation.id, role: 'manager' });
      const member = await makeUser(t.ctx, { organisationId: organisation.id });
      const made: string[] = [];
      for (let i = 0; i < 52; i++) made.push((await makeCase(t.ctx, { familyName: `Paged ${String(i).padStart(2, '0')}`, teamUserIds: [member.id] })).id);
      const client = await WebClient.signedIn(t.app, manager);
      const first = (await client.get('/?order=review')).body;
      assert.equal(caseLinks(qaElement(first, 'my-cases')!).length, 50);
      assert.equal(textOf(qaElement(first, 'cases-shown')), 'Showing 1 to 50 of 52 cases');
      assert.match(first, /href="\/\?order=review&amp;page=2"/);
      const second = (await client.get('/?order=review&page=2')).body;
      assert.deepEqual(caseLinks(qaElement(second, 'my-cases')!), made.slice(50));
      assert.equal(textOf(qaElement(second, 'cases-shown')), 'Showing 51 to 52 of 52 cases');
      const rows = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'cases.list').where('actor_user_id', '=', manager.id).orderBy('seq').execute();
      assert.deepEqual(rows[1]?.details, { caseIds: made.slice(50), scope: 'organisation', order: 'review', page: 2 });
    });
  });
});
