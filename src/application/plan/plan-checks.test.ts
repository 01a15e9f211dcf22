import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { ContactAnswers } from '../../domain/chronology/contact-record.ts';
import type { PlanCheckDraft } from '../../domain/plan/plan-checks.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { recordContact } from '../chronology/record-contact.ts';
import { recordEntry } from '../chronology/record-entry.ts';
import { viewProfile } from '../profile/view-profile.ts';
import { readDueChecks, readRecordedChecks } from './plan-check-rows.ts';
import { updatePlan } from './update-plan.ts';
import { viewPlan } from './view-plan.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('every contact checks the plan', () => {
  let t: TestApp;
  let caseId: string;
  let housing: User;
  let visitor: User;
  let today: string;
  const mum = 'checks-mum';
  const ids: Record<'sleep' | 'drink' | 'stay', string> = { sleep: '', drink: '', stay: '' };

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const housingOrg = await makeOrganisation(t.ctx, 'housing', 'Checks Housing');
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Checks Health Visiting');
    housing = await makeUser(t.ctx, { organisationId: housingOrg.id, name: 'Ola Housing' });
    visitor = await makeUser(t.ctx, { organisationId: health.id, name: 'Hana Visitor' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Checked', teamUserIds: [housing.id, visitor.id] }));
    await makePerson(t.ctx, caseId, { id: mum, given_name: 'Grace', family_name: 'Checked', history_checked: true });
  });
  after(async () => t.close());

  const contact = (planChecks?: PlanCheckDraft[]): ContactAnswers => ({
    kind: 'home-visit',
    occurredOn: today,
    babySeen: 'yes',
    awakeOrAsleep: 'awake',
    interaction: 'Held close',
    dressed: 'Clean',
    demeanour: 'Settled',
    whereKept: 'Bouncer',
    presentIds: [mum],
    sleepingSeen: 'no',
    safeSleepAdvice: 'no',
    cryingAdvice: 'no',
    summary: 'Visit',
    ...(planChecks === undefined ? {} : { planChecks }),
  });

  it('with no plan, asks nothing and records the contact as before', async () => {
    assert.deepEqual((await readDueChecks(t.ctx.db, caseId, 'housing', today)).due, []);
    const result = await recordContact(t.ctx, actorFor(housing), caseId, contact());
    assert.ok(result.ok, JSON.stringify(result));
    const row = await t.ctx.db.selectFrom('chronology_entries').select('details').where('id', '=', result.entries[0]!.id).executeTakeFirstOrThrow();
    assert.equal('planChecks' in row.details, false);
  });

  it('lists the items due for each visitor', async () => {
    const plan = await updatePlan(t.ctx, actorFor(visitor), caseId, {
      version: 0,
      plan: {
        level: 'child-in-need',
        outcomes: ['Ruby sleeps safely'],
        checkItems: [
          { text: 'Where the baby sleeps', question: 'Ask to see the cot', factorId: 'unsafe-sleep', checkedBy: [], frequency: 'every-contact' },
          { text: 'Is Grace drinking', question: 'Any cans or bottles?', factorId: 'alcohol-misuse', personId: mum, checkedBy: ['health-visiting'], frequency: 'every-contact' },
          { text: 'Who is staying at the flat', question: 'Ask who stayed last night', checkedBy: [], frequency: 'weekly' },
        ],
        actions: [],
      },
    });
    assert.ok(plan.ok, JSON.stringify(plan));
    const items = plan.value.checkItems;
    ids.sleep = items[0]!.id;
    ids.drink = items[1]!.id;
    ids.stay = items[2]!.id;
    assert.deepEqual((await readDueChecks(t.ctx.db, caseId, 'housing', today)).due.map((i) => i.text), ['Where the baby sleeps', 'Who is staying at the flat']);
    assert.deepEqual((await readDueChecks(t.ctx.db, caseId, 'health-visiting', today)).due.map((i) => i.text), ['Where the baby sleeps', 'Is Grace drinking', 'Who is staying at the flat']);
  });

  it('refuses a contact that leaves a due item unanswered or answers an item not in the plan, and stores nothing', async () => {
    const count = async () => (await t.ctx.db.selectFrom('chronology_entries').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n;
    const before = await count();
    const result = await recordContact(t.ctx, actorFor(housing), caseId, contact([{ itemId: ids.sleep, outcome: 'no-concern' }, { itemId: 'not-an-item', outcome: 'no-concern' }]));
    assert.ok(!result.ok && result.code === 'invalid');
    assert.deepEqual(result.planCheckProblems, [
      { code: 'unknown-item', path: '/planChecks/1/itemId' },
      { code: 'answer-needed', path: '/planChecks', itemId: ids.stay },
    ]);
    assert.equal(await count(), before);
  });

  it('records the answers in the contact, and a concern as observed evidence with the visitor’s agency, in the same step', async () => {
    const result = await recordContact(
      t.ctx,
      actorFor(housing),
      caseId,
      contact([
        { itemId: ids.sleep, outcome: 'concern', note: 'Baby asleep on the sofa' },
        { itemId: ids.stay, outcome: 'not-checked', note: 'Mum would not say' },
      ]),
    );
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.entries[0]!.planChecks?.map((c) => [c.text, c.outcome, c.note]), [
      ['Where the baby sleeps', 'concern', 'Baby asleep on the sofa'],
      ['Who is staying at the flat', 'not-checked', 'Mum would not say'],
    ]);
    const evidence = await t.ctx.db.selectFrom('profile_evidence').select(['factor_id', 'indicates', 'source', 'agency', 'note', 'event_id']).where('case_id', '=', caseId).execute();
    assert.equal(evidence.length, 1);
    assert.deepEqual({ ...evidence[0], note: undefined }, { factor_id: 'unsafe-sleep', indicates: 'present', source: 'observed', agency: 'Checks Housing', note: undefined, event_id: result.entries[0]!.id });
    assert.match(evidence[0]!.note, /Where the baby sleeps: Baby asleep on the sofa\.$/);

    const view = await viewPlan(t.ctx, actorFor(visitor), caseId);
    assert.ok(view.ok);
    const last = view.value.lastChecks[ids.sleep];
    assert.deepEqual([last?.day, last?.recordedBy, last?.agency, last?.outcome, last?.note], [today, 'Ola Housing', 'Checks Housing', 'concern', 'Baby asleep on the sofa']);
    assert.equal(view.value.lastChecks[ids.drink], undefined);
  });

  it('raises plan-check-missed when the next visitor could not check the same item either, and a check clears it', async () => {
    const findings = async () => {
      const profile = await viewProfile(t.ctx, actorFor(visitor), caseId);
      assert.ok(profile.ok);
      return profile.value.evaluation.findings.map((f) => f.id);
    };
    assert.ok(!(await findings()).includes('plan-check-missed'));
    // Contacts on the same day are read in the order they were recorded.
    t.clock.advanceMinutes(30);
    const second = await recordContact(
      t.ctx,
      actorFor(visitor),
      caseId,
      contact([
        { itemId: ids.sleep, outcome: 'no-concern' },
        { itemId: ids.drink, outcome: 'no-concern' },
        { itemId: ids.stay, outcome: 'not-checked', note: 'Door closed to the bedroom' },
      ]),
    );
    assert.ok(second.ok, JSON.stringify(second));
    assert.ok((await findings()).includes('plan-check-missed'));

    t.clock.advanceMinutes(30);
    const third = await recordContact(
      t.ctx,
      actorFor(visitor),
      caseId,
      contact([
        { itemId: ids.sleep, outcome: 'no-concern' },
        { itemId: ids.drink, outcome: 'no-concern' },
        { itemId: ids.stay, outcome: 'no-concern', note: 'Only mum and baby' },
      ]),
    );
    assert.ok(third.ok, JSON.stringify(third));
    assert.ok(!(await findings()).includes('plan-check-missed'));
    // Checked this week now: not due again for anyone until 7 days have passed.
    assert.deepEqual((await readDueChecks(t.ctx.db, caseId, 'housing', today)).due.map((i) => i.text), ['Where the baby sleeps']);
  });

  it('reads answers only from contacts the contact form recorded, not from any entry’s details', async () => {
    const before = (await readRecordedChecks(t.ctx.db, caseId)).length;
    const fed = await recordEntry(t.ctx, actorFor(visitor), caseId, {
      kind: 'home-visit',
      occurredAt: today,
      summary: 'From an agency feed',
      source: 'observed',
      details: { planChecks: [{ itemId: ids.stay, text: 'Who is staying at the flat', outcome: 'not-checked', note: 'Fed' }] },
    });
    assert.ok(fed.ok, JSON.stringify(fed));
    assert.equal((await readRecordedChecks(t.ctx.db, caseId)).length, before);
  });
});
