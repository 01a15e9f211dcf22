import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { NewRecordInput } from '../../domain/people/record-matching.ts';
import type { Role } from '../../domain/shared/roles.ts';
import type { UserActor } from '../actor.ts';
import { createCase, type CreateCaseResult, type PossibleMatch } from './create-case.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

function actorOf(user: { id: string; organisationId: string }, role: Role = 'practitioner'): UserActor {
  return { kind: 'user', userId: user.id, organisationId: user.organisationId, role, channel: 'web', ip: '10.0.0.9' };
}

function matchesOf(result: CreateCaseResult): PossibleMatch[] {
  assert.ok(!result.ok && 'matches' in result, `expected matches, got ${JSON.stringify(result)}`);
  return result.matches;
}

const ruby: NewRecordInput = {
  status: 'born',
  givenName: 'Ruby',
  familyName: 'Okafor',
  sex: 'female',
  dateOfBirth: '2026-10-01',
  gestationAtBirthWeeks: 39,
  birthWeightGrams: 3350,
  multipleBirth: false,
  independentlyMobile: false,
};

describe('making a record', () => {
  let t: TestApp;
  let midwife: UserActor;
  let visitor: UserActor;

  before(async () => {
    t = await createTestApp();
    const midwifery = await makeOrganisation(t.ctx, 'midwifery', 'Northshire Midwifery');
    midwife = actorOf(await makeUser(t.ctx, { organisationId: midwifery.id, name: 'Mia Midwife', email: 'mia@test.example' }));
    visitor = actorOf(await makeUser(t.ctx, { name: 'Harry Visitor' }));
  });
  after(async () => t.close());

  const caseCount = async () => (await t.ctx.db.selectFrom('cases').select('id').execute()).length;

  it('makes an unborn record, with the creator as lead professional, audited in the same step', async () => {
    const result = await createCase(t.ctx, midwife, { status: 'unborn', familyName: 'Ashworth', expectedDeliveryDate: '2027-03-01' });
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.version, 1);
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', result.value.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'unborn');
    assert.equal(row.family_name, 'Ashworth');
    assert.equal(row.given_name, null);
    assert.equal(row.expected_delivery_date, '2027-03-01');
    assert.equal(row.date_of_birth, null);
    assert.equal(row.created_by, midwife.userId);
    const team = await t.ctx.db.selectFrom('case_team').select(['user_id', 'role', 'added_by']).where('case_id', '=', result.value.id).execute();
    assert.deepEqual(team, [{ user_id: midwife.userId, role: 'lead-professional', added_by: midwife.userId }]);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'actor_user_id', 'details']).where('case_id', '=', result.value.id).execute();
    assert.deepEqual(audit, [
      { action: 'case.create', outcome: 'success', actor_user_id: midwife.userId, details: { status: 'unborn', confirmedNoDuplicate: false, checkedCaseIds: [] } },
    ]);
  });

  it('makes a born record with its birth details and a normalised NHS number', async () => {
    const result = await createCase(t.ctx, visitor, { ...ruby, givenName: ' Ada ', familyName: 'Lovelace', nhsNumber: '943 476 5919', dateOfBirth: '2026-06-10' });
    assert.ok(result.ok, JSON.stringify(result));
    const row = await t.ctx.db.selectFrom('cases').selectAll().where('id', '=', result.value.id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.status, row.given_name, row.nhs_number, row.date_of_birth, row.gestation_at_birth_weeks, row.birth_weight_grams, row.multiple_birth, row.independently_mobile, row.sex],
      ['born', 'Ada', '9434765919', '2026-06-10', 39, 3350, false, null, 'female'],
    );
  });

  it('keeps the days of gestation beside the weeks, and mobility only for a baby 6 months or older', async () => {
    const young = await createCase(t.ctx, visitor, { ...ruby, givenName: 'Days', familyName: 'Keeper', dateOfBirth: '2026-09-01', gestationAtBirthWeeks: 29, gestationAtBirthDays: 3, independentlyMobile: false });
    assert.ok(young.ok, JSON.stringify(young));
    const row = await t.ctx.db.selectFrom('cases').select(['gestation_at_birth_weeks', 'gestation_at_birth_days', 'independently_mobile']).where('id', '=', young.value.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { gestation_at_birth_weeks: 29, gestation_at_birth_days: 3, independently_mobile: null });
    const older = await createCase(t.ctx, visitor, { ...ruby, givenName: 'Cruiser', familyName: 'Walker', dateOfBirth: '2026-05-22', gestationAtBirthWeeks: 40, gestationAtBirthDays: null, independentlyMobile: true });
    assert.ok(older.ok, JSON.stringify(older));
    const olderRow = await t.ctx.db.selectFrom('cases').select(['gestation_at_birth_weeks', 'gestation_at_birth_days', 'independently_mobile']).where('id', '=', older.value.id).executeTakeFirstOrThrow();
    assert.deepEqual(olderRow, { gestation_at_birth_weeks: 40, gestation_at_birth_days: null, independently_mobile: true });
  });

  it('refuses a record whose details do not make sense, saying which and why', async () => {
    const result = await createCase(t.ctx, midwife, { ...ruby, dateOfBirth: '2026-11-23', nhsNumber: '1234567890' });
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.problems, [
      { field: 'nhsNumber', message: 'This NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit' },
      { field: 'dateOfBirth', message: 'Date of birth must be today or in the past' },
    ]);
  });

  it('warns of a possible duplicate first, showing a record the caller cannot open only as a contact, then makes it once confirmed', async () => {
    const existing = await createCase(t.ctx, midwife, ruby);
    assert.ok(existing.ok);
    const before = await caseCount();

    const warned = await createCase(t.ctx, visitor, { ...ruby, givenName: 'Rubie', dateOfBirth: '2026-10-02' });
    assert.equal(warned.ok ? null : warned.code, 'possible-duplicate');
    assert.deepEqual(matchesOf(warned), [
      { restricted: true, id: existing.value.id, ageBand: 'under 3 months', contact: { name: 'Mia Midwife', organisation: 'Northshire Midwifery', email: 'mia@test.example' }, strength: 'likely', grounds: ['name', 'date'] },
    ]);
    assert.equal(await caseCount(), before, 'nothing made yet');
    const refusal = await t.ctx.db
      .selectFrom('audit_log')
      .select(['outcome', 'details'])
      .where('action', '=', 'case.create')
      .where('actor_user_id', '=', visitor.userId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(refusal, { outcome: 'failure', details: { code: 'possible-duplicate', caseIds: [], restrictedCaseIds: [existing.value.id], grounds: { [existing.value.id]: ['name', 'date'] } } });

    const confirmed = await createCase(t.ctx, visitor, { ...ruby, givenName: 'Rubie', dateOfBirth: '2026-10-02' }, { confirmedNoDuplicate: true, checkedCaseIds: [existing.value.id] });
    assert.ok(confirmed.ok, JSON.stringify(confirmed));
    assert.equal(await caseCount(), before + 1);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', confirmed.value.id).where('action', '=', 'case.create').executeTakeFirstOrThrow();
    assert.deepEqual(audit.details, {
      status: 'born',
      confirmedNoDuplicate: true,
      checkedCaseIds: [existing.value.id],
      matchesShown: { caseIds: [], restrictedCaseIds: [existing.value.id], grounds: { [existing.value.id]: ['name', 'date'] } },
    });
  });

  it("finds a record whose person recorded as the mother has the new record's mother's NHS number, whatever the dates and names", async () => {
    const sibling = await makeCase(t.ctx, { familyName: 'Elsewhere', teamUserIds: [midwife.userId] });
    await makePerson(t.ctx, sibling.id, { nhs_number: '6000000006' });
    const [match, ...rest] = matchesOf(await createCase(t.ctx, visitor, { status: 'unborn', expectedDeliveryDate: '2027-06-01', details: { motherNhsNumber: '600 000 0006' } }));
    assert.deepEqual(rest, []);
    assert.ok(match?.restricted);
    assert.deepEqual([match.id, match.strength, match.grounds], [sibling.id, 'possible', ['mother-nhs-number']]);
    // A father with that NHS number is not the mother.
    const other = await makeCase(t.ctx, { familyName: 'Fatherly', teamUserIds: [midwife.userId] });
    await makePerson(t.ctx, other.id, { nhs_number: '4857773457', relationship_to_infant: 'father' });
    const none = await createCase(t.ctx, visitor, { status: 'unborn', expectedDeliveryDate: '2027-06-01', details: { motherNhsNumber: '4857773457' } }, { confirmedNoDuplicate: true, differentBabyReason: null });
    assert.ok(none.ok, JSON.stringify(none));
  });

  it("finds a record by the mother's name and date of birth, as typed on it or as the person recorded as the mother, and keeps them", async () => {
    const mother = { motherGivenName: 'Zoë', motherFamilyName: "O'Neil-Hart", motherDateOfBirth: '1997-03-14' };
    const first = await createCase(t.ctx, midwife, { status: 'unborn', expectedDeliveryDate: '2027-04-10', ...mother });
    assert.ok(first.ok, JSON.stringify(first));
    const row = await t.ctx.db.selectFrom('cases').select(['mother_given_name', 'mother_family_name', 'mother_date_of_birth']).where('id', '=', first.value.id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { mother_given_name: 'Zoë', mother_family_name: "O'Neil-Hart", mother_date_of_birth: '1997-03-14' });
    const made = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', first.value.id).where('action', '=', 'case.create').executeTakeFirstOrThrow();
    assert.deepEqual((made.details as { motherGiven?: string[] }).motherGiven, ['motherGivenName', 'motherFamilyName', 'motherDateOfBirth']);

    // Another agency, with her name typed another way and a due date a few days off: likely, shown only as held elsewhere.
    const [match, ...rest] = matchesOf(await createCase(t.ctx, visitor, { status: 'unborn', expectedDeliveryDate: '2027-04-14', motherGivenName: 'zoe', motherFamilyName: 'ONEIL HART', motherDateOfBirth: '1997-03-14' }));
    assert.deepEqual(rest, []);
    assert.ok(match?.restricted);
    assert.deepEqual([match.id, match.strength, match.grounds], [first.value.id, 'likely', ['mother-name-and-date-of-birth', 'date']]);

    // The person recorded as the mother on a record, with dates that are not one pregnancy: possible.
    const sibling = await makeCase(t.ctx, { familyName: 'Siblingly', teamUserIds: [midwife.userId] });
    await makePerson(t.ctx, sibling.id, { given_name: 'Hana', family_name: 'Novak', date_of_birth: '1990-07-01' });
    const found = matchesOf(await createCase(t.ctx, visitor, { status: 'unborn', expectedDeliveryDate: '2027-08-20', motherGivenName: 'Hana', motherFamilyName: 'Novák', motherDateOfBirth: '1990-07-01' }));
    assert.deepEqual(found.map((m) => [m.id, m.strength, m.grounds]), [[sibling.id, 'possible', ['mother-name-and-date-of-birth']]]);

    // Another woman's birthday, or the same birthday under another name: nothing.
    const none = await createCase(t.ctx, visitor, { status: 'unborn', expectedDeliveryDate: '2027-09-30', motherGivenName: 'Hana', motherFamilyName: 'Kowalski', motherDateOfBirth: '1990-07-01' });
    assert.ok(none.ok, JSON.stringify(none));
  });

  it('refuses to make a record over matches without a reason, when the caller asks for one, and audits the refusal', async () => {
    const existing = await createCase(t.ctx, midwife, { status: 'unborn', familyName: 'Reasoner', expectedDeliveryDate: '2027-03-03', details: { motherNhsNumber: '3214567896' } });
    assert.ok(existing.ok);
    const input: NewRecordInput & { details: { motherNhsNumber: string } } = { status: 'unborn', expectedDeliveryDate: '2027-03-20', details: { motherNhsNumber: '3214567896' } };
    for (const reason of [null, '   ']) {
      const refused = await createCase(t.ctx, visitor, input, { confirmedNoDuplicate: true, checkedCaseIds: [existing.value.id], differentBabyReason: reason });
      assert.equal(refused.ok ? null : refused.code, 'reason-needed');
      const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'case.create').where('actor_user_id', '=', visitor.userId).orderBy('seq', 'desc').executeTakeFirstOrThrow();
      assert.deepEqual(audit, { outcome: 'failure', details: { code: 'reason-needed', caseIds: [], restrictedCaseIds: [existing.value.id], grounds: { [existing.value.id]: ['mother-nhs-number', 'date'] } } });
    }
    const made = await createCase(t.ctx, visitor, input, { confirmedNoDuplicate: true, checkedCaseIds: [existing.value.id], differentBabyReason: ' Twins? No: one baby, and checked with the GP ' });
    assert.ok(made.ok, JSON.stringify(made));
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', made.value.id).where('action', '=', 'case.create').executeTakeFirstOrThrow();
    assert.equal((audit.details as { differentBabyReason?: string }).differentBabyReason, 'Twins? No: one baby, and checked with the GP');
  });

  it('explains to the lead professional why their own record may be the same baby', async () => {
    const existing = await createCase(t.ctx, midwife, { ...ruby, givenName: 'John', familyName: 'Smith', dateOfBirth: '2026-09-01' });
    assert.ok(existing.ok);
    const [match] = matchesOf(await createCase(t.ctx, midwife, { ...ruby, givenName: 'Jon', familyName: 'Smyth', dateOfBirth: '2026-09-03' }));
    assert.ok(match && !match.restricted);
    assert.equal(match.id, existing.value.id);
    assert.equal(match.strength, 'likely');
    assert.deepEqual(match.reasons, ['Dates of birth 2 days apart', 'Similar name: the family name sounds the same']);
  });

  it('finds the unborn record a new born baby came from', async () => {
    const unborn = await createCase(t.ctx, midwife, { status: 'unborn', familyName: 'Quenby', expectedDeliveryDate: '2026-11-25' });
    assert.ok(unborn.ok);
    const [match] = matchesOf(await createCase(t.ctx, visitor, { ...ruby, givenName: 'Kit', familyName: 'Quenby', dateOfBirth: '2026-11-20' }));
    assert.deepEqual(match, {
      restricted: true,
      id: unborn.value.id,
      ageBand: 'unborn, due November 2026',
      contact: { name: 'Mia Midwife', organisation: 'Northshire Midwifery', email: 'mia@test.example' },
      strength: 'likely',
      grounds: ['name', 'date'],
    });
  });

  it('stops again when a new possible match has appeared since the caller checked', async () => {
    const first = await createCase(t.ctx, midwife, { ...ruby, givenName: 'Tom', familyName: 'Thumbleton', dateOfBirth: '2026-08-08' });
    assert.ok(first.ok);
    const again = await createCase(t.ctx, visitor, { ...ruby, givenName: 'Tom', familyName: 'Thumbleton', dateOfBirth: '2026-08-08' }, { confirmedNoDuplicate: true, checkedCaseIds: [] });
    assert.equal(again.ok ? null : again.code, 'possible-duplicate');
  });

  it('never makes a second record with the same NHS number, even when told there is no duplicate', async () => {
    const first = await createCase(t.ctx, midwife, { ...ruby, givenName: 'Nia', familyName: 'Number', nhsNumber: '1000000060', dateOfBirth: '2026-05-05' });
    assert.ok(first.ok);
    const second = await createCase(t.ctx, visitor, { ...ruby, givenName: 'Someone', familyName: 'Else', nhsNumber: '100 000 0060', dateOfBirth: '2026-07-01' }, { confirmedNoDuplicate: true });
    assert.equal(second.ok ? null : second.code, 'duplicate-nhs-number');
    assert.deepEqual(
      matchesOf(second).map((match) => match.id),
      [first.value.id],
    );
  });

  it('refuses an administrator, who does not hold cases, and audits the refusal', async () => {
    const admin = actorOf(await makeUser(t.ctx, { role: 'admin' }), 'admin');
    const before = await caseCount();
    const result = await createCase(t.ctx, admin, { status: 'unborn', familyName: 'Adminson', expectedDeliveryDate: '2027-03-01' });
    assert.equal(result.ok ? null : result.code, 'forbidden');
    assert.equal(await caseCount(), before);
    const denied = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'case.create').where('actor_user_id', '=', admin.userId).execute();
    assert.deepEqual(denied, [{ outcome: 'denied' }]);
  });

  it("takes today's date in the UK, not in UTC", () => {
    assert.equal(serviceToday(new Date('2026-06-30T23:30:00Z')), '2026-07-01');
    assert.equal(serviceToday(new Date('2026-12-31T23:30:00Z')), '2026-12-31');
  });

  it('makes two records at once one after the other, so the second sees the first', async () => {
    const input: NewRecordInput = { ...ruby, givenName: 'Twice', familyName: 'Typed', dateOfBirth: '2026-04-04' };
    const results = await Promise.all([createCase(t.ctx, midwife, input), createCase(t.ctx, visitor, input)]);
    assert.deepEqual(results.map((result) => (result.ok ? 'made' : result.code)).sort(), ['made', 'possible-duplicate']);
  });
});
