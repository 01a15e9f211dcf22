import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateProfile } from '../../../domain/profile/evaluate-profile.ts';
import { assess, everythingExcluded, facts, mother, withAssessment } from '../../../domain/profile/profile.test-support.ts';
import type { ProfileEvaluation } from '../../../domain/profile/profile.types.ts';
import type { ReceivedMark } from '../../../domain/transfer/transfer-record.ts';
import { viewEnvironment } from '../../plugins/views.ts';
import { findingsAndFactorsMarkup, type RenderTemplate } from './findings-and-factors-markup.ts';
import { presentProfile } from './profile.presenter.ts';

const env = viewEnvironment();
const TEMPLATE = 'profile/profile-findings-and-factors.njk';

/** Renders as the views plugin does, counting the renders. */
function countingRender(): RenderTemplate & { renders: number } {
  const render = Object.assign(
    async (template: string, locals: object) => {
      render.renders++;
      return env.render(template, locals);
    },
    { renders: 0 },
  );
  return render;
}

/** Frozen all the way down, as the profile cache hands an evaluation out. */
function frozen<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) frozen(item);
  }
  return value;
}

const input = facts({ people: [mother()], assessments: withAssessment(everythingExcluded(['mother']), assess('alcohol-misuse', 'present', { personId: 'mother', detail: 'Drinks daily' })) });
const noneReceived: ReadonlyMap<string, ReceivedMark> = new Map();
const assessAllLink = 'data-qa="assess-all-subject-mother"';

describe('the profile page’s findings and task lists, kept with the evaluation', () => {
  it('are what the template renders from the presented profile, for one who may change it and one who may only read it', async () => {
    const evaluation = frozen(evaluateProfile(input));
    const render = countingRender();
    const canChange = await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, true);
    const readOnly = await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, false);
    assert.equal(canChange, env.render(TEMPLATE, { p: presentProfile('case-1', evaluation, noneReceived), canChange: true }));
    assert.equal(readOnly, env.render(TEMPLATE, { p: presentProfile('case-1', evaluation, noneReceived), canChange: false }));
    assert.match(canChange, new RegExp(assessAllLink));
    assert.doesNotMatch(readOnly, new RegExp(assessAllLink));
    assert.match(canChange, /href="\/cases\/case-1\/profile\/mother\/alcohol-misuse"/);
  });

  it('are rendered once for a frozen evaluation and each kind of viewer, and given again after', async () => {
    const evaluation = frozen(evaluateProfile(input));
    const render = countingRender();
    const first = await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, true);
    const readOnly = await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, false);
    assert.equal(render.renders, 2);
    assert.equal(await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, true), first);
    assert.equal(await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, false), readOnly);
    assert.equal(render.renders, 2);
  });

  it('are rendered again for a new evaluation of the case, another case or other received assessments', async () => {
    const evaluation = frozen(evaluateProfile(input));
    const render = countingRender();
    const before = await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, true);
    const changed = frozen(evaluateProfile(facts({ people: [mother()], assessments: everythingExcluded(['mother']) })));
    const after = await findingsAndFactorsMarkup(render, 'case-1', changed, noneReceived, true);
    assert.equal(render.renders, 2);
    assert.notEqual(after, before);
    assert.match(before, /govuk-tag--red">\s*Present/);
    assert.doesNotMatch(after, /govuk-tag--red">\s*Present/);

    const otherCase = await findingsAndFactorsMarkup(render, 'case-2', evaluation, noneReceived, true);
    assert.equal(render.renders, 3);
    assert.match(otherCase, /href="\/cases\/case-2\/profile\/mother\/alcohol-misuse"/);
    assert.doesNotMatch(otherCase, /case-1/);

    const received = new Map<string, ReceivedMark>([['alcohol-misuse|mother', { area: 'Northshire', receivedOn: '2026-11-02' }]]);
    const withReceived = await findingsAndFactorsMarkup(render, 'case-2', evaluation, received, true);
    assert.equal(render.renders, 4);
    assert.match(withReceived, /Assessed by Northshire, received 2 November 2026: not yet confirmed here/);
  });

  it('say, when nothing fires on a new record, that factors not yet assessed are still assumed (no findings is not no risk)', async () => {
    const evaluation = frozen(evaluateProfile(facts({ people: [], assessments: [] })));
    const markup = await findingsAndFactorsMarkup(countingRender(), 'case-1', evaluation, noneReceived, true);
    assert.match(markup, /data-qa="no-findings">No findings yet\. That is not the same as no risk: every factor below that is not yet assessed is still assumed until it is excluded on evidence\.</);
    const withFinding = await findingsAndFactorsMarkup(countingRender(), 'case-1', frozen(evaluateProfile(input)), noneReceived, true);
    assert.doesNotMatch(withFinding, /no-findings/);
  });

  it('are rendered on every call for an evaluation that is not frozen, which could change', async () => {
    const evaluation: ProfileEvaluation = evaluateProfile(input);
    const render = countingRender();
    await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, true);
    await findingsAndFactorsMarkup(render, 'case-1', evaluation, noneReceived, true);
    assert.equal(render.renders, 2);
  });
});
