// A meeting's actions join the case's plan (issue 13), in the same change as the meeting: open, owned
// by name, due when the meeting said, each naming the meeting; a case with no plan gets a first plan.
// On the test database (PGlite, or PostgreSQL with DATABASE_URL); days from the test clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import type { MeetingDraft } from '../../domain/meetings/meeting.types.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { readCurrentPlan } from '../plan/plan-rows.ts';
import { updatePlan } from '../plan/update-plan.ts';
import { recordMeeting } from './record-meeting.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe("a meeting's actions join the plan", () => {
  let t: TestApp;
  let caseId: string;
  let lead: User;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    lead = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'childrens-social-care', 'Plan Social Care')).id, name: 'Sue Worker' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Actions', teamUserIds: [lead.id] }));
  });
  after(async () => t.close());

  const meeting = (over: Partial<MeetingDraft> = {}): MeetingDraft => ({
    kind: 'core-group',
    heldOn: addDays(today, -2),
    chair: 'Sue Worker',
    parentsPresent: true,
    attendees: [{ name: 'PC Lane', agency: 'police' }],
    decisions: ['Carry on with the plan'],
    ...over,
  });
  const planVersions = async () => (await t.ctx.db.selectFrom('case_plans').select('version').where('case_id', '=', caseId).execute()).length;

  it('gives a case with no plan a first plan, at the case’s level, holding the meeting’s actions, in the same change', async () => {
    const { level } = await t.ctx.db.selectFrom('cases').select('level').where('id', '=', caseId).executeTakeFirstOrThrow();
    const recorded = await recordMeeting(
      t.ctx,
      actorFor(lead),
      caseId,
      meeting({ actions: [{ text: 'Send the police log', owner: 'PC Lane', dueOn: addDays(today, 5) }, { text: 'Book the GP review', owner: 'Dr Shah (GP)', dueOn: addDays(today, 10) }] }),
    );
    assert.ok(recorded.ok, JSON.stringify(recorded));
    const fromMeeting = { id: recorded.value.id, kind: 'core-group', heldOn: addDays(today, -2) };
    const plan = await readCurrentPlan(t.ctx.db, caseId);
    assert.equal(plan?.version, 1);
    assert.equal(plan.level, level);
    assert.deepEqual(plan.outcomes, []);
    assert.deepEqual(
      plan.actions.map((action) => ({ text: action.text, owner: action.owner, dueOn: action.dueOn, status: action.status, fromMeeting: action.fromMeeting })),
      [
        { text: 'Send the police log', owner: { name: 'PC Lane' }, dueOn: addDays(today, 5), status: 'open', fromMeeting },
        { text: 'Book the GP review', owner: { name: 'Dr Shah (GP)' }, dueOn: addDays(today, 10), status: 'open', fromMeeting },
      ],
    );
    assert.equal(recorded.plan?.version, 1);
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'meeting.record').executeTakeFirstOrThrow();
    assert.equal((audit.details as { planVersion: number }).planVersion, 1);
    assert.equal(await t.ctx.db.selectFrom('audit_log').select('id').where('case_id', '=', caseId).where('action', '=', 'plan.update').executeTakeFirst(), undefined, 'one change, one audit entry: the meeting’s');
  });

  it('adds the next meeting’s actions as the plan’s next version, keeping what the plan holds; a change to the plan keeps each action’s meeting', async () => {
    const current = (await readCurrentPlan(t.ctx.db, caseId))!;
    const edited = await updatePlan(t.ctx, actorFor(lead), caseId, {
      version: current.version,
      plan: {
        level: 'child-in-need',
        outcomes: ['Ruby is seen every week'],
        checkItems: [{ text: 'Where the baby sleeps', frequency: 'every-contact', checkedBy: [] }],
        actions: current.actions.map((action, i) => ({ id: action.id, text: action.text, owner: action.owner, dueOn: action.dueOn, status: i === 0 ? 'done' : 'open' })),
      },
    });
    assert.ok(edited.ok, JSON.stringify(edited));
    assert.deepEqual(edited.value.actions.map((a) => [a.status, a.fromMeeting?.id]), [['done', current.actions[0]!.fromMeeting!.id], ['open', current.actions[1]!.fromMeeting!.id]]);

    const second = await recordMeeting(t.ctx, actorFor(lead), caseId, meeting({ kind: 'professionals-meeting', parentsPresent: false, actions: [{ text: 'Ask housing about the damp', owner: 'Sue Worker', dueOn: addDays(today, 3) }] }));
    assert.ok(second.ok);
    const plan = (await readCurrentPlan(t.ctx.db, caseId))!;
    assert.equal(plan.version, edited.value.version + 1);
    assert.deepEqual([plan.level, plan.outcomes, plan.checkItems.map((item) => item.text)], ['child-in-need', ['Ruby is seen every week'], ['Where the baby sleeps']]);
    assert.deepEqual(plan.actions.map((a) => [a.text, a.status, a.fromMeeting?.kind]), [
      ['Send the police log', 'done', 'core-group'],
      ['Book the GP review', 'open', 'core-group'],
      ['Ask housing about the damp', 'open', 'professionals-meeting'],
    ]);

    const page = await (await WebClient.signedIn(t.app, lead)).get(`/cases/${caseId}/plan`);
    assert.equal(page.statusCode, 200, page.body.slice(0, 3000));
    const beside = [...page.body.matchAll(/data-qa="from-meeting">([^<]*)</g)].map((m) => m[1]!.replace(/&#39;/g, "'"));
    assert.deepEqual(beside, [
      `Agreed at the core group meeting on ${dayWords(addDays(today, -2))}`,
      `Agreed at the core group meeting on ${dayWords(addDays(today, -2))}`,
      `Agreed at the professionals' meeting on ${dayWords(addDays(today, -2))}`,
    ]);
  });

  it('writes no plan version for a meeting that agreed no actions, nor for a meeting refused', async () => {
    const before = await planVersions();
    assert.ok((await recordMeeting(t.ctx, actorFor(lead), caseId, meeting())).ok);
    const refused = await recordMeeting(t.ctx, actorFor(lead), caseId, meeting({ heldOn: addDays(today, 1), actions: [{ text: 'Visit', owner: 'Sue Worker', dueOn: today }] }));
    assert.ok(!refused.ok);
    assert.equal(await planVersions(), before);
  });
});

function dayWords(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
