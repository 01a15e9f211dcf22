import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { birthFixture, type BirthFixture } from '../../../test/helpers/birth-fixture.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import type { UserActor } from '../actor.ts';
import { createCase } from './create-case.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { loadUnbornRecord, recordBirth, type BirthInput } from './record-birth.ts';

const birth: BirthInput = { dateOfBirth: '2026-11-20', gestationAtBirthWeeks: 39, birthWeightGrams: 3200, multipleBirth: false, independentlyMobile: false };

describe('recording the birth of an unborn baby', () => {
  let t: TestApp;
  let midwife: UserActor;
  let outsider: UserActor;
  let unbornCase: BirthFixture['unbornCase'];

  before(async () => {
    ({ t, midwife, outsider, unbornCase } = await birthFixture('Family'));
  });
  after(async () => t.close());

  const row = (id: string) => t.ctx.db.selectFrom('cases').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('turns the same record into the infant’s, keeping its id and due date, and bumps the version', async () => {
    const id = await unbornCase();
    await t.ctx.db.insertInto('people').values({ case_id: id, id: randomUUID(), relationship_to_infant: 'mother', lives_in_household: true, cares_for_infant: true, created_at: t.clock.now(), updated_at: t.clock.now() }).execute();
    const before = await row(id);

    const result = await recordBirth(t.ctx, midwife, id, 1, { ...birth, givenName: 'Rosa', sex: 'female', nhsNumber: '943 476 5919' });
    assert.deepEqual(result, { ok: true, value: { id, version: 2 } });

    const after = await row(id);
    assert.equal(after.status, 'born');
    assert.equal(after.date_of_birth, '2026-11-20');
    assert.equal(after.gestation_at_birth_weeks, 39);
    assert.equal(after.birth_weight_grams, 3200);
    assert.equal(after.multiple_birth, false);
    assert.equal(after.independently_mobile, false);
    assert.equal(after.given_name, 'Rosa');
    assert.equal(after.sex, 'female');
    assert.equal(after.nhs_number, '9434765919');
    assert.equal(after.family_name, before.family_name, 'the family name stays');
    assert.equal(after.expected_delivery_date, '2026-11-25', 'the due date stays');
    assert.equal(after.level, before.level);
    assert.equal(after.updated_by, midwife.userId);
    assert.equal(after.version, 2);
    const people = await t.ctx.db.selectFrom('people').select('id').where('case_id', '=', id).execute();
    assert.equal(people.length, 1, 'the people around the baby stay with the record');

    const entries = await t.ctx.db.selectFrom('chronology_entries').select(['id', 'kind', 'occurred_on', 'summary', 'significant', 'recorded_by']).where('case_id', '=', id).execute();
    assert.deepEqual(entries.map((entry) => ({ ...entry, id: undefined })), [
      { id: undefined, kind: 'birth', occurred_on: '2026-11-20', summary: 'Born on 20 November 2026 at 39 weeks, weighing 3,200 g.', significant: true, recorded_by: midwife.userId },
    ], 'the Birth entry is written with the birth');
    const entryId = entries[0]!.id;
    const versions = await t.ctx.db.selectFrom('profile_versions').select(['version', 'kind', 'change']).where('case_id', '=', id).execute();
    assert.deepEqual(versions, [{ version: 1, kind: 'birth', change: { summary: 'Birth recorded: born 2026-11-20', dateOfBirth: '2026-11-20', entryId } }], 'the profile is evaluated again as a version of its own');
    const alerts = await t.ctx.db.selectFrom('alerts').select(['id', 'reason', 'severity', 'message', 'entry_id']).where('case_id', '=', id).execute();
    assert.deepEqual(alerts.map((alert) => ({ ...alert, id: undefined })), [
      { id: undefined, reason: 'trigger-event', severity: 'high', message: `Rosa ${before.family_name!} was born on 20 November 2026. Everyone in the team must know.`, entry_id: entryId },
    ], 'the team is told of the birth, naming the baby as born');

    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'details']).where('case_id', '=', id).where('action', '=', 'case.birth-recorded').execute();
    assert.deepEqual(audit, [
      {
        action: 'case.birth-recorded',
        outcome: 'success',
        details: {
          fromVersion: 1,
          toVersion: 2,
          fields: ['status', 'date_of_birth', 'gestation_at_birth_weeks', 'gestation_at_birth_days', 'birth_weight_grams', 'multiple_birth', 'independently_mobile', 'given_name', 'sex', 'nhs_number'],
          entryId,
          profileVersion: 1,
          alerts: alerts.map((alert) => alert.id),
        },
      },
    ]);
  });

  it('keeps a name already on the record when none is given', async () => {
    const id = await unbornCase();
    await t.ctx.db.updateTable('cases').set({ given_name: 'Planned' }).where('id', '=', id).execute();
    assert.ok((await recordBirth(t.ctx, midwife, id, 1, { dateOfBirth: '2026-11-21' })).ok);
    const after = await row(id);
    assert.equal(after.given_name, 'Planned');
    assert.equal(after.gestation_at_birth_weeks, null);
  });

  it('refuses a version that is no longer current, and changes nothing', async () => {
    const id = await unbornCase();
    await t.ctx.db.updateTable('cases').set({ version: 2 }).where('id', '=', id).execute();
    const result = await recordBirth(t.ctx, midwife, id, 1, birth);
    assert.equal(result.ok ? null : result.code, 'version-conflict');
    const after = await row(id);
    assert.equal(after.status, 'unborn');
    assert.equal(after.version, 2);
    assert.ok((await recordBirth(t.ctx, midwife, id, 2, birth)).ok, 'succeeds with the current version');
  });

  it('refuses a practitioner outside the team and audits the refusal', async () => {
    const id = await unbornCase();
    const result = await recordBirth(t.ctx, outsider, id, 1, birth);
    assert.deepEqual(result, {
      ok: false,
      code: 'forbidden',
      message: 'You cannot change this record. Contact its lead professional.',
    });
    assert.equal((await row(id)).status, 'unborn');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['actor_user_id', 'outcome']).where('case_id', '=', id).where('action', '=', 'case.birth-recorded').execute();
    assert.deepEqual(audit, [{ actor_user_id: outsider.userId, outcome: 'denied' }]);
  });

  it('refuses someone with break-glass access, which lets them read but not change', async () => {
    const id = await unbornCase();
    const now = t.clock.now();
    await t.ctx.db
      .insertInto('break_glass_access')
      .values({ case_id: id, id: randomUUID(), user_id: outsider.userId, reason: 'Out of hours', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) })
      .execute();
    const result = await recordBirth(t.ctx, outsider, id, 1, birth);
    assert.equal(result.ok ? null : result.code, 'forbidden');
  });

  it('refuses a record whose birth is already recorded', async () => {
    const id = await unbornCase();
    assert.ok((await recordBirth(t.ctx, midwife, id, 1, birth)).ok);
    const again = await recordBirth(t.ctx, midwife, id, 2, birth);
    assert.equal(again.ok ? null : again.code, 'not-unborn');
  });

  it('refuses birth details that do not make sense, every problem at once, auditing the refusal', async () => {
    const id = await unbornCase();
    const result = await recordBirth(t.ctx, midwife, id, 1, { ...birth, dateOfBirth: '2026-11-23', gestationAtBirthWeeks: 50, birthWeightGrams: 10, nhsNumber: '123' });
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(
      result.problems.map((problem) => problem.field),
      ['dateOfBirth', 'nhsNumber', 'gestationAtBirthWeeks', 'birthWeightGrams'],
    );
    assert.equal((await row(id)).status, 'unborn');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('case_id', '=', id).where('action', '=', 'case.birth-recorded').execute();
    assert.deepEqual(audit, [{ outcome: 'failure', details: { reason: 'invalid', fields: ['dateOfBirth', 'nhsNumber', 'gestationAtBirthWeeks', 'birthWeightGrams'] } }]);
  });

  it('keeps the days of the gestation at birth, and refuses days that are not 0 to 6 or have no weeks', async () => {
    const id = await unbornCase();
    assert.ok((await recordBirth(t.ctx, midwife, id, 1, { ...birth, gestationAtBirthWeeks: 29, gestationAtBirthDays: 3, birthWeightGrams: 1400 })).ok);
    const after = await row(id);
    assert.deepEqual([after.gestation_at_birth_weeks, after.gestation_at_birth_days], [29, 3]);
    const entry = await t.ctx.db.selectFrom('chronology_entries').select('summary').where('case_id', '=', id).executeTakeFirstOrThrow();
    assert.equal(entry.summary, 'Born on 20 November 2026 at 29+3 weeks, weighing 1,400 g.');
    for (const wrong of [{ gestationAtBirthWeeks: 29, gestationAtBirthDays: 7 }, { gestationAtBirthWeeks: null, gestationAtBirthDays: 3 }]) {
      const other = await unbornCase();
      const result = await recordBirth(t.ctx, midwife, other, 1, { ...birth, ...wrong });
      assert.deepEqual(result.ok ? null : result.code === 'invalid' && result.problems.map((p) => p.field), ['gestationAtBirthWeeks'], JSON.stringify(wrong));
    }
  });

  it('re-opens the profile: the birth is a trigger, so the reassessment is due', async () => {
    const id = await unbornCase();
    assert.ok((await recordBirth(t.ctx, midwife, id, 1, birth)).ok);
    const version = await t.ctx.db.selectFrom('profile_versions').select('findings').where('case_id', '=', id).orderBy('version', 'desc').executeTakeFirstOrThrow();
    const findings = version.findings ?? [];
    const due = findings.find((finding) => finding.id === 'reassessment-due');
    assert.ok(due, JSON.stringify(findings.map((f) => f.id)));
    assert.match(due.rationale, /birth/);
  });

  it('answers a Birth entry sent for an unborn baby with the words to record the birth, audited, and writes nothing', async () => {
    const id = await unbornCase();
    const result = await recordEntry(t.ctx, midwife, id, { kind: 'birth', occurredAt: '2026-11-20', summary: 'Born at Southvale', source: 'agency-record' });
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.problems, [{ code: 'birth-not-recorded', path: '/kind' }]);
    assert.equal((await row(id)).status, 'unborn', 'the record stays unborn, and says so: no second truth');
    assert.equal((await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', id).execute()).length, 0);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('case_id', '=', id).where('action', '=', 'chronology.record').execute();
    assert.deepEqual(audit, [{ outcome: 'failure', details: { reason: 'birth-not-recorded', index: 0 } }]);
  });

  it('takes a Birth entry on a born baby’s record only on its date of birth', async () => {
    const id = await unbornCase();
    assert.ok((await recordBirth(t.ctx, midwife, id, 1, birth)).ok);
    const wrongDay = await recordEntry(t.ctx, midwife, id, { kind: 'birth', occurredAt: '2026-11-19', summary: 'Born', source: 'agency-record' });
    assert.deepEqual(wrongDay.ok ? null : wrongDay.code === 'invalid' && wrongDay.problems, [{ code: 'birth-date-differs', path: '/occurredAt' }]);
    const sameDay = await recordEntry(t.ctx, midwife, id, { kind: 'birth', occurredAt: '2026-11-20', summary: 'The hospital’s birth notification', source: 'agency-record' });
    assert.ok(sameDay.ok, JSON.stringify(sameDay));
  });

  it('refuses an NHS number another record already has', async () => {
    const other = await createCase(t.ctx, outsider, { status: 'born', givenName: 'Other', familyName: 'Baby', nhsNumber: '1000000060', dateOfBirth: '2026-03-03' });
    assert.ok(other.ok);
    const id = await unbornCase();
    const result = await recordBirth(t.ctx, midwife, id, 1, { ...birth, nhsNumber: '1000000060' });
    assert.ok(!result.ok && result.code === 'duplicate-nhs-number');
    assert.deepEqual(
      result.matches.map((match) => [match.id, match.restricted]),
      [[other.value.id, true]],
    );
  });

  it('answers not found for a record that does not exist', async () => {
    const result = await recordBirth(t.ctx, midwife, 'no-such-case', 1, birth);
    assert.equal(result.ok ? null : result.code, 'not-found');
  });

  it('shows the unborn record to its team for the birth form, auditing the look, and refuses others as the birth they came to record', async () => {
    const id = await unbornCase();
    const loaded = await loadUnbornRecord(t.ctx, midwife, id);
    assert.ok(loaded.ok);
    assert.equal(loaded.value.version, 1);
    assert.equal(loaded.value.expectedDeliveryDate, '2026-11-25');
    assert.match(loaded.value.name, /^Unborn baby Family/);
    const refused = await loadUnbornRecord(t.ctx, outsider, id);
    assert.equal(refused.ok ? null : refused.code, 'forbidden');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'actor_user_id', 'outcome']).where('case_id', '=', id).where('action', 'in', ['case.view', 'case.birth-recorded']).orderBy('seq').execute();
    assert.deepEqual(audit, [
      { action: 'case.view', actor_user_id: midwife.userId, outcome: 'success' },
      { action: 'case.birth-recorded', actor_user_id: outsider.userId, outcome: 'denied' },
    ]);
  });
  it("refuses the mother's NHS number kept on the record as the baby's, with every other problem, saving nothing", async () => {
    const id = await unbornCase();
    await t.ctx.db.updateTable('cases').set({ mother_nhs_number: '9434765919' }).where('id', '=', id).execute();
    const result = await recordBirth(t.ctx, midwife, id, 1, { ...birth, birthWeightGrams: 10, nhsNumber: '943 476 5919' });
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.problems.map((problem) => problem.field), ['nhsNumber', 'birthWeightGrams']);
    assert.equal(result.problems[0]!.message, "This is the NHS number of the mother on this record. Enter the baby's own NHS number, from the birth notification or the red book, or leave it blank");
    assert.equal((await row(id)).status, 'unborn');
  });
});
