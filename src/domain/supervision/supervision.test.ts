import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CaseAccess } from '../access/case-access.ts';
import { citationList } from '../catalogue/sources.ts';
import type { ProfileVersion } from '../profile/profile-history.ts';
import { mayOpenSupervisionPage, mayReadSupervision } from './supervision-access.ts';
import { changesSinceLast } from './supervision-changes.ts';
import { supervisionDue } from './supervision-due.ts';
import { withSupervisionActions } from './supervision-plan.ts';
import { PROMPT_IDS, SUPERVISION_PROMPTS } from './supervision-prompts.ts';
import { checkSupervision, isRefusal, SUPERVISION_PROBLEM_MESSAGES, type SupervisionAccount, type SupervisionContext, type SupervisionProblem } from './supervision-rules.ts';
import { SUPERVISION_LIMITS, type SupervisionDraft } from './supervision.types.ts';

const today = '2026-11-22';
const account = (id: string, organisationId: string, role: SupervisionAccount['role'] = 'practitioner', active = true): SupervisionAccount => ({ id, organisationId, role, active });
const accounts = new Map(
  [
    account('hv', 'health'),
    account('manager', 'health', 'manager'),
    account('lead', 'health', 'safeguarding-lead'),
    account('colleague', 'health'),
    account('gp', 'gp-surgery'),
    account('gp-manager', 'gp-surgery', 'manager'),
    account('admin', 'health', 'admin'),
    account('gone', 'health', 'manager', false),
  ].map((a) => [a.id, a]),
);
const context = (over: Partial<SupervisionContext> = {}): SupervisionContext => ({ today, recorderId: 'manager', accounts, teamUserIds: new Set(['hv', 'gp']), ...over });
const answers = Object.fromEntries(PROMPT_IDS.map((id) => [id, ` Answer to ${id} `]));
const draft = (over: Partial<SupervisionDraft> = {}): SupervisionDraft => ({
  heldOn: '2026-11-20',
  practitionerId: 'hv',
  supervisorId: 'manager',
  answers,
  stuck: 'no',
  analysis: ' Mother’s account of her drinking is not tested by anyone who sees her at night. ',
  decisions: 'Ask the father to a visit on his own.',
  actions: [{ text: 'Visit father', owner: 'Hana, health visitor', dueOn: '2026-12-01' }],
  ...over,
});
const problems = (over: Partial<SupervisionDraft>, ctx = context()): SupervisionProblem[] => {
  const checked = checkSupervision(draft(over), ctx);
  assert.equal(checked.ok, false, 'expected problems');
  return checked.ok ? [] : checked.problems;
};
const codes = (list: SupervisionProblem[]) => list.map((p) => `${p.path} ${p.code}`);

describe('the prompts of reflective supervision', () => {
  it('ask each question once, in order, each citing where it comes from', () => {
    assert.deepEqual(SUPERVISION_PROMPTS.map((p) => p.id), [...PROMPT_IDS]);
    for (const prompt of SUPERVISION_PROMPTS) {
      assert.ok(prompt.question.endsWith('?'), prompt.id);
      assert.ok(citationList(prompt.cites).length > 0, prompt.id);
    }
    assert.match(SUPERVISION_PROMPTS.find((p) => p.id === 'missing-voices')!.hint, /father/);
    assert.ok(citationList(SUPERVISION_PROMPTS.find((p) => p.id === 'stuck')!.cites).some((c) => c.source.id === 'derby-review' && c.section.includes('§5.35')));
  });
});

