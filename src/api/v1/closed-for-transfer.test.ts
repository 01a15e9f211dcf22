import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { textOf, qaElement } from '../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import { addDays, dayInWords } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

// A case closed for transfer is frozen (issue 21): every family of change is refused with 409
// closed-for-transfer, audited once as denied, nothing changed; the receipt, a legal hold and every
// read still work; the batch refuses the closed case's entries one by one and stores the rest.
describe('a case closed for transfer takes no more changes', () => {
  let t: TestApp;
  let caseId: string;
  let openCaseId: string;
  let entryId: string;
  let today: string;
  let leadUser: Awaited<ReturnType<typeof makeUser>>;
  const tokens: Record<'lead' | 'manager', string> = { lead: '', manager: '' };

  const call = (who: 'lead' | 'manager', method: 'GET' | 'POST' | 'PUT', path: string, payload?: object, id = caseId) =>
    t.app.inject({ method, url: `/api/v1/cases/${id}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const event = (summary: string, extra: object = {}) => ({ kind: 'home-visit', occurredAt: `${addDays(today, -1)}T10:00:00Z`, summary, source: 'agency-record', ...extra });
  const deniedAsClosed = async () =>
    (await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('case_id', '=', caseId).where('outcome', '=', 'denied').orderBy('seq').execute())
      .filter((row) => (row.details as { reason?: string } | null)?.reason === 'closed-for-transfer')
      .map((row) => row.action);
  const count = async (table: 'chronology_entries' | 'people' | 'case_meetings' | 'chronology_disputes') =>
    (await t.ctx.db.selectFrom(table).select('id').where('case_id', '=', caseId).execute()).length;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const org = await makeOrganisation(t.ctx, 'health-visiting', 'Southby Health Visiting');
    leadUser = await makeUser(t.ctx, { organisationId: org.id, name: 'Lena Lead' });
    const manager = await makeUser(t.ctx, { organisationId: org.id, role: 'manager' });
    tokens.lead = await apiTokenFor(t.ctx, leadUser.email);
    tokens.manager = await apiTokenFor(t.ctx, manager.email);
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Mover', teamUserIds: [leadUser.id, manager.id] }));
    ({ id: openCaseId } = await makeCase(t.ctx, { familyName: 'Stayer', teamUserIds: [leadUser.id] }));
    await makePerson(t.ctx, caseId, { given_name: 'Zoë', family_name: 'Mover' });
    const recorded = await call('lead', 'POST', 'events', event('Visited before the move'));
    assert.equal(recorded.statusCode, 201, recorded.body);
    entryId = recorded.json<{ id: string }>().id;
    const closed = await call('lead', 'POST', 'transfer', { toArea: 'Northshire County Council', contact: 'Rita Receiver, duty team' });
    assert.equal(closed.statusCode, 201, closed.body);
  });
  after(async () => t.close());

  const closedMessage = () => new RegExp(`closed for transfer to Northshire County Council on ${dayInWords(today)}`);

  it('refuses each kind of change with 409 closed-for-transfer, says what to do, audits each once and changes nothing', async () => {
    const before = { entries: await count('chronology_entries'), people: await count('people'), meetings: await count('case_meetings'), disputes: await count('chronology_disputes') };
    const attempts = [
      ['chronology.record', await call('lead', 'POST', 'events', event('After the move'))],
      ['profile.factor-update', await call('lead', 'PUT', 'profile/factors/alcohol-misuse', { status: 'present', detail: 'Drinks daily', evidence: [], version: 0 })],
      ['person.add', await call('lead', 'POST', 'people', { relationshipToInfant: 'mothers-partner', livesInHousehold: true, caresForInfant: true, description: 'New partner' })],
      ['meeting.record', await call('lead', 'POST', 'meetings', { kind: 'professionals-meeting', heldOn: addDays(today, -2), chair: 'Sue Manager', parentsPresent: false, attendees: [{ name: 'PC Lane', agency: 'police' }], invitedAbsent: [], decisions: ['Share the plan'], actions: [] })],
      ['profile.decision', await call('lead', 'POST', 'profile/decisions', { decision: 'strategy-discussion', reasoning: 'Unsafe sleep', leadConsulted: true, profileVersion: 1 })],
      ['chronology.dispute', await call('lead', 'POST', `events/${entryId}/disputes`, { disputedBy: 'the mother', text: 'I was not there' })],
    ] as const;
    for (const [what, response] of attempts) {
      assert.equal(response.statusCode, 409, `${what}: ${response.body}`);
      const { error } = response.json<ApiErrorBody>();
      assert.equal(error.code, 'closed-for-transfer', what);
      assert.match(error.message, closedMessage(), what);
      assert.match(error.message, /Send anything new about the family to Northshire County Council/, what);
    }
    assert.equal((await deniedAsClosed()).length, attempts.length, 'one denied entry for each refusal');
    assert.deepEqual({ entries: await count('chronology_entries'), people: await count('people'), meetings: await count('case_meetings'), disputes: await count('chronology_disputes') }, before);
  });

  it('refuses the plan too (read first, then saved back)', async () => {
    const plan = await call('lead', 'GET', 'plan');
    assert.equal(plan.statusCode, 200);
    const saved = await call('lead', 'PUT', 'plan', { ...plan.json<object>(), outcomes: ['The baby sleeps in a cot'] });
    assert.equal(saved.statusCode, 409, saved.body);
    assert.equal(saved.json<ApiErrorBody>().error.code, 'closed-for-transfer');
  });

  it('refuses the closed case\'s entries in a batch one by one and stores the others', async () => {
    const batch = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events:batch',
      headers: { authorization: `Bearer ${tokens.lead}` },
      payload: { entries: [{ caseId, ...event('Batch, closed case', { externalId: 'B-1' }) }, { caseId: openCaseId, ...event('Batch, open case', { externalId: 'B-2' }) }] },
    });
    assert.equal(batch.statusCode, 200, batch.body);
    const result = batch.json<{ stored: { index: number }[]; rejected: { index: number; code: string; message: string; details: { path: string }[] }[] }>();
    assert.deepEqual(result.stored.map((s) => s.index), [1]);
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details[0]?.path]), [[0, 'closed-for-transfer', '/entries/0/caseId']]);
    assert.match(result.rejected[0]!.message, closedMessage());
    assert.ok((await deniedAsClosed()).includes('chronology.batch'));
  });

  it('still lets the team read it, a manager place a legal hold, and the lead record the receipt', async () => {
    assert.equal((await call('lead', 'GET', 'events')).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}`, headers: { authorization: `Bearer ${tokens.lead}` } })).statusCode, 200);
    const hold = await call('manager', 'POST', 'holds', { reason: 'Child safeguarding practice review' });
    assert.equal(hold.statusCode, 201, hold.body);
    const receipt = await call('lead', 'POST', 'transfer/receipt', { note: 'Rita phoned: they have it' });
    assert.ok([200, 201].includes(receipt.statusCode), receipt.body);
  });

  it('answers a page\'s change with a page that says when and where the case went, with a link to its transfer', async () => {
    const lead = await WebClient.signedIn(t.app, leadUser);
    const refused = await lead.post(`/cases/${caseId}/chronology/${entryId}/dispute`, { disputedBy: 'the mother', text: 'I was not there' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /This case was closed for transfer/);
    assert.match(refused.body, closedMessage());
    assert.match(textOf(qaElement(refused.body, 'error-link')), /transfer/);
  });
});
