// Recording and reading supervisions through the use cases (issue 16): a named supervisor who is
// not in the team reads the supervision they took part in (and the case's page) but not another's;
// the plan keeps its other actions when a supervision's join it, and a full plan refuses them with
// nothing stored; the profile's version is the one the case stood at. On the test database (PGlite,
// or PostgreSQL with DATABASE_URL); days from the test clock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { PROMPT_IDS } from '../../domain/supervision/supervision-prompts.ts';
import type { SupervisionDraft } from '../../domain/supervision/supervision.types.ts';
import { readCurrentPlan } from '../plan/plan-rows.ts';
import { updatePlan } from '../plan/update-plan.ts';
import { recordSupervision } from './record-supervision.ts';
import { viewSupervision } from './view-supervision.ts';
import { viewSupervisions } from './view-supervisions.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('supervisions through the use cases', () => {
  let t: TestApp;
  let caseId: string;
  let today: string;
  let practitioner: User;
  let colleague: User;
  let manager: User;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    practitioner = await makeUser(t.ctx, { organisationId: health.id, name: 'Pat Practitioner' });
    colleague = await makeUser(t.ctx, { organisationId: health.id, name: 'Nell Named Supervisor' });
    manager = await makeUser(t.ctx, { organisationId: health.id, role: 'manager', name: 'Max Manager' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Usecase', teamUserIds: [practitioner.id] }));
  });
  after(async () => t.close());

  const draft = (over: Partial<SupervisionDraft> = {}): SupervisionDraft => ({
    heldOn: today,
    practitionerId: practitioner.id,
    supervisorId: colleague.id,
    answers: Object.fromEntries(PROMPT_IDS.map((id) => [id, `About ${id}`])),
    stuck: 'yes',
    analysis: 'Analysis',
    decisions: 'Decisions',
    actions: [],
    ...over,
  });

  it('lets a named supervisor outside the team read the supervision they took part in, and not one they did not', async () => {
    const withColleague = await recordSupervision(t.ctx, actorFor(practitioner), caseId, draft());
    assert.ok(withColleague.ok);
    assert.equal(withColleague.value.supervisorName, 'Nell Named Supervisor');
    assert.equal(withColleague.value.profileVersion, 0);
    const withManager = await recordSupervision(t.ctx, actorFor(practitioner), caseId, draft({ supervisorId: manager.id }));
    assert.ok(withManager.ok);

    const page = await viewSupervisions(t.ctx, actorFor(colleague), caseId);
    assert.ok(page.ok);
    assert.deepEqual(page.value.supervisions.map((s) => s.id), [withColleague.value.id]);
    assert.equal(page.value.notShown, 1);
    assert.equal(page.value.canRecord, false, 'not in the team: cannot record on the case');
    assert.equal((await viewSupervision(t.ctx, actorFor(colleague), caseId, withColleague.value.id)).ok, true);
    const refused = await viewSupervision(t.ctx, actorFor(colleague), caseId, withManager.value.id);
    assert.deepEqual(refused.ok ? null : refused.code, 'forbidden');
    // Opening the form needs the right to change the case.
    const form = await viewSupervisions(t.ctx, actorFor(colleague), caseId, { action: 'supervision.record', need: 'change' });
    assert.deepEqual(form.ok ? null : form.code, 'forbidden');
  });

  it("joins a supervision's actions to the plan after the actions already there", async () => {
    const planned = await updatePlan(t.ctx, actorFor(practitioner), caseId, { version: 0, plan: { level: 'early-help', outcomes: ['Safe sleep'], checkItems: [], actions: [{ text: 'Book the 6-week check', owner: { name: 'GP' }, dueOn: addDays(today, 10), status: 'open' }] } });
    assert.ok(planned.ok);
    const recorded = await recordSupervision(t.ctx, actorFor(manager), caseId, draft({ supervisorId: manager.id, actions: [{ text: 'Meet the father', owner: 'Pat', dueOn: addDays(today, 7) }] }));
    assert.ok(recorded.ok);
    assert.equal(recorded.value.planVersion, 2);
    const plan = await readCurrentPlan(t.ctx.db, caseId);
    assert.deepEqual(plan?.actions.map((a) => a.text), ['Book the 6-week check', 'Meet the father']);
    assert.deepEqual(plan?.outcomes, ['Safe sleep']);
  });

  it('refuses, storing nothing, when the plan has no room for the actions', async () => {
    const before = (await t.ctx.db.selectFrom('case_supervisions').select('id').execute()).length;
    const many = Array.from({ length: 20 }, (_, i) => ({ text: `Action ${String(i)}`, owner: 'Pat', dueOn: addDays(today, 7) }));
    for (let i = 0; i < 9; i++) assert.ok((await recordSupervision(t.ctx, actorFor(practitioner), caseId, draft({ actions: many }))).ok);
    const full = await recordSupervision(t.ctx, actorFor(practitioner), caseId, draft({ actions: many }));
    assert.equal(full.ok, false);
    if (!full.ok && full.code === 'invalid') assert.deepEqual(full.problems, [{ path: '/actions', code: 'plan-full' }]);
    assert.equal((await t.ctx.db.selectFrom('case_supervisions').select('id').execute()).length, before + 9);
    assert.equal((await readCurrentPlan(t.ctx.db, caseId))?.actions.length, 182);
  });
});
