// The disposal run end to end: a case past its disposal date with people, chronology entries, a
// profile, searches and looks in the audit trail is disposed of; a held case, one with an open alert
// and one not yet due are kept. Then the audit chain verifies, and the baby's name and NHS number are
// found nowhere: no text column of any table, no page, no API answer, no search, only the tombstone
// (which carries neither).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { actorFor, apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import { addMonths } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { cliOperator } from '../actor.ts';
import { searchCases } from '../cases/search-cases.ts';
import { changeAreaSettings } from '../settings/area-settings.ts';
import { listDisposals, runDisposal } from './disposal-run.ts';
import { placeCaseHold } from './legal-holds.ts';

const NAME = 'Zephyrine';
const FAMILY = 'Quillfeather';
const NHS = '9434765919';
const MOTHER_NHS = '4010232137';

describe('the disposal run', () => {
  let t: TestApp;
  let today: string;
  let due: string;
  let held: string;
  let alerted: string;
  let young: string;
  let web: WebClient;
  let token: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const org = await makeOrganisation(t.ctx, 'health-visiting', 'Disposal Health Visiting');
    const worker = await makeUser(t.ctx, { organisationId: org.id, name: 'Dora Disposal' });
    const lead = await makeUser(t.ctx, { organisationId: org.id, role: 'safeguarding-lead' });
    const bornLongAgo = addMonths(today, -12 * 27);
    ({ id: due } = await makeCase(t.ctx, { familyName: FAMILY, teamUserIds: [worker.id] }));
    ({ id: held } = await makeCase(t.ctx, { familyName: 'Heldfamily', teamUserIds: [worker.id, lead.id] }));
    ({ id: alerted } = await makeCase(t.ctx, { familyName: 'Alertfamily', teamUserIds: [worker.id] }));
    ({ id: young } = await makeCase(t.ctx, { familyName: 'Youngfamily', teamUserIds: [worker.id] }));
    await t.ctx.db.updateTable('cases').set({ date_of_birth: bornLongAgo }).where('id', 'in', [due, held, alerted]).execute();
    await t.ctx.db.updateTable('cases').set({ given_name: NAME, nhs_number: NHS, mother_nhs_number: MOTHER_NHS, address: `1 ${FAMILY} Lane` }).where('id', '=', due).execute();
    await makePerson(t.ctx, due, { id: 'mum', given_name: 'Ottoline', family_name: FAMILY, nhs_number: MOTHER_NHS });
    await t.ctx.db.insertInto('alerts').values({ case_id: alerted, id: 'open-alert', reason: 'discharge', severity: 'high', message: 'Discharged', raised_at: t.clock.now(), entry_id: null, finding_id: null, escalated_at: null }).execute();
    assert.ok((await placeCaseHold(t.ctx, actorFor(lead), held, 'Child safeguarding practice review')).ok);

    // The record's life: entries (profile versions, findings), looks, searches by name and NHS number.
    token = await apiTokenFor(t.ctx, worker.email);
    const entry = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${due}/events`,
      headers: { authorization: `Bearer ${token}` },
      payload: { kind: 'home-visit', occurredAt: `${today}T10:00:00+00:00`, summary: `Visited ${NAME} ${FAMILY} at home with Ottoline`, source: 'observed', personIds: ['mum'] },
    });
    assert.equal(entry.statusCode, 201, entry.body);
    web = await WebClient.signedIn(t.app, worker);
    assert.equal((await web.get(`/cases/${due}`)).statusCode, 200);
    assert.ok((await searchCases(t.ctx, actorFor(worker), { name: `${NAME} ${FAMILY}` })).ok);
    assert.ok((await searchCases(t.ctx, actorFor(worker), { nhsNumber: NHS })).ok);
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
  });
  after(async () => t.close());

  it('lists what is due with its rule and date, and what keeps the others, audited; disposes of nothing', async () => {
    const listed = await listDisposals(t.ctx, cliOperator);
    assert.ok(listed.ok);
    const byCase = new Map(listed.value.due.map((c) => [c.caseId, c]));
    assert.deepEqual([...byCase.keys()].sort(), [due, held, alerted].sort(), 'the young case is not due');
    // Added to today, when the young person is 27: kept to the 26th birthday (the code of practice's 17 or older).
    assert.deepEqual(byCase.get(due), { caseId: due, rule: 'child-record', ruleLabel: 'Records about a child', disposeOn: addMonths(today, -12), because: 'Records about a child are kept until the 26th birthday, as the record was last added to when the child was 17 or older.', kept: [] });
    assert.deepEqual(byCase.get(held)!.kept, ['a legal hold stands: Child safeguarding practice review']);
    assert.deepEqual(byCase.get(alerted)!.kept, ['an alert nobody has taken up']);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'details']).where('action', '=', 'retention.list').executeTakeFirstOrThrow();
    assert.deepEqual(audit.details['due'], [due]);
    assert.ok(await t.ctx.db.selectFrom('cases').select('id').where('id', '=', due).executeTakeFirst(), 'a dry run changes nothing');
  });

  it('refuses anyone but an operator, audited', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const refused = await runDisposal(t.ctx, actorFor(admin), 'Someone');
    assert.deepEqual(refused, { ok: false, code: 'forbidden', message: 'Only an operator at the command line runs the disposal of records.' });
    const audit = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'retention.dispose').where('actor_user_id', '=', admin.id).executeTakeFirstOrThrow();
    assert.equal(audit.outcome, 'denied');
  });

  it('disposes of the due case only, leaving a tombstone, and the audit chain still verifies', async () => {
    const run = await runDisposal(t.ctx, cliOperator, 'Olive Operator');
    assert.ok(run.ok);
    assert.deepEqual(run.value.disposed.map((c) => c.caseId), [due]);
    assert.deepEqual(run.value.kept.map((c) => c.caseId).sort(), [held, alerted].sort());
    for (const kept of [held, alerted, young]) assert.ok(await t.ctx.db.selectFrom('cases').select('id').where('id', '=', kept).executeTakeFirst(), kept);
    const tombstone = await t.ctx.db.selectFrom('audit_log').selectAll().where('action', '=', 'retention.dispose').where('case_id', '=', due).executeTakeFirstOrThrow();
    assert.equal(tombstone.channel, 'cli');
    const { redaction, ...said } = tombstone.details as { redaction: { entries: number } } & Record<string, unknown>;
    assert.deepEqual(said, { rule: 'child-record', untilAge: 26, disposeOn: addMonths(today, -12), disposedOn: today, createdOn: today, confirmedBy: 'Olive Operator' });
    assert.ok(redaction.entries >= 5, `the entries about the case were redacted (${String(redaction.entries)})`);
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    const report = await verifyAuditChain(t.ctx.db, t.ctx.auditKeys);
    assert.equal(report.intact, true, JSON.stringify(report));
  });

  it('leaves the name and NHS numbers in no text column of any table', async () => {
    const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
      SELECT c.table_name, c.column_name FROM information_schema.columns AS c
      JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`.execute(t.ctx.db);
    assert.ok(columns.length > 50);
    const found: string[] = [];
    for (const { table_name: table, column_name: column } of columns) {
      for (const needle of [NAME, FAMILY, NHS, MOTHER_NHS, due]) {
        const { rows } = await sql<{ n: string | number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE strpos(lower(${sql.ref(column)}::text), ${needle.toLowerCase()}) > 0`.execute(t.ctx.db);
        if (Number(rows[0]!.n) > 0) found.push(`${table}.${column}: ${needle === due ? 'case id' : needle}`);
      }
    }
    // The case id stays only in the audit trail: the entries about it (details redacted) and the tombstone.
    assert.deepEqual(found.sort(), ['audit_log.case_id: case id', 'audit_log.subject_id: case id']);
  });

  it('answers nothing about the baby on any page, API or search', async () => {
    assert.equal((await web.get(`/cases/${due}`)).statusCode, 404);
    assert.equal((await web.get(`/cases/${due}/holds`)).statusCode, 404);
    const api = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` } });
    for (const url of [`/cases/${due}`, `/cases/${due}/events`, `/fhir/Patient/${due}`, `/fhir/Patient/${due}/$everything`]) {
      const response = await api(url);
      assert.equal(response.statusCode, 404, url);
      assert.doesNotMatch(response.body, new RegExp(`${NAME}|${FAMILY}|${NHS}`), url);
    }
    const lookup = await api(`/lookup?nhsNumber=${NHS}`);
    assert.doesNotMatch(lookup.body, new RegExp(due));
    const found = await web.post('/cases/find', { name: `${NAME} ${FAMILY}` });
    assert.equal(found.statusCode, 200);
    assert.doesNotMatch(found.body, new RegExp(`${due}|Ottoline|${NHS}`), 'the search finds nothing: only the name typed is shown back');
  });

  it('refuses a retention period shorter than its source, audited, nothing changed; takes a longer one', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const refused = await changeAreaSettings(t.ctx, actorFor(admin), { 'retention.childRecordUntilAge': '18' });
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.message, /^Records about a child: keep until this birthday: must be 25 or more \(Records Management Code of Practice 2021/);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'settings.change').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    assert.deepEqual([audit.outcome, audit.details], ['failure', { invalid: ['retention.childRecordUntilAge'] }]);
    assert.equal(await t.ctx.db.selectFrom('service_settings').select('key').where('key', 'like', 'retention.%').executeTakeFirst(), undefined);
    assert.ok((await changeAreaSettings(t.ctx, actorFor(admin), { 'retention.childRecordUntilAge': '30' })).ok);
    const listed = await listDisposals(t.ctx, cliOperator);
    assert.deepEqual(listed.ok && listed.value.due.map((c) => c.caseId), [], 'kept to the 30th birthday, nothing is due');
  });
});