describe('checking a supervision', () => {
  it('takes a whole one, trimmed', () => {
    const checked = checkSupervision(draft(), context());
    assert.ok(checked.ok);
    assert.equal(checked.supervision.answers.script, 'Answer to script');
    assert.match(checked.supervision.analysis, /^Mother’s/);
    assert.deepEqual(checked.supervision.actions, [{ text: 'Visit father', owner: 'Hana, health visitor', dueOn: '2026-12-01' }]);
  });

  it('takes one recorded by the practitioner, with a safeguarding lead or a named colleague as supervisor, held today', () => {
    for (const supervisorId of ['lead', 'colleague']) assert.ok(checkSupervision(draft({ supervisorId, heldOn: today }), context({ recorderId: 'hv' })).ok, supervisorId);
  });

  it('asks for the date, a real one, in 1900 or later, not in the future', () => {
    assert.deepEqual(codes(problems({ heldOn: '' })), ['/heldOn date-needed']);
    assert.deepEqual(codes(problems({ heldOn: '2026-02-30' })), ['/heldOn not-a-date']);
    assert.deepEqual(codes(problems({ heldOn: '1026-11-20' })), ['/heldOn held-too-early']);
    assert.deepEqual(codes(problems({ heldOn: '2026-11-23' })), ['/heldOn held-in-future']);
    assert.ok(checkSupervision(draft({ heldOn: '1900-01-01' }), context()).ok);
  });

  it('asks for every prompt, whether the case is stuck, the analysis and the decisions', () => {
    const found = problems({ answers: { script: 'x', changed: '  ' }, stuck: 'maybe', analysis: ' ', decisions: '' });
    assert.deepEqual(codes(found), ['/answers/missing-voices answer-needed', '/answers/unthinkable answer-needed', '/answers/changed answer-needed', '/stuck stuck-needed', '/answers/stuck answer-needed', '/analysis analysis-needed', '/decisions decisions-needed']);
    assert.ok(!isRefusal(found));
  });

  it('refuses words over the limits', () => {
    const long = (n: number) => 'x'.repeat(n + 1);
    assert.deepEqual(codes(problems({ answers: { ...answers, script: long(SUPERVISION_LIMITS.answer) }, analysis: long(SUPERVISION_LIMITS.analysis), decisions: long(SUPERVISION_LIMITS.decisions) })), ['/answers/script too-long', '/analysis too-long', '/decisions too-long']);
  });

  it('asks each action for what, who and a real due date, and no more actions than the limit', () => {
    assert.deepEqual(codes(problems({ actions: [{ text: '', owner: '', dueOn: '' }, { text: 'a', owner: 'b', dueOn: '2026-13-01' }] })), ['/actions/0/text action-text-needed', '/actions/0/owner owner-needed', '/actions/0/dueOn due-date-needed', '/actions/1/dueOn due-not-a-date']);
    const many = Array.from({ length: SUPERVISION_LIMITS.actions + 1 }, () => ({ text: 'a', owner: 'b', dueOn: '2026-12-01' }));
    assert.deepEqual(codes(problems({ actions: many })), ['/actions too-many-actions']);
    assert.ok(checkSupervision(draft({ actions: [] }), context()).ok, 'no actions is fine');
  });

  it('takes an action due from 1900 up to 12 months ahead, and refuses one outside', () => {
    const due = (dueOn: string) => codes(problems({ actions: [{ text: 'a', owner: 'b', dueOn }] }));
    assert.deepEqual(due('0226-12-01'), ['/actions/0/dueOn due-too-early']);
    assert.deepEqual(due('2027-11-23'), ['/actions/0/dueOn due-too-far-ahead']);
    for (const dueOn of ['2026-11-01', today, '2027-11-22']) assert.ok(checkSupervision(draft({ actions: [{ text: 'a', owner: 'b', dueOn }] }), context()).ok, dueOn);
  });

  it('asks for a practitioner in the team and a supervisor who is someone else, not an administrator, and active', () => {
    assert.deepEqual(codes(problems({ practitionerId: '' })), ['/practitionerId practitioner-needed']);
    assert.deepEqual(codes(problems({ practitionerId: 'colleague' })), ['/practitionerId practitioner-not-in-team']);
    assert.deepEqual(codes(problems({ supervisorId: 'nobody' }, context({ recorderId: 'hv' }))), ['/supervisorId supervisor-needed']);
    assert.deepEqual(codes(problems({ supervisorId: 'gone' }, context({ recorderId: 'hv' }))), ['/supervisorId supervisor-needed']);
    assert.deepEqual(codes(problems({ supervisorId: 'hv' }, context({ recorderId: 'hv' }))), ['/supervisorId same-person']);
    assert.deepEqual(codes(problems({ supervisorId: 'admin' }, context({ recorderId: 'hv' }))), ['/supervisorId supervisor-role']);
  });

  it("refuses a supervisor outside the practitioner's organisation, and a recorder who took no part", () => {
    const outside = problems({ practitionerId: 'gp', supervisorId: 'manager' });
    assert.deepEqual(codes(outside), ['/supervisorId supervisor-other-organisation']);
    assert.ok(isRefusal(outside));
    const gpManager = problems({ practitionerId: 'hv', supervisorId: 'gp-manager' }, context({ recorderId: 'gp-manager' }));
    assert.deepEqual(codes(gpManager), ['/supervisorId supervisor-other-organisation']);
    const bystander = problems({}, context({ recorderId: 'lead' }));
    assert.deepEqual(codes(bystander), ['/supervisorId recorder-not-party']);
    assert.ok(isRefusal(bystander));
  });

  it('has words for every problem', () => {
    for (const message of Object.values(SUPERVISION_PROBLEM_MESSAGES)) assert.match(message, /\.$/);
  });
});

