import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { confirmPersonWithdrawal, proposePersonWithdrawal } from './withdraw-person.ts';

describe('withdrawing a person clears every row with a foreign key to them', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('clears a table added after withdraw-person.ts was written, and those it knew of, and leaves the other people’s rows', async () => {
    // A table this code has never heard of, pointing at people as a new feature's would.
    await sql`CREATE TABLE person_notes_added_later (case_id text NOT NULL, person_id text NOT NULL, note text NOT NULL, FOREIGN KEY (case_id, person_id) REFERENCES people (case_id, id))`.execute(t.ctx.db);
    const organisationId = (await makeOrganisation(t.ctx)).id;
    const lead = await makeUser(t.ctx, { organisationId });
    const manager = await makeUser(t.ctx, { organisationId, role: 'manager' });
    const { id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] });
    const { id: motherId } = await makePerson(t.ctx, caseId);
    const { id: wrongId } = await makePerson(t.ctx, caseId, { given_name: 'Wendel', family_name: 'Wrongfamily', relationship_to_infant: 'father' });
    for (const personId of [wrongId, motherId]) await sql`INSERT INTO person_notes_added_later VALUES (${caseId}, ${personId}, 'a note')`.execute(t.ctx.db);
    await t.ctx.db.insertInto('person_relationships').values({ case_id: caseId, id: 'link-1', person_id: motherId, other_person_id: wrongId, kind: 'partners', created_at: t.clock.now(), created_by: lead.id }).execute();

    assert.equal((await proposePersonWithdrawal(t.ctx, actorFor(lead), caseId, wrongId, 'Added to the wrong family')).ok, true);
    const confirmed = await confirmPersonWithdrawal(t.ctx, actorFor(manager), caseId, wrongId);
    assert.equal(confirmed.ok, true, JSON.stringify(confirmed));

    const notes = await sql<{ person_id: string }>`SELECT person_id FROM person_notes_added_later`.execute(t.ctx.db);
    assert.deepEqual(notes.rows.map((r) => r.person_id), [motherId]);
    for (const table of ['person_relationships', 'person_withdrawals'] as const) assert.equal((await t.ctx.db.selectFrom(table).select('case_id').execute()).length, 0, table);
    const tombstone = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'person.withdrawn').executeTakeFirstOrThrow();
    const removed = (tombstone.details as { removed: Record<string, number> }).removed;
    assert.deepEqual([removed['person_notes_added_later'], removed['person_relationships'], removed['person_withdrawals'], removed['people']], [1, 1, 1, 1]);
  });
});
