// Recording and reading growth measurements, on the test database (PGlite, or PostgreSQL with
// DATABASE_URL). Days come from the test clock (22 November 2026); the baby was born on 1 October 2026.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { evaluateStoredProfile } from '../profile/profile-facts.ts';
import { recordMeasurement } from './record-measurement.ts';
import { viewGrowth } from './view-growth.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('growth measurements', () => {
  let t: TestApp;
  let caseId: string;
  let member: User;
  let outsider: User;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    member = await makeUser(t.ctx, { name: 'Nell Hart' });
    outsider = await makeUser(t.ctx, { name: 'Out Sider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Growth', teamUserIds: [member.id] }));
    await t.ctx.db.updateTable('cases').set({ sex: 'male', gestation_at_birth_weeks: 40, birth_weight_grams: 3500 }).where('id', '=', caseId).execute();
  });
  after(async () => t.close());

  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const auditSince = async (seq: string) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_type']).where('seq', '>', seq).orderBy('seq').execute();
  const profileVersion = async () => (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;
  const faltering = async () => {
    const evaluated = await evaluateStoredProfile(t.ctx.db, caseId, today, (await settingsInForce(t.ctx)).settings);
    return evaluated!.evaluation.subjects.find((subject) => subject.subject === 'infant')!.risk.find((f) => f.factorId === 'faltering-growth')!;
  };

  it('leaves faltering growth not assessed before any weight after the birth', async () => {
    assert.equal((await faltering()).status, 'not-assessed');
  });

  it('records a weight through the one way to change a case: stored, a growth version, audited', async () => {
    const versionBefore = await profileVersion();
    const seq = await lastSeq();
    const result = await recordMeasurement(t.ctx, actorFor(member), caseId, { kind: 'weight', value: 4900, unit: 'g', measuredOn: addDays(today, -2) }, 'page');
    assert.ok(result.ok, JSON.stringify(result));
    assert.equal(result.value.profileVersion, versionBefore + 1);
    assert.deepEqual(
      { ...result.value.measurement, id: '', recordedAt: '', reading: null },
      { id: '', kind: 'weight', value: 4900, unit: 'g', measuredOn: addDays(today, -2), recordedAt: '', recordedBy: 'Nell Hart', agency: result.value.measurement.agency, source: 'page', entryId: null, reading: null, ageWords: 'at 7 weeks 1 day', positionWords: 'between the 25th and 50th centiles', unreadable: null },
    );
    assert.deepEqual(await auditSince(seq), [{ action: 'growth.record', outcome: 'success', subject_type: 'growth-measurement' }]);
    const version = await t.ctx.db.selectFrom('profile_versions').select(['kind', 'change']).where('case_id', '=', caseId).where('version', '=', versionBefore + 1).executeTakeFirstOrThrow();
    assert.equal(version.kind, 'growth');
    assert.equal(version.change['summary'], 'Weight 4,900 g measured on 20 November 2026');
    assert.equal((await faltering()).status, 'excluded');
  });

  it('derives faltering growth from a weight that falls across the centiles, with the weights as its evidence', async () => {
    const result = await recordMeasurement(t.ctx, actorFor(member), caseId, { kind: 'weight', value: 3900, unit: 'g', measuredOn: today }, 'api');
    assert.ok(result.ok);
    const factor = await faltering();
    assert.equal(factor.status, 'present');
    assert.match(factor.detail ?? '', /below the 2nd centile for age/);
    assert.deepEqual(factor.evidence.map((e) => [e.recordedBy, e.recordedAt]), [['Nell Hart', today], ['Infant Care Profile', '2026-10-01']]);
  });

  it('refuses a measurement the rules refuse, audited as a failure, with nothing stored', async () => {
    const versionBefore = await profileVersion();
    const seq = await lastSeq();
    const result = await recordMeasurement(t.ctx, actorFor(member), caseId, { kind: 'length', value: 55, unit: 'cm', measuredOn: addDays(today, 1) }, 'page');
    assert.deepEqual(result, { ok: false, code: 'invalid', message: 'This measurement cannot be recorded: see the problems.', problems: [{ field: 'measuredOn', message: 'The date measured must be today or in the past' }] });
    assert.deepEqual(await auditSince(seq), [{ action: 'growth.record', outcome: 'failure', subject_type: 'case' }]);
    assert.equal(await profileVersion(), versionBefore);
  });

  it('refuses someone outside the team, and a case that does not exist, each audited', async () => {
    const seq = await lastSeq();
    const refused = await recordMeasurement(t.ctx, actorFor(outsider), caseId, { kind: 'weight', value: 5000, unit: 'g', measuredOn: today }, 'page');
    assert.equal(!refused.ok && refused.code, 'forbidden');
    const missing = await recordMeasurement(t.ctx, actorFor(member), '00000000-0000-4000-8000-000000000000', { kind: 'weight', value: 5000, unit: 'g', measuredOn: today }, 'page');
    assert.equal(!missing.ok && missing.code, 'not-found');
    assert.deepEqual((await auditSince(seq)).map((a) => [a.action, a.outcome]), [['growth.record', 'denied'], ['growth.record', 'failure']]);
    const look = await viewGrowth(t.ctx, actorFor(outsider), caseId);
    assert.equal(!look.ok && look.code, 'forbidden');
  });

  it('reads the measurements against the charts, and audits the look', async () => {
    const seq = await lastSeq();
    const view = await viewGrowth(t.ctx, actorFor(member), caseId);
    assert.ok(view.ok);
    assert.deepEqual(view.value.measurements.map((m) => [m.value, m.ageWords, m.positionWords]), [
      [4900, 'at 7 weeks 1 day', 'between the 25th and 50th centiles'],
      [3900, 'at 7 weeks 3 days', 'between the 0.4th and 2nd centiles'],
    ]);
    assert.equal(view.value.faltering.status, 'present');
    assert.deepEqual(await auditSince(seq), [{ action: 'growth.list', outcome: 'success', subject_type: 'case' }]);
  });
});