describe('who may read a supervision', () => {
  const team: CaseAccess = { allowed: true, basis: 'team-member', canChange: true, canSeeRestricted: false };
  const oversight: CaseAccess = { allowed: true, basis: 'organisation-oversight', canChange: true, canSeeRestricted: true };
  const emergency: CaseAccess = { allowed: true, basis: 'break-glass', canChange: false, canSeeRestricted: false, breakGlassExpiresAt: new Date('2026-11-23T00:00:00Z') };
  const none: CaseAccess = { allowed: false };
  const parties = { practitionerId: 'hv', supervisorId: 'manager' };

  it('the practitioner and the supervisor, whatever their access to the case', () => {
    assert.ok(mayReadSupervision({ userId: 'hv', role: 'practitioner', caseAccess: team }, parties));
    assert.ok(mayReadSupervision({ userId: 'manager', role: 'manager', caseAccess: none }, parties));
  });

  it('a safeguarding lead who may open the case, but not under emergency access', () => {
    assert.ok(mayReadSupervision({ userId: 'lead', role: 'safeguarding-lead', caseAccess: oversight }, parties));
    assert.ok(mayReadSupervision({ userId: 'lead', role: 'safeguarding-lead', caseAccess: team }, parties));
    assert.ok(!mayReadSupervision({ userId: 'lead', role: 'safeguarding-lead', caseAccess: emergency }, parties));
    assert.ok(!mayReadSupervision({ userId: 'lead', role: 'safeguarding-lead', caseAccess: none }, parties));
  });

  it('not the rest of the team, nor a manager who took no part', () => {
    assert.ok(!mayReadSupervision({ userId: 'gp', role: 'practitioner', caseAccess: team }, parties));
    assert.ok(!mayReadSupervision({ userId: 'other-manager', role: 'manager', caseAccess: oversight }, parties));
  });

  it('opens the case’s page for the team and oversight, and a supervisor named in one outside the team; not emergency access or outsiders', () => {
    assert.ok(mayOpenSupervisionPage({ userId: 'gp', role: 'practitioner', caseAccess: team }, []));
    assert.ok(mayOpenSupervisionPage({ userId: 'm', role: 'manager', caseAccess: oversight }, []));
    assert.ok(mayOpenSupervisionPage({ userId: 'colleague', role: 'practitioner', caseAccess: none }, [{ practitionerId: 'hv', supervisorId: 'colleague' }]));
    assert.ok(!mayOpenSupervisionPage({ userId: 'x', role: 'practitioner', caseAccess: emergency }, [parties]));
    assert.ok(!mayOpenSupervisionPage({ userId: 'x', role: 'safeguarding-lead', caseAccess: none }, [parties]));
  });
});

