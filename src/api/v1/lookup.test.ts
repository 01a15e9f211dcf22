import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

const FATHER = '4857773457';
const MOTHER = '4857773465';
const BABY = '4857773473';
const NOBODY = '4857773481';

interface Protection {
  childProtectionPlan: boolean;
  planStartedOn: string | null;
  latestPlanEndedOn: string | null;
  lookedAfter: boolean;
}
const NO_PLAN: Protection = { childProtectionPlan: false, planStartedOn: null, latestPlanEndedOn: null, lookedAfter: false };

interface Answer {
  nhsNumber: string;
  found: boolean;
  records: { caseId: string; as: string[]; ageBand: string; contact: { name: string; organisation: string; email: string } | null; mayOpen: boolean; emergencyAccess: string | null; protection: Protection }[];
  more: boolean;
}

describe('the NHS number lookup: GET /api/v1/lookup', () => {
  let t: TestApp;
  const tokens: Record<string, string> = {};
  const userIds: Record<string, string> = {};
  let ours: string;
  let unborn: string;
  let leadEmail: string;

  before(async () => {
    t = await createTestApp();
    const organisations = {
      hospital: await makeOrganisation(t.ctx, 'hospital', 'City Hospital'),
      police: await makeOrganisation(t.ctx, 'police', 'Northshire Police'),
      housing: await makeOrganisation(t.ctx, 'housing', 'Northshire Homes'),
      healthVisiting: await makeOrganisation(t.ctx, 'health-visiting', 'Northshire Health Visiting'),
    };
    const people = {
      ae: { organisationId: organisations.hospital.id, role: 'practitioner' },
      police: { organisationId: organisations.police.id, role: 'practitioner' },
      housing: { organisationId: organisations.housing.id, role: 'practitioner' },
      hospitalAdmin: { organisationId: organisations.hospital.id, role: 'admin' },
      lead: { organisationId: organisations.healthVisiting.id, role: 'practitioner' },
    } as const;
    for (const [key, facts] of Object.entries(people)) {
      const user = await makeUser(t.ctx, { ...facts, name: key === 'lead' ? 'Hannah Visitor' : key });
      userIds[key] = user.id;
      if (key === 'lead') leadEmail = user.email;
      tokens[key] = await apiTokenFor(t.ctx, user.email);
    }
    const policeFeed = await makeUser(t.ctx, { organisationId: organisations.police.id });
    userIds['policeFeed'] = policeFeed.id;
    tokens['policeFeed'] = await apiTokenFor(t.ctx, policeFeed.email, ['feed']);

    ours = (await makeCase(t.ctx, { familyName: 'Brennan', teamUserIds: [userIds['lead']!, userIds['ae']!] })).id;
    await t.ctx.db.updateTable('cases').set({ nhs_number: BABY }).where('id', '=', ours).execute();
    await makePerson(t.ctx, ours, { relationship_to_infant: 'father', given_name: 'Darren', family_name: 'Okonkwo', nhs_number: FATHER });
    await makePerson(t.ctx, ours, { relationship_to_infant: 'mother', given_name: 'Shauna', family_name: 'Brennan', nhs_number: MOTHER });
    // The father is around an unborn baby too, whose record has its mother's NHS number and no lead professional.
    unborn = (await makeCase(t.ctx, { familyName: 'Ashby' })).id;
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: '2027-04-02', mother_nhs_number: MOTHER }).where('id', '=', unborn).execute();
    await makePerson(t.ctx, unborn, { relationship_to_infant: 'mothers-partner', given_name: 'Darren', family_name: 'Okonkwo', nhs_number: FATHER });
  });
  after(async () => t.close());

  const lookup = (who: string, nhsNumber: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/lookup?nhsNumber=${encodeURIComponent(nhsNumber)}`, headers: { authorization: `Bearer ${tokens[who]}` } });

  const audits = (who: string) =>
    t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'cases.lookup').where('actor_user_id', '=', userIds[who]!).orderBy('seq').execute();

  it("tells the police every baby the father is around, what he is to each and whom to call, never a name of the family", async () => {
    const response = await lookup('police', '485 777 3457');
    assert.equal(response.statusCode, 200, response.body);
    const answer = response.json<Answer>();
    assert.equal(answer.nhsNumber, FATHER);
    assert.equal(answer.found, true);
    assert.equal(answer.more, false);
    const byCase = new Map(answer.records.map((record) => [record.caseId, record]));
    assert.deepEqual(byCase.get(ours), {
      caseId: ours,
      as: ['father'],
      ageBand: 'under 3 months',
      contact: { name: 'Hannah Visitor', organisation: 'Northshire Health Visiting', email: leadEmail },
      mayOpen: false,
      emergencyAccess: `/cases/${ours}/emergency-access`,
      protection: NO_PLAN,
    });
    assert.deepEqual(byCase.get(unborn), { caseId: unborn, as: ['mothers-partner'], ageBand: 'unborn, due April 2027', contact: null, mayOpen: false, emergencyAccess: `/cases/${unborn}/emergency-access`, protection: NO_PLAN });
    assert.doesNotMatch(response.body, /Darren|Okonkwo|Shauna|Brennan|Ashby|Test|2026-10-01|2027-04-02/);
  });

  it('says who the mother is to each baby: by her number on the unborn record and as a person around the other', async () => {
    const answer = (await lookup('police', MOTHER)).json<Answer>();
    assert.deepEqual(answer.records.map((record) => [record.caseId, record.as]).sort(), [[ours, ['mother']], [unborn, ['mother']]].sort());
  });

  it("says a baby's own NHS number is the baby, and tells a member of the team they may open it", async () => {
    const answer = (await lookup('ae', BABY)).json<Answer>();
    assert.deepEqual(answer.records.map((record) => [record.caseId, record.as, record.ageBand, record.mayOpen, record.emergencyAccess]), [[ours, ['baby'], 'under 3 months', true, null]]);
    assert.equal(answer.records[0]!.contact?.name, 'Hannah Visitor');
  });

  it('answers a number that is on no record: not found', async () => {
    const response = await lookup('ae', NOBODY);
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json<Answer>(), { nhsNumber: NOBODY, found: false, records: [], more: false });
  });

  it('refuses with a clear 400 a number that fails its check digit, part of a number, and no number', async () => {
    for (const bad of ['4857773458', '4857773', 'not a number', '4857773457 4857773465 4857773473']) {
      const response = await lookup('police', bad);
      assert.equal(response.statusCode, 400, bad);
      assert.deepEqual(response.json<{ error: { code: string; message: string } }>().error.code, 'invalid-nhs-number', bad);
      assert.match(response.json<{ error: { message: string } }>().error.message, bad === '4857773458' ? /its last digit \(the check digit\) does not match the other 9\. Check each digit/ : /Enter a valid NHS number: 10 digits/, bad);
    }
    const missing = await t.app.inject({ method: 'GET', url: '/api/v1/lookup', headers: { authorization: `Bearer ${tokens['police']}` } });
    assert.equal(missing.statusCode, 400);
  });

  it('refuses an agency that does not use the lookup, and an administrator, without a word of the answer', async () => {
    for (const who of ['housing', 'lead', 'hospitalAdmin']) {
      const response = await lookup(who, FATHER);
      assert.equal(response.statusCode, 403, who);
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'not-allowed');
      assert.doesNotMatch(response.body, new RegExp(`${ours}|${unborn}|Hannah`));
    }
  });

  it('refuses a token that may only send entries', async () => {
    const response = await lookup('policeFeed', FATHER);
    assert.equal(response.statusCode, 403);
    assert.equal(response.json<{ error: { code: string } }>().error.code, 'insufficient-scope');
  });

  it('audits every question: answered with the ids found, not found, a bad number, and refused', async () => {
    const police = await audits('police');
    const answered = police.find((row) => row.outcome === 'success' && (row.details['criteria'] as { nhsNumber: string }).nhsNumber === FATHER);
    assert.ok(answered, 'the answer is audited');
    assert.deepEqual([...(answered.details['restrictedCaseIds'] as string[])].sort(), [ours, unborn].sort());
    assert.deepEqual(police.filter((row) => row.outcome === 'failure').map((row) => row.details), [
      { reason: 'invalid-nhs-number', nhsNumber: '4857773458' },
      { reason: 'invalid-nhs-number', nhsNumber: '4857773' },
      { reason: 'invalid-nhs-number', nhsNumber: 'not a number' },
      { reason: 'invalid-nhs-number', nhsNumber: '4857773457 4857773465 4857773473' },
    ]);
    const notFound = (await audits('ae')).find((row) => (row.details['criteria'] as { nhsNumber: string } | undefined)?.nhsNumber === NOBODY);
    assert.deepEqual(notFound?.details, { criteria: { nhsNumber: NOBODY, name: null, dateOfBirth: null, postcode: null }, caseIds: [], restrictedCaseIds: [], more: false });
    assert.deepEqual(await audits('housing'), [{ outcome: 'denied', details: { reason: 'not-allowed', organisationKind: 'housing' } }]);
    assert.deepEqual(await audits('hospitalAdmin'), [{ outcome: 'denied', details: { reason: 'not-allowed', organisationKind: 'hospital' } }]);
    const scope = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_user_id', '=', userIds['policeFeed']!).execute();
    assert.deepEqual(scope, [{ action: 'api-token.scope', outcome: 'denied' }]);
  });
  it("finds the father's babies through the search too, GET /api/v1/cases, saying how, never his name", async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/cases?name=Okonkwo', headers: { authorization: `Bearer ${tokens['housing']}` } });
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json<{ items: { id: string; restricted: boolean; matchedOn: string[]; peopleMatched: { relationship: string; on: string[] }[] }[] }>().items;
    assert.deepEqual(
      items.map((item) => [item.id, item.restricted, item.matchedOn, item.peopleMatched]),
      [
        [unborn, true, [], [{ relationship: 'mothers-partner', on: ['name'] }]],
        [ours, true, [], [{ relationship: 'father', on: ['name'] }]],
      ],
    );
    assert.doesNotMatch(response.body, /Darren|Shauna|Brennan|Ashby/);
  });

  it('says, as CP-IS does, that the unborn baby has a child protection plan since its pre-birth conference, and that the other is looked after', async () => {
    await t.ctx.db.insertInto('case_meetings').values({
      case_id: unborn, id: 'pre-birth', kind: 'pre-birth-conference', held_on: '2026-10-20', chair: 'Independent Chair', chair_independent: true, parents_present: true,
      attendees: '[]', invited_absent: '[]', decisions: JSON.stringify(['A plan']), dissent: null, actions: '[]', section47: null, protection_plan: true, abuse_category: 'NEG', recorded_at: t.clock.now(), recorded_by: null, recorded_by_name: 'Independent Chair',
    }).execute();
    await t.ctx.db.updateTable('cases').set({ level: 'looked-after' }).where('id', '=', ours).execute();
    const response = await lookup('ae', MOTHER);
    assert.equal(response.statusCode, 200, response.body);
    const byCase = new Map(response.json<Answer>().records.map((record) => [record.caseId, record.protection]));
    assert.deepEqual(byCase.get(unborn), { ...NO_PLAN, childProtectionPlan: true, planStartedOn: '2026-10-20' });
    assert.deepEqual(byCase.get(ours), { ...NO_PLAN, lookedAfter: true });
  });
});
