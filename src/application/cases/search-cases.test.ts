import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { Role } from '../../domain/shared/roles.ts';
import type { UserActor } from '../actor.ts';
import { searchCases, SEARCH_LIMIT, type CaseHit, type SearchHit, type VisibleCase } from './search-cases.ts';

interface CaseFacts {
  status?: 'unborn' | 'born';
  givenName?: string | null;
  familyName?: string | null;
  nhsNumber?: string | null;
  dateOfBirth?: string | null;
  expectedDeliveryDate?: string | null;
  leadUserId?: string;
}

async function insertCase(t: TestApp, facts: CaseFacts): Promise<string> {
  const id = randomUUID();
  const now = t.clock.now();
  const status = facts.status ?? (facts.dateOfBirth ? 'born' : 'unborn');
  await t.ctx.db
    .insertInto('cases')
    .values({
      id,
      status,
      given_name: facts.givenName ?? null,
      family_name: facts.familyName ?? null,
      nhs_number: facts.nhsNumber ?? null,
      date_of_birth: facts.dateOfBirth ?? null,
      expected_delivery_date: facts.expectedDeliveryDate ?? null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  if (facts.leadUserId) {
    await t.ctx.db.insertInto('case_team').values({ case_id: id, user_id: facts.leadUserId, role: 'lead-professional', added_at: now, added_by: null }).execute();
  }
  return id;
}

function actorOf(user: { id: string; organisationId: string }, role: Role = 'practitioner'): UserActor {
  return { kind: 'user', userId: user.id, organisationId: user.organisationId, role, channel: 'web', ip: null };
}

function visible(hits: CaseHit[]): VisibleCase[] {
  return hits.filter((hit): hit is VisibleCase => !hit.restricted);
}

describe('searching for a record', () => {
  let t: TestApp;
  let lead: UserActor;
  let outsider: UserActor;
  let leadEmail: string;
  let organisationName: string;
  let johnSmith: string;

  before(async () => {
    t = await createTestApp();
    const organisation = await makeOrganisation(t.ctx, 'health-visiting', 'Northshire Health Visiting');
    organisationName = organisation.name;
    const leadUser = await makeUser(t.ctx, { organisationId: organisation.id, name: 'Hannah Visitor' });
    leadEmail = leadUser.email;
    lead = actorOf(leadUser);
    outsider = actorOf(await makeUser(t.ctx));
    johnSmith = await insertCase(t, { givenName: 'John', familyName: 'Smith', nhsNumber: '9434765919', dateOfBirth: '2026-10-01', leadUserId: leadUser.id });
  });
  after(async () => t.close());

  async function search(actor: UserActor, criteria: Parameters<typeof searchCases>[2]): Promise<SearchHit[]> {
    const result = await searchCases(t.ctx, actor, criteria);
    assert.ok(result.ok, result.ok ? '' : result.message);
    return result.value.hits;
  }

  it('finds a record by its exact NHS number, typed with or without spaces', async () => {
    for (const nhsNumber of ['9434765919', '943 476 5919', '943-476-5919']) {
      const hits = await search(lead, { nhsNumber });
      assert.deepEqual(
        hits.map((hit) => hit.id),
        [johnSmith],
        nhsNumber,
      );
    }
    assert.deepEqual(await search(lead, { nhsNumber: '1000000060' }), []);
  });

  it('refuses an NHS number that fails the modulus 11 check, and a search with nothing to search for', async () => {
    const bad = await searchCases(t.ctx, lead, { nhsNumber: '1234567890' });
    assert.deepEqual(bad.ok ? null : [bad.code, bad.message], ['invalid-nhs-number', 'This NHS number is not valid: its last digit (the check digit) does not match the other 9. Check each digit']);
    const none = await searchCases(t.ctx, lead, { nhsNumber: ' ', name: '', dateOfBirth: null });
    assert.equal(none.ok ? null : none.code, 'no-criteria');
    const short = await searchCases(t.ctx, lead, { name: 'J' });
    assert.equal(short.ok ? null : short.code, 'invalid-name');
    const date = await searchCases(t.ctx, lead, { dateOfBirth: '2026-02-31' });
    assert.equal(date.ok ? null : date.code, 'invalid-date');
    const early = await searchCases(t.ctx, lead, { dateOfBirth: '1026-03-04' });
    assert.deepEqual(early.ok ? null : [early.code, early.message], ['invalid-date', 'Date of birth or due date must be in 1900 or later: check the year.']);
  });

  it('finds "John Smith" when searching for "Jon Smyth", and for the family name alone', async () => {
    const hits = visible(await search(lead, { name: 'Jon Smyth' }));
    assert.equal(hits[0]?.id, johnSmith);
    assert.equal(hits[0]?.name, 'John Smith');
    assert.equal(visible(await search(lead, { name: 'smith' }))[0]?.id, johnSmith);
    assert.equal(visible(await search(lead, { name: 'Smith, John' }))[0]?.id, johnSmith);
  });

  it('ranks the closest name first', async () => {
    const jane = await insertCase(t, { givenName: 'Jane', familyName: 'Smythe', dateOfBirth: '2026-09-01', leadUserId: lead.userId });
    const hits = visible(await search(lead, { name: 'Jane Smythe' }));
    assert.deepEqual(
      hits.map((hit) => hit.id).slice(0, 2),
      [jane, johnSmith],
    );
  });

  it('does not find an unrelated name', async () => {
    const hits = await search(lead, { name: 'Xavier Quinlan' });
    assert.ok(!hits.some((hit) => hit.id === johnSmith));
  });

  it('finds a born baby by the exact date of birth only', async () => {
    const other = await insertCase(t, { givenName: 'Ruby', familyName: 'Okafor', dateOfBirth: '2026-10-02', leadUserId: lead.userId });
    const ids = (await search(lead, { dateOfBirth: '2026-10-01' })).map((hit) => hit.id);
    assert.ok(ids.includes(johnSmith));
    assert.ok(!ids.includes(other));
  });

  it('finds an unborn baby whose due date is within 7 days of the date searched, nearest first', async () => {
    const dueOn15th = await insertCase(t, { familyName: 'Ashworth', expectedDeliveryDate: '2027-01-15', leadUserId: lead.userId });
    const dueOn10th = await insertCase(t, { familyName: 'Bramley', expectedDeliveryDate: '2027-01-10', leadUserId: lead.userId });
    assert.deepEqual(
      (await search(lead, { dateOfBirth: '2027-01-14' })).map((hit) => hit.id),
      [dueOn15th, dueOn10th],
    );
    assert.deepEqual(
      (await search(lead, { dateOfBirth: '2027-01-22' })).map((hit) => hit.id),
      [dueOn15th],
    );
    assert.deepEqual(await search(lead, { dateOfBirth: '2027-01-23' }), []);
  });

  it('combines name and date: both must match', async () => {
    const ids = (await search(lead, { name: 'Jon Smyth', dateOfBirth: '2026-10-01' })).map((hit) => hit.id);
    assert.deepEqual(ids, [johnSmith]);
    assert.deepEqual(await search(lead, { name: 'Jon Smyth', dateOfBirth: '2026-10-05' }), []);
    assert.deepEqual(await search(lead, { name: 'Ruby Okafor', nhsNumber: '9434765919' }), []);
  });

  it('shows the lead professional the summary of their record', async () => {
    const [hit] = await search(lead, { nhsNumber: '9434765919' });
    assert.deepEqual(hit, {
      restricted: false,
      id: johnSmith,
      name: 'John Smith',
      givenName: 'John',
      familyName: 'Smith',
      status: 'born',
      dateOfBirth: '2026-10-01',
      expectedDeliveryDate: null,
      nhsNumber: '9434765919',
      level: 'universal',
      version: 1,
      access: 'lead-professional',
      matchedOn: ['nhs-number'],
      peopleMatched: [],
      own: true,
    });
  });

  it('shows someone outside the team only that the record exists and whom to contact', async () => {
    const [hit] = await search(outsider, { name: 'Jon Smyth', dateOfBirth: '2026-10-01' });
    assert.deepEqual(hit, {
      restricted: true,
      id: johnSmith,
      ageBand: 'under 3 months',
      contact: { name: 'Hannah Visitor', organisation: organisationName, email: leadEmail },
      matchedOn: ['surname-and-date-of-birth'],
      peopleMatched: [],
      own: false,
    });
  });

  it("lets a safeguarding lead see records their organisation's practitioners lead", async () => {
    const safeguardingLead = actorOf(await makeUser(t.ctx, { organisationId: lead.organisationId, role: 'safeguarding-lead' }), 'safeguarding-lead');
    const [hit] = await search(safeguardingLead, { nhsNumber: '9434765919' });
    assert.equal(hit?.restricted, false);
  });

  it('says there is no one to contact when a record has no lead professional', async () => {
    const orphan = await insertCase(t, { givenName: 'Orla', familyName: 'Nobody', dateOfBirth: '2026-08-08' });
    const hits = await search(outsider, { name: 'Orla Nobody' });
    assert.deepEqual(hits[0], { restricted: true, id: orphan, ageBand: '3 to 6 months', contact: null, matchedOn: ['name'], peopleMatched: [], own: false });
  });

  it('audits each search with its criteria and the ids returned, never the details of the records', async () => {
    await search(outsider, { nhsNumber: '943 476 5919' });
    const row = await t.ctx.db
      .selectFrom('audit_log')
      .select(['details', 'outcome', 'channel'])
      .where('action', '=', 'cases.search')
      .where('actor_user_id', '=', outsider.userId)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(row.details, {
      criteria: { nhsNumber: '9434765919', name: null, dateOfBirth: null, postcode: null },
      caseIds: [],
      restrictedCaseIds: [johnSmith],
      more: false,
    });
    assert.equal(row.outcome, 'success');
    const text = JSON.stringify(row.details);
    for (const personal of ['John', 'Smith', '2026-10-01']) assert.ok(!text.includes(personal), personal);
  });

  it(`shows at most ${SEARCH_LIMIT} records and says there are more`, async () => {
    for (let n = 0; n < SEARCH_LIMIT + 3; n++) await insertCase(t, { givenName: `Child${n}`, familyName: 'Manyfold', dateOfBirth: '2026-07-07' });
    const result = await searchCases(t.ctx, lead, { name: 'Manyfold', dateOfBirth: '2026-07-07' });
    assert.ok(result.ok);
    assert.equal(result.value.hits.length, SEARCH_LIMIT);
    assert.equal(result.value.more, true);
  });

  describe("by the mother's NHS number and by postcode", () => {
    const mothers = '4010232137';
    let unborn: string;
    let household: string;
    let refuge: string;
    before(async () => {
      unborn = await insertCase(t, { status: 'unborn', familyName: 'Quill', expectedDeliveryDate: '2027-03-14', leadUserId: lead.userId });
      household = await insertCase(t, { givenName: 'Ada', familyName: 'Penrose', dateOfBirth: '2026-05-22' });
      refuge = await insertCase(t, { givenName: 'Bea', familyName: 'Hidden', dateOfBirth: '2026-09-01' });
      await t.ctx.db.updateTable('cases').set({ mother_nhs_number: mothers }).where('id', '=', unborn).execute();
      await t.ctx.db.updateTable('cases').set({ postcode: 'DE1 2AB', address: '14 Mill Lane' }).where('id', '=', household).execute();
      await t.ctx.db.updateTable('cases').set({ postcode: 'DE1 2AB', address: 'A refuge', address_restricted: true }).where('id', '=', refuge).execute();
      // The mother is also a person around the baby, with the same NHS number: still one row.
      const now = t.clock.now();
      await t.ctx.db
        .insertInto('people')
        .values({ case_id: unborn, id: randomUUID(), given_name: 'Quinn', family_name: 'Quill', nhs_number: mothers, relationship_to_infant: 'mother', lives_in_household: true, cares_for_infant: true, created_at: now, updated_at: now })
        .execute();
    });

    it("finds the unborn baby's record by the mother's NHS number, once, however many ways it matches", async () => {
      const hits = await search(lead, { nhsNumber: '401 023 2137' });
      assert.deepEqual(
        hits.map((hit) => [hit.id, hit.matchedOn, hit.peopleMatched]),
        [[unborn, ['mother-nhs-number'], [{ relationship: 'mother', on: ['nhs-number'] }]]],
      );
    });

    it("finds a record through the mother and the father as people around the baby, by their NHS numbers", async () => {
      const other = await insertCase(t, { status: 'unborn', familyName: 'Roe', expectedDeliveryDate: '2027-01-10' });
      const now = t.clock.now();
      const person = (relationship: string, nhs: string) => ({ case_id: other, id: randomUUID(), nhs_number: nhs, relationship_to_infant: relationship, lives_in_household: true, cares_for_infant: true, created_at: now, updated_at: now });
      await t.ctx.db.insertInto('people').values([person('mother', '9876543210'), person('father', '3478526981')]).execute();
      const byMother = await search(outsider, { nhsNumber: '9876543210' });
      assert.deepEqual(byMother.map((hit) => [hit.id, hit.matchedOn, hit.peopleMatched]), [[other, [], [{ relationship: 'mother', on: ['nhs-number'] }]]]);
      const byFather = await search(outsider, { nhsNumber: '3478526981' });
      assert.deepEqual(byFather.map((hit) => [hit.id, hit.matchedOn, hit.peopleMatched]), [[other, [], [{ relationship: 'father', on: ['nhs-number'] }]]]);
    });

    it('shows an outsider who finds it only the month the baby is due and why it matched', async () => {
      const [hit] = await search(outsider, { nhsNumber: mothers });
      assert.deepEqual(hit, { restricted: true, id: unborn, ageBand: 'unborn, due March 2027', contact: { name: 'Hannah Visitor', organisation: organisationName, email: leadEmail }, matchedOn: ['mother-nhs-number'], peopleMatched: [{ relationship: 'mother', on: ['nhs-number'] }], own: false });
    });

    it("finds the household's record by its postcode, typed any way, but never a restricted address", async () => {
      for (const postcode of ['DE1 2AB', 'de12ab']) {
        const hits = await search(outsider, { postcode });
        assert.deepEqual(hits.map((hit) => hit.id), [household], postcode);
        assert.deepEqual(hits.map((hit) => (hit.restricted ? [hit.ageBand] : [])), [['6 to 12 months']]);
      }
      assert.ok(!(await search(outsider, { postcode: 'DE1 2AB', name: 'Bea Hidden' })).some((hit) => hit.id === refuge), 'the refuge is not found by its postcode');
    });

    it('refuses a postcode that is not one, and a search by postcode from an administrator, audited', async () => {
      const bad = await searchCases(t.ctx, lead, { postcode: 'DE1' });
      assert.equal(bad.ok ? null : bad.code, 'invalid-postcode');
      const admin = actorOf(await makeUser(t.ctx, { role: 'admin' }), 'admin');
      const refused = await searchCases(t.ctx, admin, { postcode: 'DE1 2AB' });
      assert.equal(refused.ok ? null : refused.code, 'postcode-not-allowed');
      const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'cases.search').where('actor_user_id', '=', admin.userId).execute();
      assert.deepEqual(audit, [{ outcome: 'denied', details: { reason: 'postcode-not-allowed' } }]);
    });

    it("puts the searcher's own cases first, ahead of a closer match", async () => {
      const closer = await insertCase(t, { familyName: 'Smith', dateOfBirth: '2026-10-10' });
      assert.equal((await search(outsider, { name: 'Smith' }))[0]?.id, closer, 'by likeness of name for someone else');
      assert.equal((await search(lead, { name: 'Smith' }))[0]?.id, johnSmith);
    });
  });
  describe('through the people around the baby: finding the baby from the adult', () => {
    const fathersNhs = '4857773457';
    let poppy: string;
    let theo: string;

    async function addPerson(caseId: string, facts: { relationship: string; givenName?: string | null; familyName?: string | null; dateOfBirth?: string | null; nhsNumber?: string | null }): Promise<void> {
      const now = t.clock.now();
      await t.ctx.db
        .insertInto('people')
        .values({
          case_id: caseId,
          id: randomUUID(),
          given_name: facts.givenName ?? null,
          family_name: facts.familyName ?? null,
          date_of_birth: facts.dateOfBirth ?? null,
          nhs_number: facts.nhsNumber ?? null,
          relationship_to_infant: facts.relationship,
          lives_in_household: true,
          cares_for_infant: true,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }

    before(async () => {
      poppy = await insertCase(t, { givenName: 'Poppy', familyName: 'Brennan', dateOfBirth: '2026-08-15', leadUserId: lead.userId });
      await addPerson(poppy, { relationship: 'mother', givenName: 'Shauna', familyName: 'Brennan', dateOfBirth: '1998-06-30' });
      await addPerson(poppy, { relationship: 'father', givenName: 'Darren', familyName: 'Okonkwo', dateOfBirth: '1994-03-07', nhsNumber: fathersNhs });
      // The same man is around a second baby, with its mother, in another family.
      theo = await insertCase(t, { status: 'unborn', familyName: 'Ashby', expectedDeliveryDate: '2027-04-02' });
      await addPerson(theo, { relationship: 'mothers-partner', givenName: 'Darren', familyName: 'Okonkwo', dateOfBirth: '1994-03-07', nhsNumber: fathersNhs });
    });

    it("finds every baby the father is around by his family name alone, saying how, never naming him", async () => {
      const hits = await search(outsider, { name: 'Okonkwo' });
      assert.deepEqual(
        hits.map((hit) => [hit.id, hit.matchedOn, hit.peopleMatched]),
        [
          [theo, [], [{ relationship: 'mothers-partner', on: ['name'] }]],
          [poppy, [], [{ relationship: 'father', on: ['name'] }]],
        ],
      );
      assert.ok(hits.every((hit) => hit.restricted), 'an outsider sees only that each record exists');
      assert.doesNotMatch(JSON.stringify(hits), /Darren|Okonkwo|Shauna|Brennan|Ashby|1994|1998/);
    });

    it('finds him misspelled, by his name and date of birth together, and by his NHS number', async () => {
      assert.deepEqual((await search(outsider, { name: 'Daren Okonkow' })).map((hit) => hit.id), [theo, poppy], 'equally alike: by family name, Ashby before Brennan');
      const both = await search(outsider, { name: 'Darren Okonkwo', dateOfBirth: '1994-03-07' });
      assert.deepEqual(both.map((hit) => [hit.id, hit.peopleMatched]), [
        [theo, [{ relationship: 'mothers-partner', on: ['name', 'date-of-birth'] }]],
        [poppy, [{ relationship: 'father', on: ['name', 'date-of-birth'] }]],
      ]);
      assert.deepEqual((await search(outsider, { nhsNumber: '485 777 3457' })).map((hit) => [hit.id, hit.peopleMatched]), [
        [theo, [{ relationship: 'mothers-partner', on: ['nhs-number'] }]],
        [poppy, [{ relationship: 'father', on: ['nhs-number'] }]],
      ]);
    });

    it('does not find him with a different date of birth, or with another NHS number', async () => {
      assert.deepEqual(await search(outsider, { name: 'Darren Okonkwo', dateOfBirth: '1994-03-08' }), []);
      assert.deepEqual(await search(outsider, { nhsNumber: fathersNhs, dateOfBirth: '1990-01-01' }), []);
      assert.deepEqual(await search(outsider, { nhsNumber: '4857773465' }), []);
    });

    it('refuses part of an NHS number rather than matching on it', async () => {
      const partial = await searchCases(t.ctx, outsider, { nhsNumber: '4857773' });
      assert.equal(partial.ok ? null : partial.code, 'invalid-nhs-number');
    });

    it("needs what is typed to be true of one person: the mother's name with the father's date of birth finds nothing", async () => {
      assert.deepEqual(await search(outsider, { name: 'Shauna Brennan', dateOfBirth: '1994-03-07' }), []);
      const mother = await search(outsider, { name: 'Shauna Brennan', dateOfBirth: '1998-06-30' });
      assert.deepEqual(mother.map((hit) => [hit.id, hit.matchedOn, hit.peopleMatched]), [[poppy, [], [{ relationship: 'mother', on: ['name', 'date-of-birth'] }]]]);
    });

    it('finds the babies of anyone born on a date, and a baby by its own date as before', async () => {
      assert.deepEqual((await search(outsider, { dateOfBirth: '1994-03-07' })).map((hit) => hit.id), [theo, poppy]);
      assert.deepEqual((await search(lead, { dateOfBirth: '2026-08-15' })).map((hit) => [hit.id, hit.matchedOn, hit.peopleMatched]), [[poppy, ['date-of-birth'], []]]);
    });

    it('puts the baby found by its own name before the babies found through a person, and says both when both match', async () => {
      const okonkwoBaby = await insertCase(t, { givenName: 'Ivy', familyName: 'Okonkwo', dateOfBirth: '2026-09-09' });
      const hits = await search(outsider, { name: 'Okonkwo' });
      assert.deepEqual(hits.map((hit) => hit.id), [okonkwoBaby, theo, poppy]);
      assert.deepEqual(hits[0]?.matchedOn, ['name']);
      await addPerson(okonkwoBaby, { relationship: 'grandparent', givenName: 'Rita', familyName: 'Okonkwo' });
      const again = await search(outsider, { name: 'Okonkwo' });
      assert.deepEqual(again[0]?.peopleMatched, [{ relationship: 'grandparent', on: ['name'] }]);
      assert.deepEqual(again[0]?.matchedOn, ['name']);
    });

    it('shows the lead professional their own baby first, found through the father', async () => {
      const [first] = await search(lead, { nhsNumber: fathersNhs });
      assert.equal(first?.id, poppy);
      assert.equal(first?.restricted, false);
      assert.equal(first?.own, true);
    });
  });
});