describe('when a case is due supervision', () => {
  const high = [{ severity: 'high' as const }];
  const facts = { findings: high, lastHeldOn: '2026-10-25', today, periodDays: 28 };

  it('is due with a high or critical finding and no supervision yet', () => {
    assert.deepEqual(supervisionDue({ ...facts, lastHeldOn: null }), { due: true, since: null, daysSinceLast: null });
    assert.deepEqual(supervisionDue({ ...facts, findings: [{ severity: 'attention' }, { severity: 'critical' }], lastHeldOn: null }).due, true);
  });

  it('is not due on the last day of the period, and is the day after', () => {
    assert.deepEqual(supervisionDue(facts), { due: false });
    assert.deepEqual(supervisionDue({ ...facts, lastHeldOn: '2026-10-24' }), { due: true, since: '2026-11-22', daysSinceLast: 29 });
  });

  it('is never due for findings that only ask for attention, or none, however long since', () => {
    assert.deepEqual(supervisionDue({ ...facts, findings: [{ severity: 'attention' }], lastHeldOn: null }), { due: false });
    assert.deepEqual(supervisionDue({ ...facts, findings: [], lastHeldOn: '2020-01-01' }), { due: false });
  });

  it('follows the period set', () => {
    assert.equal(supervisionDue({ ...facts, periodDays: 14 }).due, true);
    assert.equal(supervisionDue({ ...facts, lastHeldOn: '2026-09-01', periodDays: 90 }).due, false);
  });
});

describe('what changed since the last supervision', () => {
  const version = (n: number, over: Partial<ProfileVersion> = {}): ProfileVersion => ({
    version: n,
    kind: 'factor',
    changedAt: '2026-11-01T10:00:00Z',
    changedBy: 'Hana',
    factorId: 'housing-instability',
    subjectKey: 'household',
    before: { status: 'not-assessed' },
    after: { status: 'present' },
    evidenceAdded: [],
    summary: null,
    why: null,
    findings: [],
    ...over,
  });
  const versions = [version(1), version(2, { kind: 'level', factorId: null, subjectKey: null, before: null, after: null, summary: 'Level raised', findings: [{ id: 'pre-birth-assessment', severity: 'high', rationale: 'r' }] })];

  it('has nothing to compare at the first supervision', () => {
    assert.deepEqual(changesSinceLast(versions, null, 2), { kind: 'first' });
  });

  it('says nothing changed when the profile is at the same version', () => {
    assert.deepEqual(changesSinceLast(versions, 2, 2), { kind: 'unchanged', sinceVersion: 2 });
  });

  it('compares the two versions with the profile’s own comparison', () => {
    const changes = changesSinceLast(versions, 0, 2);
    assert.equal(changes.kind, 'changed');
    if (changes.kind !== 'changed') return;
    assert.equal(changes.comparison.factors.length, 1);
    assert.deepEqual(changes.comparison.findings?.raised.map((f) => f.id), ['pre-birth-assessment']);
    assert.deepEqual(changes.comparison.otherChanges.map((v) => v.version), [2]);
  });

  it('does not fail on a version not in the history', () => {
    assert.deepEqual(changesSinceLast(versions, 7, 2), { kind: 'unknown' });
  });
});

describe("a supervision's actions joining the plan", () => {
  let n = 0;
  const newId = () => `id-${String(++n)}`;
  const actions = [{ text: 'Visit father', owner: 'Hana', dueOn: '2026-12-01' }];

  it('start a plan at the case’s level when there is none', () => {
    assert.deepEqual(withSupervisionActions(null, actions, { caseLevel: 'child-in-need', newId }), {
      level: 'child-in-need',
      outcomes: [],
      checkItems: [],
      actions: [{ id: 'id-1', text: 'Visit father', owner: { name: 'Hana' }, dueOn: '2026-12-01', status: 'open' }],
      visits: [],
    });
  });

  it('join the end of a plan, keeping the rest, and refuse when there is no room', () => {
    const plan = { level: 'universal' as const, outcomes: ['Safe sleep'], checkItems: [], actions: [{ id: 'a', text: 'x', owner: { name: 'y' }, dueOn: '2026-11-30', status: 'done' as const }], visits: [] };
    const joined = withSupervisionActions(plan, actions, { caseLevel: 'child-in-need', newId });
    assert.deepEqual(joined?.actions.map((a) => a.text), ['x', 'Visit father']);
    assert.equal(joined?.level, 'universal');
    assert.deepEqual(joined?.outcomes, ['Safe sleep']);
    const full = { ...plan, actions: Array.from({ length: 200 }, (_, i) => ({ ...plan.actions[0]!, id: String(i) })) };
    assert.equal(withSupervisionActions(full, actions, { caseLevel: 'child-in-need', newId }), null);
  });
});
