// The setup the birth's tests share (recording the birth, correcting its details, on the page and
// through the API): a test app, a midwife whose records these are, a practitioner outside every team,
// and unborn or born records led by the midwife, each with a family name of its own so that none
// matches another as a possible duplicate.
import assert from 'node:assert/strict';
import { createCase } from '../../src/application/cases/create-case.ts';
import { recordBirth, type BirthInput } from '../../src/application/cases/record-birth.ts';
import type { UserActor } from '../../src/application/actor.ts';
import { actorFor, makeOrganisation, makeUser } from './factories.ts';
import { createTestApp, type TestApp } from './test-app.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

export interface BirthFixture {
  t: TestApp;
  midwife: UserActor;
  outsider: UserActor;
  /** The midwife and the outsider as users (their emails give API tokens). */
  users: { midwife: User; outsider: User };
  /** An unborn record led by the midwife, due on 25 November 2026, its family name beginning with the fixture's. */
  unbornCase: () => Promise<string>;
  /** The same, born on 20 November 2026 at 39 weeks weighing 3,200 g and named Lena (female), through the birth's own path: version 2. */
  bornCase: () => Promise<string>;
}

/** What bornCase records. */
export const BORN: BirthInput = { dateOfBirth: '2026-11-20', gestationAtBirthWeeks: 39, birthWeightGrams: 3200, givenName: 'Lena', sex: 'female' };

/** A new test app with the midwife and the outsider; `familyName` begins each record's family name. Close it with `t.close()`. */
export async function birthFixture(familyName: string): Promise<BirthFixture> {
  const t = await createTestApp();
  const midwifery = await makeOrganisation(t.ctx, 'midwifery', 'Southvale Midwifery');
  const users = { midwife: await makeUser(t.ctx, { organisationId: midwifery.id, name: 'Mia Midwife', email: 'mia.midwife@test.example' }), outsider: await makeUser(t.ctx) };
  const midwife = actorFor(users.midwife);
  let family = 0;
  async function unbornCase(): Promise<string> {
    family++;
    const made = await createCase(t.ctx, midwife, { status: 'unborn', familyName: `${familyName}${'abcdefghij'[family % 10]!}${String(family)}`, expectedDeliveryDate: '2026-11-25' }, { confirmedNoDuplicate: true });
    assert.ok(made.ok, JSON.stringify(made));
    return made.value.id;
  }
  async function bornCase(): Promise<string> {
    const id = await unbornCase();
    const born = await recordBirth(t.ctx, midwife, id, 1, BORN);
    assert.ok(born.ok, JSON.stringify(born));
    return id;
  }
  return { t, midwife, outsider: actorFor(users.outsider), users, unbornCase, bornCase };
}
