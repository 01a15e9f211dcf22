// The growth API: a measurement recorded (201) and listed, read against the charts, faltering growth
// derived with its weights, the error shape with a path per problem, refusals by access and scope.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { rowCounts } from '../../../test/helpers/row-counts.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface ErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}
interface MeasurementBody {
  id: string;
  kind: string;
  value: number;
  unit: string;
  source: string;
  reading: { ageDays: number; corrected: boolean; zScore: number; centile: number; position: string } | null;
  unreadable: string | null;
}
interface ListBody {
  birthWeight: { id: string; value: number; unit: string; measuredOn: string; reading: MeasurementBody['reading']; unreadable: string | null } | null;
  measurements: MeasurementBody[];
  falteringGrowth: { status: string; rules: string[]; detail: string; weightIds: string[] };
}

describe('the growth API', () => {
  let t: TestApp;
  let caseId: string;
  let today: string;
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const hv = await makeOrganisation(t.ctx, 'health-visiting');
    for (const name of ['member', 'outsider', 'reader']) {
      const user = await makeUser(t.ctx, { name: `Api ${name}`, organisationId: hv.id });
      ids[name] = user.id;
      tokens[name] = await apiTokenFor(t.ctx, user.email, name === 'reader' ? ['read'] : undefined);
    }
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Apigrowth', teamUserIds: [ids['member']!, ids['reader']!] }));
    // Born at 32 weeks on 1 October 2026, weighing 1,700 g: read at corrected age.
    await t.ctx.db.updateTable('cases').set({ sex: 'female', gestation_at_birth_weeks: 32, birth_weight_grams: 1700 }).where('id', '=', caseId).execute();
  });
  after(async () => t.close());

  const counts = async () => ({ ...(await rowCounts(t.ctx.db)), growth: Number((await t.ctx.db.selectFrom('growth_measurements').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n) });
  const call = (who: string, method: 'GET' | 'POST', payload?: object, id = caseId) =>
    t.app.inject({ method, url: `/api/v1/cases/${id}/growth/measurements`, headers: { authorization: `Bearer ${tokens[who]!}` }, ...(payload ? { payload } : {}) });

  it('records a weight (201), read at corrected age, and lists it with faltering growth', async () => {
    const sent = await call('member', 'POST', { kind: 'weight', value: 3150.4, unit: 'g', measuredOn: today });
    assert.equal(sent.statusCode, 201, sent.body);
    const { measurement, profileVersion } = sent.json<{ measurement: MeasurementBody; profileVersion: number }>();
    assert.equal(profileVersion, 1);
    assert.deepEqual([measurement.kind, measurement.value, measurement.unit, measurement.source], ['weight', 3150, 'g', 'api']);
    // 52 days old, 8 weeks early: 4 days before term.
    assert.deepEqual(measurement.reading && [measurement.reading.ageDays, measurement.reading.corrected], [-4, true]);
    const list = await call('reader', 'GET');
    assert.equal(list.statusCode, 200, list.body);
    const body = list.json<ListBody>();
    assert.deepEqual(body.measurements.map((m) => m.id), [measurement.id]);
    assert.equal(body.falteringGrowth.status, 'excluded');
    assert.deepEqual(body.falteringGrowth.weightIds, ['birth-weight', measurement.id]);
  });

  it('gives the birth weight on the record first, read against the charts as the page reads it, named as faltering growth names it', async () => {
    const body = (await call('reader', 'GET')).json<ListBody>();
    // Born at 32 weeks: read 8 weeks before term, at corrected age.
    assert.deepEqual(body.birthWeight && { ...body.birthWeight, reading: body.birthWeight.reading && [body.birthWeight.reading.ageDays, body.birthWeight.reading.corrected] }, { id: 'birth-weight', value: 1700, unit: 'g', measuredOn: '2026-10-01', reading: [-56, true], unreadable: null });
    assert.ok(!body.measurements.some((m) => m.id === 'birth-weight'), 'not a stored measurement');
  });

  it('gives no birth weight before the birth or without one, and still gives it when a weight measured on the day of birth says the same', async () => {
    const list = async (id: string) => (await call('member', 'GET', undefined, id)).json<ListBody>();
    const { id: unborn } = await makeCase(t.ctx, { teamUserIds: [ids['member']!] });
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: addDays(today, 60), birth_weight_grams: null }).where('id', '=', unborn).execute();
    assert.equal((await list(unborn)).birthWeight, null);
    const { id: without } = await makeCase(t.ctx, { teamUserIds: [ids['member']!] });
    await t.ctx.db.updateTable('cases').set({ sex: 'male', gestation_at_birth_weeks: 40, birth_weight_grams: null }).where('id', '=', without).execute();
    assert.equal((await list(without)).birthWeight, null);
    const { id: weighed } = await makeCase(t.ctx, { teamUserIds: [ids['member']!] });
    await t.ctx.db.updateTable('cases').set({ sex: 'male', gestation_at_birth_weeks: 40, birth_weight_grams: 3400 }).where('id', '=', weighed).execute();
    const sent = await call('member', 'POST', { kind: 'weight', value: 3400, unit: 'g', measuredOn: '2026-10-01' }, weighed);
    assert.equal(sent.statusCode, 201, sent.body);
    const body = await list(weighed);
    assert.deepEqual(body.measurements.map((m) => m.value), [3400], 'the page shows that weight once');
    assert.deepEqual(body.birthWeight && [body.birthWeight.value, body.birthWeight.measuredOn, body.birthWeight.reading], [3400, '2026-10-01', body.measurements[0]!.reading]);
    assert.ok(body.birthWeight?.reading, 'read against the charts');
  });

  it('derives faltering growth from a weight below the 2nd centile, naming the rules and the weights', async () => {
    t.clock.advanceMinutes(30); // weighed again later the same day: the latest weight is this one
    const sent = await call('member', 'POST', { kind: 'weight', value: 1800, unit: 'g', measuredOn: today });
    assert.equal(sent.statusCode, 201, sent.body);
    const body = (await call('member', 'GET')).json<ListBody>();
    assert.equal(body.falteringGrowth.status, 'present');
    assert.deepEqual(body.falteringGrowth.rules, ['below-second-centile', 'fall-across-centile-spaces']);
  });

  it('refuses a measurement the rules refuse with 422 and a path per problem, storing nothing', async () => {
    const before = await counts();
    const refused = await call('member', 'POST', { kind: 'length', value: 200, unit: 'g', measuredOn: addDays(today, 1) });
    assert.equal(refused.statusCode, 422);
    const { error } = refused.json<ErrorBody>();
    assert.equal(error.code, 'invalid-measurement');
    assert.deepEqual(error.details.map((d) => d.path), ['/unit', '/measuredOn']);
    assert.deepEqual(await counts(), before);
  });

  it('refuses a body that does not fit the schema (400): an unknown kind, a field too many', async () => {
    assert.equal((await call('member', 'POST', { kind: 'height', value: 50, unit: 'cm', measuredOn: today })).statusCode, 400);
    assert.equal((await call('member', 'POST', { kind: 'length', value: 50, unit: 'cm', measuredOn: today, note: 'x' })).statusCode, 400);
    assert.equal((await call('member', 'POST', { kind: 'length', value: '50', unit: 'cm', measuredOn: today })).statusCode, 400);
  });

  it('answers someone outside the team as no such case (404), a case that does not exist (404), and a read-only token (403)', async () => {
    const before = await counts();
    assert.equal((await call('outsider', 'GET')).statusCode, 404);
    assert.equal((await call('outsider', 'POST', { kind: 'weight', value: 3000, unit: 'g', measuredOn: today })).statusCode, 404);
    assert.equal((await call('member', 'GET', undefined, 'no-such-case')).statusCode, 404);
    const scoped = await call('reader', 'POST', { kind: 'weight', value: 3000, unit: 'g', measuredOn: today });
    assert.equal(scoped.statusCode, 403);
    assert.equal(scoped.json<ErrorBody>().error.code, 'insufficient-scope');
    assert.equal((await counts()).growth, before.growth);
  });
});
