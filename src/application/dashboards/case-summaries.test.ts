// The dashboards' summary row (ADR 0017) as the one way to change a case writes it, from what the change
// had already read (profile-versions.ts, with the version; change-case.ts for a change with none), held
// after each kind of change to the row the summaries' own full read works out for the case
// (summary-facts.ts readSummaryFacts, through refreshStaleSummaries): making the record, a factor, an entry, a batch across
// two cases, a meeting, a decision, a review, a change of level, the birth, closing for transfer. And the
// re-evaluation and the rebuild fill rows that are missing or stale, and a change of the clocks'
// timescales has the queued work write every row again.
// And the rows random batches write, against the full read's (the clocks from the entries kept, the
// organisations from every case's team in one pass).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { createRandom } from '../../domain/shared/seeded-random.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { cliOperator, type UserActor } from '../actor.ts';
import { createCase } from '../cases/create-case.ts';
import { addToTeam } from '../cases/manage-team.ts';
import { recordBirth } from '../cases/record-birth.ts';
import { recordBatch } from '../chronology/record-batch.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { recordMeeting } from '../meetings/record-meeting.ts';
import { changeLevel } from '../profile/change-level.ts';
import { markProfileReviewed } from '../profile/mark-profile-reviewed.ts';
import { recordDecision } from '../profile/record-decision.ts';
import { reevaluateAllProfiles, runQueuedReevaluations } from '../profile/reevaluate-profiles.ts';
import { changeAreaSettings } from '../settings/area-settings.ts';
import { updateFactor } from '../profile/update-factor.ts';
import { closeForTransfer } from '../transfer/close-for-transfer.ts';
import { rebuildCaseSummaries, refreshStaleSummaries, withSummaries } from './case-summaries.ts';

