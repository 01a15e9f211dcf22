import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

interface ErrorBody {
  error: { code: string; details: { path: string; message: string }[] };
}

describe('the census return API', () => {
  let t: TestApp;
  let today: string;
  let caseId: string;
  const tokens = {} as Record<'social' | 'lead', string>;
  let socialId: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const csc = await makeOrganisation(t.ctx, 'childrens-social-care');
    const social = await makeUser(t.ctx, { role: 'practitioner', organisationId: csc.id });
    const lead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: csc.id });
    socialId = social.id;
    tokens.social = await apiTokenFor(t.ctx, social.email);
    tokens.lead = await apiTokenFor(t.ctx, lead.email);
    caseId = (await makeCase(t.ctx, { teamUserIds: [social.id] })).id;
    for (const [kind, daysAgo] of [['referral', 20], ['assessment-completed', 3]] as const) {
      const response = await t.app.inject({
        method: 'POST',
        url: `/api/v1/cases/${caseId}/events`,
        headers: { authorization: `Bearer ${tokens.social}` },
        payload: { kind, occurredAt: addDays(today, -daysAgo), summary: kind, source: 'agency-record' },
      });
      assert.equal(response.statusCode, 201, response.body);
    }
  });
  after(async () => t.close());

  const get = (who: keyof typeof tokens, query: string, accept = 'application/json') =>
    t.app.inject({ method: 'GET', url: `/api/v1/reports/cin-census?${query}`, headers: { authorization: `Bearer ${tokens[who]}`, accept } });
  const period = () => `from=${addDays(today, -30)}&to=${today}`;

  it('answers JSON in the census’s names, one row an assessment', async () => {
    const response = await get('lead', period());
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      from: addDays(today, -30),
      to: today,
      columns: ['LAchildID', 'CINreferralDate', 'ReferralSource', 'AssessmentAuthorisationDate', 'AssessmentFactors', 'CPPstartDate', 'CPPendDate', 'InitialCategoryOfAbuse', 'LatestCategoryOfAbuse'],
      rows: [
        {
          LAchildID: caseId,
          CINreferralDate: addDays(today, -20),
          ReferralSource: null,
          AssessmentAuthorisationDate: addDays(today, -3),
          AssessmentFactors: [],
          factorsToConfirm: [],
          CPPstartDate: null,
          CPPendDate: null,
          InitialCategoryOfAbuse: null,
          LatestCategoryOfAbuse: null,
        },
      ],
    });
  });

  it('answers the CSV file when the caller accepts text/csv', async () => {
    const response = await get('lead', period(), 'text/csv');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.equal(response.body.split('\r\n')[1], `${caseId},${addDays(today, -20)},,${addDays(today, -3)},,,,,`);
  });

  it('answers 400 invalid-period for a period that ends before it starts, and for a day that is not real, those two audited as failures', async () => {
    const backwards = await get('lead', `from=${today}&to=${addDays(today, -1)}`);
    assert.equal(backwards.statusCode, 400);
    assert.deepEqual(backwards.json<ErrorBody>().error, { code: 'invalid-period', message: 'The period cannot be read: see the problems.', details: [{ path: '/to', message: 'The period ends before it starts: enter a last day on or after the first day.' }] });
    assert.equal((await get('lead', `from=2026-02-30&to=${today}`)).json<ErrorBody>().error.details[0]?.path, '/from');
    // A day left out is refused by the published query schema, before the use case, and audited as such (ADR 0024).
    assert.equal((await get('lead', `from=${today}`)).statusCode, 400);
    const failures = await t.ctx.db.selectFrom('audit_log').select(['action', 'channel', 'details']).where('outcome', '=', 'failure').orderBy('seq').execute();
    assert.deepEqual(
      failures.map((f) => [f.action, f.channel, (f.details as { problems?: string[]; fields?: unknown[] }).problems ?? (f.details as { fields?: unknown[] }).fields]),
      [
        ['report.cin-census', 'api', ['ends-before-start']],
        ['report.cin-census', 'api', ['from-not-a-date']],
        ['request.refused', 'api', [{ part: 'query', path: '/to', rule: 'required' }]],
      ],
    );
  });

  it('refuses a practitioner, 403 audited', async () => {
    const denied = async () => Number((await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('actor_user_id', '=', socialId).where('outcome', '=', 'denied').executeTakeFirstOrThrow()).n);
    const before = await denied();
    const response = await get('social', period());
    assert.equal(response.statusCode, 403);
    assert.equal(response.json<ErrorBody>().error.code, 'forbidden');
    assert.equal(await denied(), before + 1);
  });
});
