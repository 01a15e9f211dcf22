// The subject access pages: the officer records a request (a slip comes back with the error summary
// and what was typed), reviews the draft (a decision without a reason refused at its field), is
// refused the release while any redaction is unreviewed, releases, and opens the disclosure; the team
// and anyone else are refused (403, audited); the administrator grants and ends the duty.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { dateFields, inputValue, qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { MOTHER_NHS, NOBODYS_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from '../../../application/subject-access/subject-access.test-support.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

describe('the subject access pages', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  const c = {} as Record<'officer' | 'practitioner' | 'admin', WebClient>;
  const audits = async (userId: string, action: string, outcome: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('id').where('actor_user_id', '=', userId).where('action', '=', action).where('outcome', '=', outcome).execute()).length;

  before(async () => {
    t = await createTestApp({ env: { CHROMIUM_PATH: 'none' } });
    f = await seedSubjectAccessFamily(t.ctx);
    for (const key of ['officer', 'practitioner', 'admin'] as const) c[key] = await WebClient.signedIn(t.app, f[key]);
  });
  after(async () => t.close());

  it('records a request, keeping what was typed when it finds nobody', async () => {
    const list = await c.officer.get('/subject-access');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /href="\/subject-access" aria-current="page">\s*<strong[^>]*>Subject access</, 'the menu offers it to an officer');
    assert.doesNotMatch((await c.practitioner.get('/')).body, /href="\/subject-access"/, 'and to nobody else');
    assert.ok(qaElement(list.body, 'no-requests'));
    const form = await c.officer.get('/subject-access/new');
    assert.equal(form.statusCode, 200);
    const today = serviceToday(t.clock.now());
    assert.deepEqual(['day', 'month', 'year'].map((part) => inputValue(form.body, `receivedOn-${part}`)), Object.values(dateFields('receivedOn', today)), 'received today unless changed');
    const slip = await c.officer.post('/subject-access/new', { nhsNumber: NOBODYS_NHS, parentNhsNumber: '', ...dateFields('receivedOn', today) });
    assert.equal(slip.statusCode, 422);
    assert.deepEqual(summaryErrors(slip.body), ['#nhsNumber: Nobody in any record has this NHS number. Check it with the person asking; if they are in a record without one, give their person id.']);
    assert.match(slip.body, new RegExp(`value="${NOBODYS_NHS}"`));
    const made = await c.officer.post('/subject-access/new', { nhsNumber: MOTHER_NHS, parentNhsNumber: '', ...dateFields('receivedOn', '2026-11-01') });
    assert.equal(made.statusCode, 303);
    const listed = await c.officer.get('/subject-access');
    assert.match(textOf(qaElement(listed.body, 'request')), /Sarah Hart, mother 1 November 2026 1 December 2026 Open/);
  });

  it('shows the draft with each marked item and its grounds, and refuses a decision without a reason at its field', async () => {
    const [request] = await t.ctx.db.selectFrom('subject_access_requests').select('id').execute();
    const page = await c.officer.get(`/subject-access/${request!.id}`);
    assert.equal(page.statusCode, 200);
    const marked = qaElements(page.body, 'marked-item');
    assert.equal(marked.length, 3);
    assert.match(textOf(marked.find((m) => m.includes('Father arrested')) ?? ''), /Marked because Another adult’s details; Information from another agency, until it agrees to its disclosure/);
    assert.match(textOf(qaElement(page.body, 'unreviewed')), /^3 items still to review/);
    const disclosed = textOf(qaElements(page.body, 'disclosed').join(' '));
    assert.match(disclosed, /Sarah Hart \(Mother\)/, 'the requester’s own details are not marked');

    const early = await c.officer.post(`/subject-access/${request!.id}/release`, {});
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /href="#release">3 redactions are not reviewed yet/);

    const itemKey = `person:${f.caseId}/${f.father.id}`;
    const slip = await c.officer.post(`/subject-access/${request!.id}/redactions`, { itemKey, decision: 'redact', reason: '' });
    assert.equal(slip.statusCode, 422);
    assert.match(slip.body, /href="#reason-\d">Enter why, such as the person’s consent/);
    assert.match(slip.body, /value="redact" checked/, 'the choice is kept');
    const reason = `Consent ${'c'.repeat(4200)}`;
    const tooLong = await c.officer.post(`/subject-access/${request!.id}/redactions`, { itemKey, decision: 'redact', reason });
    assert.equal(tooLong.statusCode, 422);
    assert.match(tooLong.body, /href="#reason-\d">The reason must be 2,000 characters or fewer: you have 4,208\.</);
    assert.ok(tooLong.body.includes(`>${reason}</textarea>`), 'the reason comes back whole');
  });

  it('records another agency’s answer for all its items at once, keeping what was typed on a slip', async () => {
    const [request] = await t.ctx.db.selectFrom('subject_access_requests').select('id').execute();
    const id = request!.id;
    const page = await c.officer.get(`/subject-access/${id}`);
    const [agency] = qaElements(page.body, 'agency');
    assert.match(textOf(agency ?? ''), /Riverside Police 1 item marked because Riverside Police recorded it\. 1 is marked for another reason too/);
    const slip = await c.officer.post(`/subject-access/${id}/agency-answers`, { agency: f.police.id, answer: 'refused', reason: ' ' });
    assert.equal(slip.statusCode, 422);
    assert.match(slip.body, /href="#agency-reason-0">Enter what the agency said, such as who agreed or refused, when, and why/);
    assert.match(qaElements(slip.body, 'agency')[0] ?? '', /name="answer" type="radio" value="refused" checked/, 'the answer is kept');
    const said = `Refused ${'p'.repeat(4200)}`;
    const tooLong = await c.officer.post(`/subject-access/${id}/agency-answers`, { agency: f.police.id, answer: 'refused', reason: said });
    assert.match(tooLong.body, /href="#agency-reason-0">What the agency said must be 1,700 characters or fewer: you have 4,208\.</);
    assert.ok(tooLong.body.includes(`>${said}</textarea>`), 'what the agency said comes back whole');
    const refused = await c.officer.post(`/subject-access/${id}/agency-answers`, { agency: f.police.id, answer: 'refused', reason: 'An investigation is open' });
    assert.equal(refused.statusCode, 303);
    const after = await c.officer.get(`/subject-access/${id}`);
    assert.match(after.body, /Riverside Police refused: 1 item redacted\./);
    assert.match(textOf(qaElements(after.body, 'marked-item').find((m) => m.includes('Father arrested')) ?? ''), /Decided Redact, by Dee Officer on .*: Riverside Police refused its disclosure: An investigation is open/);
    assert.match(textOf(qaElement(after.body, 'unreviewed')), /^2 items still to review/);
    assert.equal(await audits(f.practitioner.id, 'subject-access.agency-answer', 'denied'), 0);
    assert.equal((await c.practitioner.post(`/subject-access/${id}/agency-answers`, { agency: f.police.id, answer: 'agreed', reason: 'Yes' })).statusCode, 403);
    assert.equal(await audits(f.practitioner.id, 'subject-access.agency-answer', 'denied'), 1);
  });

  it('releases once every redaction is decided, and shows the disclosure with the redacted items withheld', async () => {
    const [request] = await t.ctx.db.selectFrom('subject_access_requests').select('id').execute();
    const id = request!.id;
    for (const itemKey of [`person:${f.caseId}/${f.father.id}`, `entry:${f.caseId}/${f.entries.police}`, `entry:${f.caseId}/${f.entries.neighbour}`]) {
      const decided = await c.officer.post(`/subject-access/${id}/redactions`, { itemKey, decision: 'redact', reason: 'Identifies someone else' });
      assert.equal(decided.statusCode, 303, decided.body);
    }
    assert.equal((await c.officer.get(`/subject-access/${id}/release`)).statusCode, 200);
    assert.equal((await c.officer.post(`/subject-access/${id}/release`, {})).statusCode, 303);
    const page = await c.officer.get(`/subject-access/${id}`);
    assert.ok(qaElement(page.body, 'download'));
    const disclosure = await c.officer.get(`/subject-access/${id}/disclosure`);
    assert.equal(disclosure.statusCode, 200);
    assert.equal(qaElements(disclosure.body, 'withheld').length, 3);
    assert.doesNotMatch(disclosure.body, /Tom Reed|Father arrested|neighbour rang/);
    assert.match(disclosure.body, /Mother and baby seen at home/);
    assert.equal(qaElement(disclosure.body, 'pdf-link'), null, 'no PDF offered without a browser');
    assert.equal((await c.officer.get(`/subject-access/${id}/disclosure.pdf`)).statusCode, 503);
  });

  it('extends the clock with the reason, refusing an empty one in the error summary', async () => {
    await c.officer.post('/subject-access/new', { nhsNumber: MOTHER_NHS, parentNhsNumber: '', ...dateFields('receivedOn', '2026-11-10') });
    const request = await t.ctx.db.selectFrom('subject_access_requests').select('id').where('received_on', '=', '2026-11-10').executeTakeFirstOrThrow();
    assert.equal((await c.officer.get(`/subject-access/${request.id}/extension`)).statusCode, 200);
    const slip = await c.officer.post(`/subject-access/${request.id}/extension`, { reason: ' ' });
    assert.equal(slip.statusCode, 422);
    assert.match(summaryErrors(slip.body)[0] ?? '', /^#reason: Enter why more time is needed/);
    const reason = `Records ${'r'.repeat(4200)}`;
    const tooLong = await c.officer.post(`/subject-access/${request.id}/extension`, { reason });
    assert.deepEqual(summaryErrors(tooLong.body), ['#reason: The reason must be 2,000 characters or fewer: you have 4,208.']);
    assert.ok(tooLong.body.includes(`>${reason}</textarea>`), 'the reason comes back whole');
    assert.equal((await c.officer.post(`/subject-access/${request.id}/extension`, { reason: 'Four agencies’ records' })).statusCode, 303);
    const page = await c.officer.get(`/subject-access/${request.id}`);
    assert.match(textOf(qaElement(page.body, 'clock')), /Answer due 10 February 2027.*Extended By Dee Officer: Four agencies’ records/);
  });

  it('lists an agency once when its evidence names it alone, apart from an outside agency with no account, and its answer settles both', async () => {
    const evidence = async (agency: string, note: string) => {
      const id = randomUUID();
      await t.ctx.db
        .insertInto('profile_evidence')
        .values({ case_id: f.caseId, id, factor_id: 'housing-instability', subject_key: 'household', source: 'agency-record', note, indicates: 'present', given_by: null, recorded_at: t.clock.now(), recorded_by: null, recorded_by_name: 'Someone', agency })
        .execute();
      return `evidence:${f.caseId}/${id}`;
    };
    const policeEvidence = await evidence('Riverside Police', 'Rent arrears reported to the police.');
    await evidence('Riverside Ambulance Trust', 'Crew called to the flat.');
    assert.equal((await c.officer.post('/subject-access/new', { nhsNumber: MOTHER_NHS, parentNhsNumber: '', ...dateFields('receivedOn', '2026-11-20') })).statusCode, 303);
    const { id } = await t.ctx.db.selectFrom('subject_access_requests').select('id').where('received_on', '=', '2026-11-20').executeTakeFirstOrThrow();
    const agencies = qaElements((await c.officer.get(`/subject-access/${id}`)).body, 'agency');
    assert.deepEqual(agencies.map((agency) => [textOf(agency).replace(/ marked because.*/, ''), inputValue(agency, 'agency')]), [
      ['Riverside Ambulance Trust 1 item', 'name:Riverside Ambulance Trust'],
      ['Riverside Police 2 items', f.police.id],
    ]);
    const refused = await c.officer.post(`/subject-access/${id}/agency-answers`, { agency: f.police.id, answer: 'refused', reason: 'An investigation is open' });
    assert.equal(refused.statusCode, 303);
    const decided = await t.ctx.db.selectFrom('subject_access_redactions').select('item_key').where('request_id', '=', id).orderBy('item_key').execute();
    assert.deepEqual(decided.map((d) => d.item_key), [`entry:${f.caseId}/${f.entries.police}`, policeEvidence].sort(), 'the entry by its id and the evidence by its name, nothing of the ambulance trust');
    const listedBefore = await c.officer.post(`/subject-access/${id}/agency-answers`, { agency: 'name:Riverside Police', answer: 'refused', reason: 'Still open' });
    assert.equal(listedBefore.statusCode, 303, 'a form from a page listed before the change still answers for the police');
  });

  it('refuses the team and the administrator every subject access page, audited', async () => {
    const [request] = await t.ctx.db.selectFrom('subject_access_requests').select('id').execute();
    for (const address of ['/subject-access', '/subject-access/new', `/subject-access/${request!.id}`, `/subject-access/${request!.id}/disclosure`, `/subject-access/${request!.id}/release`]) {
      assert.equal((await c.practitioner.get(address)).statusCode, 403, address);
      assert.equal((await c.admin.get(address)).statusCode, 403, address);
    }
    assert.equal((await c.practitioner.post('/subject-access/new', { nhsNumber: MOTHER_NHS, ...dateFields('receivedOn', '2026-11-01') })).statusCode, 403);
    assert.equal(await audits(f.practitioner.id, 'subject-access.draft', 'denied'), 2, 'the draft page and the release page');
    assert.equal(await audits(f.practitioner.id, 'subject-access.download', 'denied'), 1);
    assert.equal(await audits(f.practitioner.id, 'subject-access.request', 'denied'), 1);
  });

  it('lets the administrator make an account an officer and end it', async () => {
    const page = await c.admin.get('/admin/data-protection-officers');
    assert.equal(page.statusCode, 200);
    assert.equal(qaElements(page.body, 'officers').length, 1);
    const empty = await c.admin.post('/admin/data-protection-officers', { email: '' });
    assert.equal(empty.statusCode, 422);
    assert.deepEqual(summaryErrors(empty.body), ['#email: Enter the email address of the account']);
    const adminSelf = await c.admin.post('/admin/data-protection-officers', { email: f.admin.email });
    assert.equal(adminSelf.statusCode, 422);
    assert.deepEqual(summaryErrors(adminSelf.body), ['#email: An administrator cannot be a data protection officer. Choose the account of the person who answers requests for their data.']);
    assert.match(adminSelf.body, new RegExp(`value="${f.admin.email}"`));
    assert.equal((await c.admin.post('/admin/data-protection-officers', { email: f.practitioner.email })).statusCode, 303);
    assert.equal((await c.practitioner.get('/subject-access')).statusCode, 200);
    const grants = async () => t.ctx.db.selectFrom('data_protection_officers').selectAll().where('user_id', '=', f.practitioner.id).execute();
    const before = await grants();
    const again = await c.admin.post('/admin/data-protection-officers', { email: f.practitioner.email });
    assert.equal(again.statusCode, 303, 'asked again: nothing to refuse');
    assert.equal(textOf(qaElement((await c.admin.get('/admin/data-protection-officers')).body, 'success-banner')), `Success ${f.practitioner.email} is a data protection officer already: nothing has changed`);
    assert.deepEqual(await grants(), before, 'the grant kept as it was, with who made it and when');
    assert.equal((await c.admin.post(`/admin/data-protection-officers/${f.practitioner.id}/revoke`, {})).statusCode, 303);
    assert.equal((await c.practitioner.get('/subject-access')).statusCode, 403);
    assert.equal((await c.officer.get('/admin/data-protection-officers')).statusCode, 403);
  });
});
