import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { addPerson, type PersonInput } from '../people/save-person.ts';
import { ProfileCache } from './profile-cache.ts';
import { evaluateStoredProfile } from './profile-facts.ts';
import { updateFactor } from './update-factor.ts';
import { DEFAULT_SERVICE_SETTINGS } from '../../domain/settings/service-settings.ts';

const partner: PersonInput = {
  givenName: 'Dan',
  familyName: 'Hart',
  identityKnown: true,
  description: null,
  relationshipToInfant: 'mothers-partner',
  dateOfBirth: null,
  nhsNumber: null,
  sex: 'male',
  livesInHousehold: true,
  caresForInfant: false,
  visitsRegularly: false,
  parentalResponsibility: null,
  paternityConfirmed: null,
  deceased: false,
  address: null,
  addressRestricted: false,
};

const visit = (summary: string) => ({ kind: 'home-visit', occurredAt: '2026-11-20', summary, source: 'observed' as const });

/** true only for a list no caller can change (typecheck fails on `= true` otherwise). */
type IsReadOnlyList<T> = T extends unknown[] ? false : T extends readonly unknown[] ? true : false;

describe('the profile kept by profile version and day', () => {
  let t: TestApp;
  let user: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const organisation = await makeOrganisation(t.ctx, 'health-visiting', 'Health Visiting');
    user = await makeUser(t.ctx, { organisationId: organisation.id });
    caseId = (await makeCase(t.ctx, { teamUserIds: [user.id] })).id;
  });
  after(async () => t.close());

  const fresh = async () => evaluateStoredProfile(t.ctx.db, caseId, serviceToday(t.ctx.clock.now()), DEFAULT_SERVICE_SETTINGS);

  it('gives the same evaluation again while nothing changes, frozen save its lists, and equal to one made afresh', async () => {
    const cache = new ProfileCache();
    const first = await cache.read(t.ctx, caseId);
    assert.equal(await cache.read(t.ctx, caseId), first, 'kept, not evaluated again');
    assert.ok(first && Object.isFrozen(first) && Object.isFrozen(first.evaluation) && first.evaluation.findings.every((finding) => Object.isFrozen(finding)));
    // Lists are not frozen (V8 filters and searches a frozen array on a slow path): their types keep them.
    assert.equal(Object.isFrozen(first.evaluation.findings), false);
    const readOnly: IsReadOnlyList<typeof first.evaluation.findings> = true;
    assert.ok(readOnly);
    assert.deepEqual(first?.evaluation, (await fresh())?.evaluation);
  });

  it('keeps one evaluation whichever handle on the database the context reads with ({ ...ctx, db }: a transaction’s, one with a plugin)', async () => {
    const cache = new ProfileCache();
    const other = { ...t.ctx, db: t.ctx.db.withPlugin({ transformQuery: (args) => args.node, transformResult: (args) => Promise.resolve(args.result) }) };
    const first = await cache.read(t.ctx, caseId);
    assert.equal(await cache.read(other, caseId), first, 'kept, not evaluated again');
    assert.equal(await cache.read(t.ctx, caseId), first);
  });

  it('evaluates again after each kind of change, since each writes a version: an entry, a factor, a person', async () => {
    const cache = new ProfileCache();
    const actor = actorFor(user);
    let before = await cache.read(t.ctx, caseId);
    const changes: [string, () => Promise<boolean>][] = [
      ['an entry', async () => (await recordEntry(t.ctx, actor, caseId, visit('Seen at home'))).ok],
      ['a factor', async () => (await updateFactor(t.ctx, actor, caseId, { factorId: 'unsafe-sleep', status: 'present', detail: 'Sofa sleeping seen', evidence: [], version: 0 })).ok],
      ['a person', async () => (await addPerson(t.ctx, actor, caseId, partner)).ok],
    ];
    for (const [what, change] of changes) {
      assert.equal(await change(), true, `${what}: made`);
      const after = await cache.read(t.ctx, caseId);
      assert.notEqual(after, before, `${what}: evaluated again`);
      assert.deepEqual(after?.evaluation, (await fresh())?.evaluation, `${what}: as a fresh evaluation`);
      before = after;
    }
  });

  it('evaluates again on a new day, when the rules that count days may say something else', async () => {
    const cache = new ProfileCache();
    const today = await cache.read(t.ctx, caseId);
    t.clock.advanceMinutes(24 * 60);
    const tomorrow = await cache.read(t.ctx, caseId);
    assert.notEqual(tomorrow, today);
    assert.equal(tomorrow?.stored.facts.today, serviceToday(t.ctx.clock.now()));
  });

  it('says there is no such case', async () => {
    assert.equal(await new ProfileCache().read(t.ctx, 'no-such-case'), null);
  });
});