describe('the dashboards’ summary row written by the change from what it read', () => {
  let t: TestApp;
  let lead: UserActor;
  let unborn: string;
  let born: string;

  before(async () => {
    t = await createTestApp();
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care', 'Summary Social Care');
    const midwifery = await makeOrganisation(t.ctx, 'midwifery', 'Summary Midwifery');
    const worker = await makeUser(t.ctx, { organisationId: csc.id, name: 'Sam Social' });
    const midwife = await makeUser(t.ctx, { organisationId: midwifery.id, name: 'Mia Midwife' });
    lead = actorFor(worker);
    const made = await createCase(t.ctx, lead, { status: 'unborn', familyName: 'Summerfield', expectedDeliveryDate: serviceToday(t.clock.now()) }, { confirmedNoDuplicate: true });
    assert.ok(made.ok, JSON.stringify(made));
    unborn = made.value.id;
    await makePerson(t.ctx, unborn);
    born = (await makeCase(t.ctx, { familyName: 'Winterbourne', teamUserIds: [worker.id, midwife.id] })).id;
    await makePerson(t.ctx, born, { relationship_to_infant: 'father', given_name: 'Tom' });
  });
  after(async () => t.close());

  const summaries = () => withSummaries(t.ctx.db);
  const rowOf = (caseId: string) => summaries().selectFrom('dashboard_case_summaries').selectAll().where('case_id', '=', caseId).executeTakeFirst();
  /** The organisations of the people on the case's team, as case_team and the accounts say. */
  const caseRowOrganisations = async (caseId: string) =>
    (await t.ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select('users.organisation_id').distinct().where('case_team.case_id', '=', caseId).orderBy('users.organisation_id').execute()).map((row) => row.organisation_id);
  const caseRow = (caseId: string) => t.ctx.db.selectFrom('cases').select(['profile_version', 'version']).where('id', '=', caseId).executeTakeFirstOrThrow();

  /** The row the change wrote is of the case's version, written now, and the same as the dashboards' full read works it out. */
  async function assertCurrent(caseId: string, after: string): Promise<void> {
    const written = await rowOf(caseId);
    assert.ok(written, `${after}: a row`);
    assert.equal(written.written_at.getTime(), t.clock.now().getTime(), `${after}: written by the change`);
    assert.equal(written.profile_version, (await caseRow(caseId)).profile_version, `${after}: of the case's version`);
    await summaries().deleteFrom('dashboard_case_summaries').where('case_id', '=', caseId).execute();
    assert.ok((await refreshStaleSummaries(t.ctx)) >= 1, `${after}: worked out again`);
    const full = await rowOf(caseId);
    assert.deepEqual({ ...written, written_at: null }, { ...full, written_at: null }, `${after}: the same row as a full read gives`);
  }

  /** Moves the clock on before a change, so that a row written by it is told from one written before. */
  const tick = () => t.clock.advanceMinutes(7);

  it('when a record is made, unborn or born, by create-case itself', async () => {
    tick();
    const today = serviceToday(t.clock.now());
    const threeDaysAgo = serviceToday(new Date(t.clock.now().getTime() - 3 * 86_400_000));
    const unbornMade = await createCase(t.ctx, lead, { status: 'unborn', familyName: 'Newcombe', expectedDeliveryDate: today }, { confirmedNoDuplicate: true });
    assert.ok(unbornMade.ok, JSON.stringify(unbornMade));
    assert.equal((await rowOf(unbornMade.value.id))?.profile_version, 0, 'a new record has no profile version yet');
    await assertCurrent(unbornMade.value.id, 'a new unborn record');
    tick();
    const bornMade = await createCase(t.ctx, lead, { status: 'born', givenName: 'Nell', familyName: 'Newborn', dateOfBirth: threeDaysAgo, multipleBirth: false, independentlyMobile: false }, { confirmedNoDuplicate: true });
    assert.ok(bornMade.ok, JSON.stringify(bornMade));
    const bornRow = await rowOf(bornMade.value.id);
    assert.equal(bornRow?.status, 'born');
    assert.equal(bornRow?.opened_on, today);
    await assertCurrent(bornMade.value.id, 'a new born record');
  });

  it('after a factor, an entry and a batch across two cases', async () => {
    tick();
    const factor = await updateFactor(t.ctx, lead, unborn, { factorId: 'parental-conflict', status: 'present', detail: 'Shouting heard at the visit', evidence: [], version: 0 });
    assert.ok(factor.ok, JSON.stringify(factor));
    await assertCurrent(unborn, 'a factor');
    const today = serviceToday(t.clock.now());
    tick();
    const entry = await recordEntry(t.ctx, lead, unborn, { kind: 'strategy-discussion', occurredAt: today, summary: 'Strategy discussion: section 47 enquiries to start', source: 'agency-record' });
    assert.ok(entry.ok, JSON.stringify(entry));
    await assertCurrent(unborn, 'an entry that runs a clock');
    tick();
    const batch = await recordBatch(t.ctx, lead, [
      { index: 0, caseId: unborn, entry: { kind: 'home-visit', occurredAt: today, summary: 'Visit', source: 'observed', externalId: 'summary-1' } },
      { index: 1, caseId: born, entry: { kind: 'hospital-discharge', occurredAt: today, summary: 'Discharged from the ward', source: 'agency-record', externalId: 'summary-2' } },
      { index: 2, caseId: born, entry: { kind: 'home-visit', occurredAt: today, summary: 'Visit', source: 'observed', externalId: 'summary-3' } },
    ]);
    assert.equal(batch.stored.length, 3, JSON.stringify(batch));
    await assertCurrent(unborn, 'a batch (first case)');
    await assertCurrent(born, 'a batch (second case)');
  });

  it('after a meeting (no version), a decision, a review and a change of level', async () => {
    const today = serviceToday(t.clock.now());
    tick();
    const meeting = await recordMeeting(t.ctx, lead, born, { kind: 'strategy-discussion', heldOn: today, chair: 'A chair', parentsPresent: false, attendees: [{ name: 'A health visitor', agency: 'health-visiting' }], decisions: ['Section 47 enquiries'], section47: true });
    assert.ok(meeting.ok, JSON.stringify(meeting));
    const clocked = await rowOf(born);
    assert.ok(clocked?.clock_due_on && clocked.clock_due_on > today, 'the conference clock runs');
    await assertCurrent(born, 'a meeting');
    tick();
    const decision = await recordDecision(t.ctx, lead, born, { decision: 'strategy-discussion', reasoning: 'Discharge and a father not yet known', leadConsulted: false, profileVersion: (await caseRow(born)).profile_version });
    assert.ok(decision.ok, JSON.stringify(decision));
    await assertCurrent(born, 'a decision');
    tick();
    const reviewed = await markProfileReviewed(t.ctx, lead, born, { profileVersion: (await caseRow(born)).profile_version });
    assert.ok(reviewed.ok, JSON.stringify(reviewed));
    assert.ok((await rowOf(born))?.review_due_on, 'a review makes a due day');
    await assertCurrent(born, 'a review');
    tick();
    const level = await changeLevel(t.ctx, lead, born, { level: 'early-help', why: 'Help with feeding and housing' });
    assert.ok(level.ok, JSON.stringify(level));
    await assertCurrent(born, 'a change of level');
  });

  it('after someone joins the team around the family, with a version (a new kind of agency) or none: the row’s organisations with it', async () => {
    const organisationsOf = async (caseId: string) => (await rowOf(caseId))?.organisation_ids;
    const csc = (await caseRowOrganisations(unborn))[0]!;
    assert.deepEqual(await organisationsOf(unborn), [csc]);
    const otherCsc = await makeOrganisation(t.ctx, 'childrens-social-care', 'Summary Social Care East');
    const colleague = await makeUser(t.ctx, { organisationId: otherCsc.id });
    tick();
    const sameKind = await addToTeam(t.ctx, lead, { caseId: unborn, userId: colleague.id, role: 'member' });
    assert.ok(sameKind.ok, JSON.stringify(sameKind));
    assert.deepEqual(await organisationsOf(unborn), [csc, otherCsc.id].sort(), 'a change with no version');
    await assertCurrent(unborn, 'a member of a kind of agency already in the team');
    const police = await makeOrganisation(t.ctx, 'police', 'Summary Police');
    const officer = await makeUser(t.ctx, { organisationId: police.id });
    tick();
    const versionBefore = (await caseRow(unborn)).profile_version;
    const newKind = await addToTeam(t.ctx, lead, { caseId: unborn, userId: officer.id, role: 'member' });
    assert.ok(newKind.ok, JSON.stringify(newKind));
    assert.equal((await caseRow(unborn)).profile_version, versionBefore + 1, 'a new kind of agency is a profile version');
    assert.deepEqual(await organisationsOf(unborn), [csc, otherCsc.id, police.id].sort(), 'a change with a version');
    await assertCurrent(unborn, 'a member of a new kind of agency');
  });

  it('after the birth and closing for transfer (no version)', async () => {
    tick();
    const birth = await recordBirth(t.ctx, lead, unborn, (await caseRow(unborn)).version, { dateOfBirth: serviceToday(t.clock.now()), gestationAtBirthWeeks: 39, birthWeightGrams: 3300, multipleBirth: false, independentlyMobile: false });
    assert.ok(birth.ok, JSON.stringify(birth));
    const row = await rowOf(unborn);
    assert.equal(row?.status, 'born');
    assert.ok(row.six_months_on !== null);
    await assertCurrent(unborn, 'the birth');
    tick();
    const closed = await closeForTransfer(t.ctx, lead, unborn, { toArea: 'Northshire', contact: 'Duty team' });
    assert.ok(closed.ok, JSON.stringify(closed));
    await assertCurrent(unborn, 'closing for transfer');
  });

  it('the re-evaluation writes the row of every case it evaluates, and the rebuild every missing or stale one', async () => {
    await summaries().deleteFrom('dashboard_case_summaries').where('case_id', '=', born).execute();
    await summaries().updateTable('dashboard_case_summaries').set({ level: 'stale', profile_version: 0 }).where('case_id', '=', unborn).execute();
    t.clock.advanceMinutes(60);
    await reevaluateAllProfiles(t.ctx, cliOperator);
    for (const caseId of [born, unborn]) {
      const row = await rowOf(caseId);
      assert.ok(row, 'the re-evaluation wrote the missing row');
      assert.equal(row.written_at.getTime(), t.clock.now().getTime());
      assert.equal(row.profile_version, (await caseRow(caseId)).profile_version);
      assert.notEqual(row.level, 'stale');
    }
    assert.equal(await refreshStaleSummaries(t.ctx), 0, 'nothing left stale by the re-evaluation');
    const expected = await summaries().selectFrom('dashboard_case_summaries').selectAll().orderBy('case_id').execute();

    await summaries().deleteFrom('dashboard_case_summaries').where('case_id', '=', born).execute();
    await summaries().updateTable('dashboard_case_summaries').set({ level: 'stale' }).where('case_id', '=', unborn).execute();
    const cases = (await t.ctx.db.selectFrom('cases').select('id').execute()).length;
    assert.deepEqual(await rebuildCaseSummaries(t.ctx, { all: false }), { cases, written: 1 }, 'only the missing row: a same-version row is taken as current');
    assert.deepEqual(await rebuildCaseSummaries(t.ctx, { all: true }), { cases, written: cases }, 'every row');
    const rebuilt = await summaries().selectFrom('dashboard_case_summaries').selectAll().orderBy('case_id').execute();
    assert.deepEqual(rebuilt.map((r) => ({ ...r, written_at: null })), expected.map((r) => ({ ...r, written_at: null })));
  });

  it('a change of the clocks’ timescales queues every case and the queued work writes every row again, no profile evaluated', async () => {
    const admin = actorFor(await makeUser(t.ctx, { role: 'admin', name: 'Ada Admin' }));
    const all = () => summaries().selectFrom('dashboard_case_summaries').selectAll().orderBy('case_id').execute();
    const before = await all();
    const cases = (await t.ctx.db.selectFrom('cases').select(['id', 'profile_version']).orderBy('id').execute());
    assert.equal(before.length, cases.length, 'a row for every case');
    tick();
    const changed = await changeAreaSettings(t.ctx, admin, { 'timescales.initialConferenceWorkingDays': '10', 'timescales.dueSoonWorkingDays': '4' });
    assert.ok(changed.ok, JSON.stringify(changed));
    const queued = await t.ctx.db.selectFrom('profile_reevaluation_queue').select('case_id').execute();
    assert.equal(queued.length, cases.length, 'every case queued with the change');
    assert.equal(await all().then((rows) => rows.filter((r) => r.written_at.getTime() === t.clock.now().getTime()).length), 0, 'nothing written until the queued work runs');

    tick();
    const run = await runQueuedReevaluations(t.ctx);
    assert.deepEqual({ profiles: run.profiles, changed: run.changed, summaries: run.summaries }, { profiles: 0, changed: 0, summaries: cases.length }, 'summaries only: the profile reads no timescale');
    assert.deepEqual(await t.ctx.db.selectFrom('profile_reevaluation_queue').select('case_id').execute(), []);
    const written = await all();
    assert.deepEqual(
      written.map((r) => [r.case_id, r.profile_version, r.written_at.getTime()]),
      cases.map((c) => [c.id, c.profile_version, t.clock.now().getTime()]),
      'every row written again by the run, of the version the case is at (no new version)',
    );
    for (const row of written) assert.notEqual(row.settings_stamp, before.find((b) => b.case_id === row.case_id)?.settings_stamp, 'under the new settings');
    assert.equal(await refreshStaleSummaries(t.ctx), 0, 'nothing left stale for a dashboard');
    const unbornBefore = before.find((r) => r.case_id === unborn)!;
    const unbornAfter = written.find((r) => r.case_id === unborn)!;
    assert.notEqual(unbornAfter.clock_due_on, unbornBefore.clock_due_on, 'the strategy discussion’s clock is due earlier under the shorter timescale');
    await summaries().deleteFrom('dashboard_case_summaries').execute();
    assert.equal(await refreshStaleSummaries(t.ctx), cases.length);
    assert.deepEqual((await all()).map((r) => ({ ...r, written_at: null })), written.map((r) => ({ ...r, written_at: null })), 'the same rows as the dashboards’ full read gives');
  });
});

