import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

// Cancelling a transfer (issue 21): the lead professional, or a manager or safeguarding lead of the
// sending organisation, with a reason, while the receipt is not confirmed; the case is open again,
// the task closes, the history and chronology say so; every refusal audited.
describe('POST /api/v1/cases/{caseId}/transfer/cancellation', () => {
  let t: TestApp;
  let today: string;
  const tokens: Record<'lead' | 'member' | 'manager' | 'otherManager', string> = { lead: '', member: '', manager: '', otherManager: '' };

  const call = (who: keyof typeof tokens, caseId: string, method: 'GET' | 'POST', path: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const audited = async (caseId: string) =>
    (await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('case_id', '=', caseId).where('action', '=', 'case.transfer-cancel').orderBy('seq').execute()).map((row) => [
      row.outcome,
      (row.details as { reason?: string } | null)?.reason ?? null,
    ]);
  const event = (summary: string) => ({ kind: 'home-visit', occurredAt: `${addDays(today, -1)}T10:00:00Z`, summary, source: 'agency-record' });
  let teamIds: string[];
  const closedCase = async (familyName: string) => {
    const { id } = await makeCase(t.ctx, { familyName, teamUserIds: teamIds });
    const closed = await call('lead', id, 'POST', 'transfer', { toArea: 'Northshire County Council', contact: 'Rita Receiver, duty team' });
    assert.equal(closed.statusCode, 201, closed.body);
    return id;
  };

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const org = await makeOrganisation(t.ctx, 'health-visiting', 'Southby Health Visiting');
    const other = await makeOrganisation(t.ctx, 'police', 'Southby Police');
    const lead = await makeUser(t.ctx, { organisationId: org.id, name: 'Lena Lead' });
    const member = await makeUser(t.ctx, { organisationId: org.id });
    const manager = await makeUser(t.ctx, { organisationId: org.id, role: 'manager', name: 'Mo Manager' });
    const otherManager = await makeUser(t.ctx, { organisationId: other.id, role: 'manager' });
    teamIds = [lead.id, member.id, otherManager.id];
    for (const [who, user] of [['lead', lead], ['member', member], ['manager', manager], ['otherManager', otherManager]] as const) tokens[who] = await apiTokenFor(t.ctx, user.email);
  });
  after(async () => t.close());

  it('cancels for the lead: the case takes changes again, the task closes, the history, chronology and audit say so', async () => {
    const caseId = await closedCase('Refused');
    assert.equal((await call('lead', caseId, 'POST', 'events', event('Before cancelling'))).statusCode, 409);
    const cancelled = await call('lead', caseId, 'POST', 'transfer/cancellation', { reason: '  Northshire refused it: the family did not move  ' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    const status = cancelled.json<{ task: string; cancellation: { at: string; byName: string; reason: string } }>();
    assert.equal(status.task, 'cancelled');
    assert.deepEqual({ ...status.cancellation, at: undefined }, { at: undefined, byName: 'Lena Lead', reason: 'Northshire refused it: the family did not move' });
    assert.equal(status.cancellation.at, t.clock.now().toISOString());
    assert.deepEqual((await call('member', caseId, 'GET', 'transfer')).json<{ cancellation: unknown }>().cancellation, status.cancellation, 'kept in the transfer\'s history');
    assert.equal((await call('lead', caseId, 'POST', 'events', event('After cancelling'))).statusCode, 201, 'open for changes again');
    const notes = await t.ctx.db.selectFrom('chronology_entries').select(['summary', 'recorded_by_name']).where('case_id', '=', caseId).where('kind', '=', 'case-note').execute();
    assert.deepEqual(notes, [{ summary: 'Transfer to Northshire County Council cancelled; the case is open here again. Why: Northshire refused it: the family did not move', recorded_by_name: 'Lena Lead' }]);
    assert.deepEqual(await audited(caseId), [['success', null]]);
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);
    const receipt = await call('lead', caseId, 'POST', 'transfer/receipt', { note: 'Too late' });
    assert.equal(receipt.statusCode, 409);
    assert.equal(receipt.json<ApiErrorBody>().error.code, 'not-transferred');
    const again = await call('lead', caseId, 'POST', 'transfer/cancellation', { reason: 'Again' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<ApiErrorBody>().error.code, 'not-transferred');
  });

  it('closes the case for transfer again after a cancellation: a pack and a receipt task of its own, both transfers in the history', async () => {
    const caseId = await closedCase('Again');
    const firstPack = (await call('lead', caseId, 'GET', 'transfer')).json<{ sentAt: string }>();
    assert.equal((await call('lead', caseId, 'POST', 'transfer/cancellation', { reason: 'Northshire refused it' })).statusCode, 200);
    t.clock.advanceMinutes(3 * 24 * 60);
    const closedAgain = await call('lead', caseId, 'POST', 'transfer', { toArea: 'Eastshire Council', contact: 'Evan Eastshire, intake' });
    assert.equal(closedAgain.statusCode, 201, closedAgain.body);
    const pack = closedAgain.json<{ identifier: { value: string } }>();
    assert.equal((await call('lead', caseId, 'POST', 'events', event('Closed again'))).statusCode, 409, 'closed again');
    type Status = { toArea: string; sentAt: string; receiptDueOn: string; task: string; cancellation: { reason: string } | null; earlier: Status[] };
    const status = (await call('member', caseId, 'GET', 'transfer')).json<Status>();
    assert.deepEqual([status.toArea, status.task, status.cancellation, status.sentAt], ['Eastshire Council', 'due', null, t.clock.now().toISOString()]);
    assert.deepEqual(
      status.earlier.map((earlier) => [earlier.toArea, earlier.sentAt, earlier.task, earlier.cancellation?.reason, earlier.earlier]),
      [['Northshire County Council', firstPack.sentAt, 'cancelled', 'Northshire refused it', undefined]],
    );
    assert.notEqual(status.receiptDueOn, status.earlier[0]?.receiptDueOn, 'its own task, due from the day it was sent');
    const again = await call('lead', caseId, 'POST', 'transfer', { toArea: 'Westshire', contact: 'Someone' });
    assert.equal(again.statusCode, 409, 'one transfer in force');
    assert.equal(again.json<ApiErrorBody>().error.code, 'already-transferred');
    assert.equal((await call('lead', caseId, 'POST', 'transfer/receipt', { note: 'Evan has it' })).statusCode, 200);
    const done = (await call('lead', caseId, 'GET', 'transfer')).json<Status>();
    assert.deepEqual([done.task, done.earlier.map((earlier) => earlier.task)], ['done', ['cancelled']], 'the receipt is the new transfer\'s');
    const transfers = await t.ctx.db.selectFrom('case_transfers').select(['id', 'to_area']).where('case_id', '=', caseId).orderBy('sent_at').execute();
    assert.equal(transfers.length, 2);
    assert.equal(pack.identifier.value, transfers[1]?.id, 'the second pack is identified by its own transfer');
    const closes = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('case_id', '=', caseId).where('action', '=', 'case.transfer').orderBy('seq').execute();
    assert.deepEqual(
      closes.map((row) => [row.outcome, (row.details as { transferId?: string; reason?: string }).transferId ?? (row.details as { reason?: string }).reason]),
      [['success', transfers[0]?.id], ['success', transfers[1]?.id], ['denied', 'already-transferred']],
    );
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);
  });

  it('lets a manager of the sending organisation cancel it', async () => {
    const caseId = await closedCase('Mistake');
    const cancelled = await call('manager', caseId, 'POST', 'transfer/cancellation', { reason: 'Sent by mistake' });
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    assert.equal(cancelled.json<{ cancellation: { byName: string } }>().cancellation.byName, 'Mo Manager');
  });

  it('refuses, audited and changing nothing: a member not the lead and a manager of another organisation (403), no reason (422), a confirmed receipt or no transfer (409)', async () => {
    const caseId = await closedCase('Stays');
    const answers = [
      [await call('member', caseId, 'POST', 'transfer/cancellation', { reason: 'Mine' }), 403, 'not-lead-or-manager'],
      [await call('otherManager', caseId, 'POST', 'transfer/cancellation', { reason: 'Mine' }), 403, 'not-lead-or-manager'],
      [await call('lead', caseId, 'POST', 'transfer/cancellation', { reason: '   ' }), 422, 'invalid-cancellation'],
      [await call('lead', caseId, 'POST', 'transfer/cancellation', {}), 400, null],
    ] as const;
    for (const [response, status, code] of answers) {
      assert.equal(response.statusCode, status, response.body);
      if (code) assert.equal(response.json<ApiErrorBody>().error.code, code);
    }
    assert.equal((await call('lead', caseId, 'POST', 'transfer/receipt', { note: 'Rita has it' })).statusCode, 200);
    const confirmed = await call('lead', caseId, 'POST', 'transfer/cancellation', { reason: 'Too late' });
    assert.equal(confirmed.statusCode, 409);
    assert.match(confirmed.json<ApiErrorBody>().error.message, /receiving area has confirmed it has the pack/);
    const { id: openId } = await makeCase(t.ctx, { familyName: 'Never', teamUserIds: teamIds });
    const none = await call('lead', openId, 'POST', 'transfer/cancellation', { reason: 'Nothing' });
    assert.equal(none.statusCode, 409);
    assert.deepEqual(await audited(caseId), [['denied', 'not-lead-or-manager'], ['denied', 'not-lead-or-manager'], ['failure', 'reason-missing'], ['denied', 'receipt-confirmed-already']]);
    assert.deepEqual(await audited(openId), [['denied', 'not-transferred']]);
    assert.equal((await call('lead', caseId, 'POST', 'events', event('Still closed'))).statusCode, 409, 'still closed');
  });
});
