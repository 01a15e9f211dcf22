import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { UserActor } from '../actor.ts';
import { cliOperator } from '../actor.ts';
import { createOrganisation } from './create-organisation.ts';
import { createUser } from './create-user.ts';
import { listAccounts } from './list-accounts.ts';
import { listOrganisations } from './list-organisations.ts';
import { unlockUser } from './unlock-user.ts';

describe('account use cases', () => {
  let t: TestApp;
  let practitioner: UserActor;
  before(async () => {
    t = await createTestApp();
    const user = await makeUser(t.ctx);
    practitioner = { kind: 'user', userId: user.id, organisationId: user.organisationId, role: 'practitioner', channel: 'web', ip: '10.0.0.1' };
  });
  after(async () => t.close());

  const denials = async (action: string) =>
    t.ctx.db.selectFrom('audit_log').select('actor_user_id').where('action', '=', action).where('outcome', '=', 'denied').execute();

  it('refuses a practitioner who tries to add an organisation, and audits the refusal', async () => {
    const result = await createOrganisation(t.ctx, practitioner, { name: 'Rogue', kind: 'gp' });
    assert.deepEqual(result.ok ? null : result.code, 'forbidden');
    assert.equal((await t.ctx.db.selectFrom('organisations').select('id').where('name', '=', 'Rogue').execute()).length, 0);
    assert.deepEqual(await denials('organisation.create'), [{ actor_user_id: practitioner.userId }]);
  });

  it('refuses a practitioner who tries to add an account, list accounts or unlock one, auditing each', async () => {
    const created = await createUser(t.ctx, practitioner, { email: 'x@test.example', name: 'X', organisationId: practitioner.organisationId, role: 'admin', password: 'a long enough password' });
    assert.equal(created.ok, false);
    assert.equal((await listAccounts(t.ctx, practitioner)).ok, false);
    assert.equal((await unlockUser(t.ctx, practitioner, practitioner.userId)).ok, false);
    for (const action of ['user.create', 'accounts.list', 'user.unlock']) assert.equal((await denials(action)).length, 1, action);
  });

  it('writes the account and its audit entry together', async () => {
    const organisation = await createOrganisation(t.ctx, cliOperator, { name: 'Riverside GP', kind: 'gp' });
    assert.ok(organisation.ok);
    const user = await createUser(t.ctx, cliOperator, { email: ' New.Person@Test.Example ', name: 'New Person', organisationId: organisation.value.id, role: 'manager', password: 'a long enough password' });
    assert.ok(user.ok);
    const row = await t.ctx.db.selectFrom('users').select(['email', 'password_hash']).where('id', '=', user.value.id).executeTakeFirstOrThrow();
    assert.equal(row.email, 'new.person@test.example');
    assert.match(row.password_hash!, /^\$argon2id\$/);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['channel', 'details']).where('action', '=', 'user.create').where('subject_id', '=', user.value.id).executeTakeFirstOrThrow();
    assert.equal(audit.channel, 'cli');
    assert.equal(audit.details['role'], 'manager');
  });

  it('refuses a duplicate email, an unknown organisation, a bad kind and a short password with clear messages', async () => {
    const organisation = await createOrganisation(t.ctx, cliOperator, { name: 'Dup Test', kind: 'police' });
    assert.ok(organisation.ok);
    const base = { name: 'A', organisationId: organisation.value.id, role: 'practitioner', password: 'a long enough password' };
    assert.ok((await createUser(t.ctx, cliOperator, { ...base, email: 'dup@test.example' })).ok);
    const cases: [Parameters<typeof createUser>[2], string][] = [
      [{ ...base, email: 'DUP@test.example' }, 'email-taken'],
      [{ ...base, email: 'b@test.example', organisationId: 'nope' }, 'unknown-organisation'],
      [{ ...base, email: 'c@test.example', password: 'short' }, 'weak-password'],
    ];
    for (const [input, code] of cases) {
      const result = await createUser(t.ctx, cliOperator, input);
      assert.equal(result.ok ? 'ok' : result.code, code);
    }
    const badKind = await createOrganisation(t.ctx, cliOperator, { name: 'X', kind: 'bank' });
    assert.equal(badKind.ok ? 'ok' : badKind.code, 'invalid-kind');
    const sameName = await createOrganisation(t.ctx, cliOperator, { name: 'dup test', kind: 'police' });
    assert.equal(sameName.ok ? 'ok' : sameName.code, 'name-taken');
  });

  it('lists the organisations by name for an administrator, and refuses a practitioner, auditing the refusal', async () => {
    const admin = await makeUser(t.ctx, { role: 'admin' });
    const listed = await listOrganisations(t.ctx, { ...practitioner, userId: admin.id, organisationId: admin.organisationId, role: 'admin' });
    assert.ok(listed.ok);
    const names = listed.value.map((o) => o.name);
    assert.deepEqual(names, [...names].sort());
    const stored = await t.ctx.db.selectFrom('organisations').select(['id', 'name']).execute();
    assert.deepEqual(new Set(listed.value.map((o) => o.id)), new Set(stored.map((o) => o.id)));
    assert.equal((await listOrganisations(t.ctx, practitioner)).ok, false);
    assert.deepEqual(await denials('organisations.list'), [{ actor_user_id: practitioner.userId }]);
  });
});