// The row the batch writes works out the clocks from the entries kept for each case (timescales/
// clock-entries-kept.ts) and the organisations from every case's team in one grouped pass: held to the
// summaries' own full read over random batches (the clocks' kinds, corrections, entries dated before the
// last, recorded by social care or the police) across cases with different teams.
describe('the dashboards’ summary row written by random batches, against the full read', () => {
  let t: TestApp;
  after(async () => t?.close());

  it('is the row the full read gives after every batch, for 5 cases over 8 batches', async () => {
    t = await createTestApp();
    const random = createRandom(12);
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care', 'Random Social Care');
    const police = await makeOrganisation(t.ctx, 'police', 'Random Police');
    const midwifery = await makeOrganisation(t.ctx, 'midwifery', 'Random Midwifery');
    const worker = await makeUser(t.ctx, { organisationId: csc.id });
    const officer = await makeUser(t.ctx, { organisationId: police.id });
    const midwife = await makeUser(t.ctx, { organisationId: midwifery.id });
    const cases: string[] = [];
    for (let c = 0; c < 5; c++) {
      const { id } = await makeCase(t.ctx, { teamUserIds: [worker.id, officer.id, ...(random.chance(0.5) ? [midwife.id] : [])] });
      await makePerson(t.ctx, id);
      cases.push(id);
    }
    assert.equal(await refreshStaleSummaries(t.ctx), cases.length, 'every case a row before the batches');
    const kinds = ['referral', 'referral-decision', 'assessment-completed', 'strategy-discussion', 'conference', 'core-group', 'home-visit', 'case-note'];
    const storedOf = new Map<string, string[]>(cases.map((id) => [id, []]));
    const rowOf = (caseId: string) => withSummaries(t.ctx.db).selectFrom('dashboard_case_summaries').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    let n = 0;
    for (let batch = 0; batch < 8; batch++) {
      t.clock.advanceMinutes(60 * 24);
      const today = serviceToday(t.clock.now());
      const items = Array.from({ length: random.int(5, 15) }, (_, index) => {
        const caseId = random.pick(cases);
        const earlier = storedOf.get(caseId)!;
        const occurredAt = serviceToday(new Date(t.clock.now().getTime() - random.int(0, 40) * 86_400_000));
        const correction = earlier.length > 0 && random.chance(0.15) ? { corrects: random.pick(earlier), correctionReason: 'Wrong entry' } : {};
        return { index, caseId, entry: { kind: random.pick(kinds), occurredAt, summary: `Entry ${String(n)}`, source: 'agency-record', externalId: `random-${String(n++)}`, ...correction } };
      });
      const done = await recordBatch(t.ctx, actorFor(random.chance(0.5) ? worker : officer), items);
      for (const stored of done.stored) storedOf.get(items[stored.index]!.caseId)!.push(stored.id);
      const written = await Promise.all(cases.map(rowOf));
      await withSummaries(t.ctx.db).deleteFrom('dashboard_case_summaries').execute();
      assert.equal(await refreshStaleSummaries(t.ctx), cases.length);
      const full = await Promise.all(cases.map(rowOf));
      assert.deepEqual(
        written.map((row) => ({ ...row, written_at: null })),
        full.map((row) => ({ ...row, written_at: null })),
        `batch ${String(batch)} on ${today}: ${String(done.stored.length)} stored, ${String(done.rejected.length)} refused`,
      );
    }
  });
});
