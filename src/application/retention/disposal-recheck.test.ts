// The disposal checks again, with the case locked, what the dry run listed: a case that gained open
// work (an open action in its plan) between the list and the confirmation is kept, and says why; a
// case closed for transfer is kept until the receiving area's receipt is confirmed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays, addMonths } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { cliOperator } from '../actor.ts';
import { disposeOfListed, listDisposals } from './disposal-run.ts';

/** A test app with one case past its retention (the baby born 27 years ago) and a token of its team's one member. */
async function appWithCaseDue(familyName: string): Promise<{ t: TestApp; caseId: string; token: string }> {
  const t = await createTestApp();
  const org = await makeOrganisation(t.ctx, 'health-visiting');
  const worker = await makeUser(t.ctx, { organisationId: org.id });
  const { id: caseId } = await makeCase(t.ctx, { familyName, teamUserIds: [worker.id] });
  await t.ctx.db.updateTable('cases').set({ date_of_birth: addMonths(serviceToday(t.clock.now()), -12 * 27) }).where('id', '=', caseId).execute();
  return { t, caseId, token: await apiTokenFor(t.ctx, worker.email) };
}

describe('the disposal, checked again under the case lock', () => {
  let t: TestApp;
  let caseId: string;
  let token: string;

  before(async () => {
    ({ t, caseId, token } = await appWithCaseDue('Racefamily'));
  });
  after(async () => t.close());

  it('keeps a case listed as due that gained an open plan action since, and disposes of nothing', async () => {
    const listed = await listDisposals(t.ctx, cliOperator);
    assert.ok(listed.ok);
    const due = listed.value.due.find((c) => c.caseId === caseId);
    assert.deepEqual(due?.kept, [], 'due, and nothing keeps it when listed');

    const plan = (path: string, method: 'GET' | 'PUT', payload?: object) => t.app.inject({ method, url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
    const read = (await plan('plan', 'GET')).json<Record<string, unknown>>();
    const saved = await plan('plan', 'PUT', { ...read, outcomes: ['Seen weekly'], actions: [{ text: 'Visit the family', owner: { name: 'Health visitor' }, dueOn: addDays(listed.value.today, 7), status: 'open' }] });
    assert.equal(saved.statusCode, 200, saved.body);

    const kept = await disposeOfListed(t.ctx, cliOperator, due, 'Olive Operator', listed.value.today);
    assert.deepEqual(kept, ['an open action in the plan']);
    assert.ok(await t.ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst(), 'the case is still on the record');
    assert.equal((await t.ctx.db.selectFrom('audit_log').select('id').where('action', '=', 'retention.dispose').execute()).length, 0, 'no tombstone');
  });
});

describe('the disposal of a case closed for transfer', () => {
  let t: TestApp;
  let caseId: string;
  let token: string;

  before(async () => {
    ({ t, caseId, token } = await appWithCaseDue('Moverfamily'));
  });
  after(async () => t.close());

  const call = (path: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${token}` }, payload });

  it('keeps it while the receiving area has not confirmed receipt, and disposes of it once it has', async () => {
    assert.equal((await call('transfer', { toArea: 'Northshire County Council', contact: 'Rita Receiver' })).statusCode, 201);
    const listed = await listDisposals(t.ctx, cliOperator);
    assert.ok(listed.ok);
    const due = listed.value.due.find((c) => c.caseId === caseId);
    assert.match(due?.kept.join() ?? '', /^a transfer to Northshire County Council whose receipt is not confirmed \(due /);
    const kept = await disposeOfListed(t.ctx, cliOperator, due!, 'Olive Operator', listed.value.today);
    assert.equal(kept.length, 1, 'checked again under the lock, and kept');
    assert.ok(await t.ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst());

    assert.ok([200, 201].includes((await call('transfer/receipt', { note: 'Rita phoned: they have it' })).statusCode));
    const again = await listDisposals(t.ctx, cliOperator);
    assert.ok(again.ok);
    const dueNow = again.value.due.find((c) => c.caseId === caseId);
    assert.deepEqual(dueNow?.kept, []);
    assert.deepEqual(await disposeOfListed(t.ctx, cliOperator, dueNow, 'Olive Operator', again.value.today), []);
    assert.equal(await t.ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst(), undefined, 'disposed of');
  });
});
