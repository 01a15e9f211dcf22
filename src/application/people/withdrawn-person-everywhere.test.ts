// A person withdrawn from a record as added to the wrong family leaves nothing behind (issue 21): on
// the demo's Nowak family, where the mother's partner Ryan Cole is in the profile's findings from its
// earliest versions, in decisions, entries about him and others, the plan, the conference, supervision
// notes and a quality audit, every text and JSON column of every table is searched for his names, NHS
// number and address before and after his withdrawal. Before, they are in many places; after, in none,
// and the pages that show earlier versions and the print do not show them either. The audit chain
// still verifies.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { actorFor } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { WITHDRAWN_PERSON_WORDS } from '../../domain/withdrawal/person-mentions.ts';
import type { Role } from '../../domain/shared/roles.ts';
import { confirmPersonWithdrawal, proposePersonWithdrawal } from './withdraw-person.ts';

const NHS = '9434765919';
const SEARCHED = ['Ryan', 'Cole', NHS, '943 476 5919', '4 Mill Lane'];

/** Every table.column (text or JSON) holding a searched term as a whole word, with the term. */
async function placesNaming(t: TestApp): Promise<string[]> {
  const { rows: columns } = await sql<{ table: string; column: string }>`
    SELECT c.table_name AS table, c.column_name AS column FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
     WHERE c.table_schema = current_schema() AND c.data_type IN ('text', 'character varying', 'jsonb', 'json') ORDER BY 1, 2`.execute(t.ctx.db);
  const found: string[] = [];
  for (const { table, column } of columns) {
    for (const term of SEARCHED) {
      const pattern = `(^|[^[:alnum:]])${term}($|[^[:alnum:]])`;
      const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)} WHERE ${sql.ref(column)}::text ~* ${pattern}`.execute(t.ctx.db);
      if (rows[0]!.n > 0) found.push(`${table}.${column}: ${term}`);
    }
  }
  return found;
}

describe('a person withdrawn from a record leaves nothing behind', () => {
  let t: TestApp;
  let caseId: string;
  let ryanId: string;

  before(async () => {
    t = await createTestApp({ demo: true, demoStories: true });
    const ryan = await t.ctx.db.selectFrom('people').select(['case_id', 'id']).where('given_name', '=', 'Ryan').where('family_name', '=', 'Cole').executeTakeFirstOrThrow();
    ({ case_id: caseId, id: ryanId } = ryan);
    // His NHS number and address, known to the record, so they can be searched for too.
    await t.ctx.db.updateTable('people').set({ nhs_number: NHS, address: '4 Mill Lane' }).where('case_id', '=', caseId).where('id', '=', ryanId).execute();
  });
  after(async () => t.close());

  it('is named in the profile’s versions, entries, plan, meeting, supervision and audit before, and in no table after', async () => {
    const before = await placesNaming(t);
    for (const place of ['profile_versions.findings: Ryan', 'profile_versions.change: Cole', 'chronology_entries.summary: Ryan', 'case_plans.actions: Cole', 'case_meetings.decisions: Ryan', 'case_supervisions.decisions: Ryan', 'quality_audit_answers.note: Cole', 'people.nhs_number: 9434765919', 'people.address: 4 Mill Lane']) {
      assert.ok(before.includes(place), `${place} among ${before.join('; ')}`);
    }

    const lead = await t.ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select(['users.id', 'users.organisation_id as organisationId', 'users.role', 'users.email']).where('case_id', '=', caseId).where('case_team.role', '=', 'lead-professional').executeTakeFirstOrThrow();
    const lead2 = await t.ctx.db.selectFrom('users').select(['id', 'organisation_id as organisationId', 'role', 'email']).where('email', '=', 'safeguarding-lead@demo.example').executeTakeFirstOrThrow();
    const proposed = await proposePersonWithdrawal(t.ctx, actorFor({ ...lead, role: lead.role as Role }), caseId, ryanId, 'Added to the wrong family');
    assert.ok(proposed.ok, JSON.stringify(proposed));
    const confirmed = await confirmPersonWithdrawal(t.ctx, actorFor({ ...lead2, role: lead2.role as Role }), caseId, ryanId);
    assert.ok(confirmed.ok, JSON.stringify(confirmed));

    assert.deepEqual(await placesNaming(t), []);
    // What the earlier versions meant for the baby stays, without his name.
    const findings = await t.ctx.db.selectFrom('profile_versions').select('findings').where('case_id', '=', caseId).where('version', '<', confirmed.value.profileVersion).execute();
    assert.ok(JSON.stringify(findings).includes(`${WITHDRAWN_PERSON_WORDS} is perpetrating domestic abuse`));
    const tombstone = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'person.withdrawn').executeTakeFirstOrThrow();
    assert.ok(((tombstone.details as { redacted: Record<string, number> }).redacted['profile_versions'] ?? 0) > 0);
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    assert.equal((await verifyAuditChain(t.ctx.db, t.ctx.auditKeys)).intact, true);

    const client = await WebClient.signedIn(t.app, { email: lead.email, password: 'demo-password' });
    const earlier = confirmed.value.profileVersion - 1;
    for (const path of ['profile/history', `profile/history/compare?from=1&to=${String(earlier)}`, 'profile', 'print/profile', 'print/summary', 'chronology', 'plan', 'supervision']) {
      const page = await client.get(`/cases/${caseId}/${path}`);
      assert.equal(page.statusCode, 200, path);
      assert.doesNotMatch(page.body, /Ryan|\bCole\b|943 476 5919/, path);
    }
  });
});
