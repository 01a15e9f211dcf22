import { randomUUID } from 'node:crypto';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { birthFixture, type BirthFixture } from '../../../test/helpers/birth-fixture.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import type { BirthDetails } from '../../domain/people/birth-details.ts';
import type { UserActor } from '../actor.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { correctBirthDetails, loadBornRecord } from './correct-birth-details.ts';
import { createCase } from './create-case.ts';

describe('correcting the birth details', () => {
  let t: TestApp;
  let midwife: UserActor;
  let outsider: UserActor;
  /** A baby born on 20 November 2026 at 39 weeks, 3,200 g, through the birth page's path. */
  let bornCase: BirthFixture['bornCase'];

  before(async () => {
    ({ t, midwife, outsider, bornCase } = await birthFixture('Corrected'));
  });
  after(async () => t.close());

  async function current(id: string): Promise<BirthDetails> {
    const loaded = await loadBornRecord(t.ctx, midwife, id);
    assert.ok(loaded.ok);
    return loaded.value.details;
  }

  const row = (id: string) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('corrects the date of birth and gestation, auditing each from and to with the reason, and corrects the Birth entry', async () => {
    const id = await bornCase();
    const details = await current(id);
    const result = await correctBirthDetails(t.ctx, midwife, id, 2, { ...details, dateOfBirth: '2026-11-18', gestationAtBirthWeeks: 29, gestationAtBirthDays: 3 }, 'The hospital’s birth notification says 18 November at 29+3');
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value.changed, [
      { field: 'dateOfBirth', from: '2026-11-20', to: '2026-11-18' },
      { field: 'gestationAtBirthWeeks', from: 39, to: 29 },
      { field: 'gestationAtBirthDays', from: null, to: 3 },
    ]);
    const after = await row(id);
    assert.deepEqual([after.date_of_birth, after.gestation_at_birth_weeks, after.gestation_at_birth_days, after.version], ['2026-11-18', 29, 3, 3]);

    const entries = await t.ctx.db.selectFrom('chronology_entries').select(['id', 'occurred_on', 'summary', 'corrects', 'correction_reason']).where('case_id', '=', id).orderBy('recorded_at').orderBy('id').execute();
    assert.equal(entries.length, 2);
    const [first, correction] = entries.sort((a) => (a.corrects ? 1 : -1));
    assert.deepEqual([correction!.occurred_on, correction!.summary, correction!.corrects, correction!.correction_reason], ['2026-11-18', 'Born on 18 November 2026 at 29+3 weeks, weighing 3,200 g.', first!.id, 'The hospital’s birth notification says 18 November at 29+3']);

    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('case_id', '=', id).where('action', '=', 'case.birth-details-corrected').execute();
    assert.equal(audit.length, 1);
    assert.deepEqual(audit[0]!.details['changed'], result.value.changed);
    assert.equal(audit[0]!.details['reason'], 'The hospital’s birth notification says 18 November at 29+3');

    // The profile is evaluated again from the corrected details, as a version of its own with the reason.
    const version = await t.ctx.db.selectFrom('profile_versions').select(['kind', 'why']).where('case_id', '=', id).orderBy('version', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(version, { kind: 'birth', why: 'The hospital’s birth notification says 18 November at 29+3' });
  });

  it('asks why, and says when nothing changed, every problem at once, audited', async () => {
    const id = await bornCase();
    const details = await current(id);
    const none = await correctBirthDetails(t.ctx, midwife, id, 2, details, '  ');
    assert.ok(!none.ok && none.code === 'invalid');
    assert.deepEqual(none.problems.map((p) => p.field), ['reason', 'changes']);
    const wrong = await correctBirthDetails(t.ctx, midwife, id, 2, { ...details, dateOfBirth: '2026-12-01', gestationAtBirthWeeks: 29, gestationAtBirthDays: 9, nhsNumber: '123', birthWeightGrams: 20 }, 'Typo');
    assert.ok(!wrong.ok && wrong.code === 'invalid');
    assert.deepEqual(wrong.problems.map((p) => p.field), ['dateOfBirth', 'nhsNumber', 'gestationAtBirthWeeks', 'birthWeightGrams']);
    assert.equal((await row(id)).version, 2, 'nothing changed');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('case_id', '=', id).where('action', '=', 'case.birth-details-corrected').execute();
    assert.deepEqual(audit.map((a) => a.outcome), ['failure', 'failure']);
  });

  it('refuses someone outside the team, audited, and a record whose birth is not recorded', async () => {
    const id = await bornCase();
    const details = await current(id);
    const refused = await correctBirthDetails(t.ctx, outsider, id, 2, { ...details, givenName: 'Other' }, 'Probe');
    assert.equal(refused.ok ? null : refused.code, 'forbidden');
    const look = await loadBornRecord(t.ctx, outsider, id);
    assert.equal(look.ok ? null : look.code, 'forbidden');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'outcome']).where('case_id', '=', id).where('action', '=', 'case.birth-details-corrected').execute();
    assert.deepEqual(audit, [{ actor_user_id: outsider.userId, outcome: 'denied' }, { actor_user_id: outsider.userId, outcome: 'denied' }]);

    const unborn = await createCase(t.ctx, midwife, { status: 'unborn', familyName: 'Notyetborn', expectedDeliveryDate: '2026-12-25' }, { confirmedNoDuplicate: true });
    assert.ok(unborn.ok);
    const notBorn = await correctBirthDetails(t.ctx, midwife, unborn.value.id, 1, details, 'Probe');
    assert.equal(notBorn.ok ? null : notBorn.code, 'not-born');
  });

  it('refuses a version no longer current, and an NHS number another record has', async () => {
    const id = await bornCase();
    const details = await current(id);
    const stale = await correctBirthDetails(t.ctx, midwife, id, 1, { ...details, givenName: 'Lina' }, 'Spelling');
    assert.equal(stale.ok ? null : stale.code, 'version-conflict');
    const other = await createCase(t.ctx, outsider, { status: 'born', givenName: 'Other', familyName: 'Baby', nhsNumber: '1000000060', dateOfBirth: '2026-03-03' });
    assert.ok(other.ok);
    const taken = await correctBirthDetails(t.ctx, midwife, id, 2, { ...details, nhsNumber: '100 000 0060' }, 'From the notification');
    assert.equal(taken.ok ? null : taken.code, 'duplicate-nhs-number');
  });

  it("refuses an adult's NHS number on the record as the baby's, naming whose it is, with every other problem; keeps one the record already has", async () => {
    const id = await bornCase();
    const details = await current(id);
    await t.ctx.db.insertInto('people').values({ case_id: id, id: randomUUID(), given_name: 'Daniel', family_name: 'Okafor', relationship_to_infant: 'father', nhs_number: '4857773457', lives_in_household: true, cares_for_infant: true, created_at: t.clock.now(), updated_at: t.clock.now() }).execute();
    const refused = await correctBirthDetails(t.ctx, midwife, id, 2, { ...details, nhsNumber: '485 777 3457' }, '');
    assert.ok(!refused.ok && refused.code === 'invalid');
    assert.deepEqual(
      refused.problems.map((problem) => problem.field),
      ['nhsNumber', 'reason'],
    );
    assert.match(refused.problems[0]!.message, /^This is the NHS number of Daniel Okafor \(father\) on this record\. Enter the baby's own NHS number/);
    assert.equal((await row(id)).nhs_number, null, 'nothing saved');
  });

  it('then takes a Birth entry only on the corrected date of birth', async () => {
    const id = await bornCase();
    const details = await current(id);
    assert.ok((await correctBirthDetails(t.ctx, midwife, id, 2, { ...details, dateOfBirth: '2026-11-19' }, 'One day out')).ok);
    const old = await recordEntry(t.ctx, midwife, id, { kind: 'birth', occurredAt: '2026-11-20', summary: 'Born', source: 'agency-record' });
    assert.deepEqual(old.ok ? null : old.code === 'invalid' && old.problems.map((p) => p.code), ['birth-date-differs']);
  });
});
