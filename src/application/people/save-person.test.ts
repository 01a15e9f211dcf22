import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { testConfig } from '../../../test/helpers/test-app.ts';
import { TestClock } from '../../../test/helpers/test-clock.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database.ts';
import type { UserActor } from '../actor.ts';
import { createContext, type AppContext } from '../context.ts';
import { addPerson, updatePerson, type PersonInput } from './save-person.ts';

const sibling: PersonInput = {
  givenName: 'Rosie',
  familyName: 'Hart',
  identityKnown: true,
  description: null,
  relationshipToInfant: 'sibling',
  dateOfBirth: null,
  nhsNumber: null,
  sex: 'female',
  livesInHousehold: true,
  caresForInfant: false,
  visitsRegularly: false,
  parentalResponsibility: null,
  paternityConfirmed: null,
  deceased: false,
  address: null,
  addressRestricted: false,
};

describe('a person’s date of birth against the service’s today', () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let actor: UserActor;
  let caseId: string;
  before(async () => {
    database = await createTestDatabase();
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: the service's today is 1 July.
    ctx = createContext(database.db, testConfig(), new TestClock('2026-06-30T23:30:00Z'));
    const user = await makeUser(ctx);
    actor = actorFor(user);
    caseId = (await makeCase(ctx, { teamUserIds: [user.id] })).id;
  });
  after(async () => database.close());

  it('takes someone born on the London day, just after midnight in summer, when they are added', async () => {
    const added = await addPerson(ctx, actor, caseId, { ...sibling, dateOfBirth: '2026-07-01' });
    assert.ok(added.ok, JSON.stringify(added));
  });

  it('takes someone born on the London day when their details are changed', async () => {
    const person = await makePerson(ctx, caseId, { given_name: 'Rosie', relationship_to_infant: 'sibling' });
    const changed = await updatePerson(ctx, actor, caseId, person.id, { ...sibling, dateOfBirth: '2026-07-01' }, 1);
    assert.ok(changed.ok, JSON.stringify(changed));
  });

  it('still refuses the next London day as a date of birth in the future', async () => {
    const added = await addPerson(ctx, actor, caseId, { ...sibling, dateOfBirth: '2026-07-02' });
    assert.deepEqual(added, { ok: false, code: 'invalid', problems: { dateOfBirth: 'date-of-birth-in-future' } });
    const person = await makePerson(ctx, caseId, { given_name: 'Rosie', relationship_to_infant: 'sibling' });
    const changed = await updatePerson(ctx, actor, caseId, person.id, { ...sibling, dateOfBirth: '2026-07-02' }, 1);
    assert.deepEqual(changed, { ok: false, code: 'invalid', problems: { dateOfBirth: 'date-of-birth-in-future' } });
  });
});
