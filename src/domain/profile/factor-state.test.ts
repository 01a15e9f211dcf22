import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factorDefinition } from '../catalogue/catalogue.ts';
import { directionOf } from './evidence-tally.ts';
import { evaluateFactor } from './factor-state.ts';
import { carerSays, familySays, record, seen } from './profile.test-support.ts';
import type { FactorId } from '../catalogue/factor-ids.ts';
import type { RecordedFactor } from './factor-state.ts';

const evaluate = (id: FactorId, recorded: RecordedFactor) => evaluateFactor(factorDefinition(id), recorded, 'mother');

describe('which way evidence points', () => {
  it('follows what the evidence says, or else the status it was recorded under', () => {
    assert.equal(directionOf(carerSays('absent'), 'present'), 'absent');
    assert.equal(directionOf(carerSays(undefined), 'excluded'), 'absent');
    assert.equal(directionOf(carerSays(undefined), 'present'), 'present');
    assert.equal(directionOf(carerSays(undefined), 'not-assessed'), null);
    assert.equal(directionOf(carerSays(undefined), 'cannot-assess'), null);
  });
});

describe('a verified exclusion', () => {
  it('needs some evidence of absence that is not the carer’s own account', () => {
    const verified = evaluate('alcohol-misuse', { status: 'excluded', evidence: [carerSays('absent'), record('absent')] });
    assert.deepEqual([verified.verified, verified.effectiveStatus, verified.excludedOnCarerAccountOnly], [true, 'excluded', false]);
  });

  it('is not made by a police record that the carer drinks', () => {
    const factor = evaluate('alcohol-misuse', { status: 'excluded', evidence: [carerSays('absent'), record('present')] });
    assert.equal(factor.verified, false);
    assert.equal(factor.effectiveStatus, 'unverified-exclusion');
  });

  it('turns a V factor excluded on the carer’s word alone into an unverified exclusion', () => {
    const factor = evaluate('alcohol-misuse', { status: 'excluded', evidence: [carerSays('absent', 'I do not drink')] });
    assert.deepEqual([factor.verified, factor.effectiveStatus, factor.excludedOnCarerAccountOnly], [false, 'unverified-exclusion', true]);
  });

  it('lets a factor without the V mark count as excluded on the carer’s word, still marked not verified', () => {
    const factor = evaluate('learning-disability', { status: 'excluded', evidence: [carerSays(undefined)] });
    assert.deepEqual([factor.verified, factor.effectiveStatus], [false, 'excluded']);
  });

  it('leaves an exclusion with no evidence of absence open', () => {
    assert.equal(evaluate('learning-disability', { status: 'excluded', evidence: [] }).effectiveStatus, 'not-assessed');
    assert.equal(evaluate('learning-disability', { status: 'excluded', evidence: [seen('present')] }).effectiveStatus, 'not-assessed');
  });
});

describe('a conflict', () => {
  it('is an exclusion on the carer’s account with a third party saying otherwise', () => {
    assert.equal(evaluate('alcohol-misuse', { status: 'excluded', evidence: [carerSays('absent'), familySays('present')] }).conflict, true);
  });

  it('is any exclusion while evidence says present, even verified ones', () => {
    assert.equal(evaluate('alcohol-misuse', { status: 'excluded', evidence: [record('absent'), seen('present')] }).conflict, true);
    assert.equal(evaluate('alcohol-misuse', { status: 'excluded', evidence: [seen('present')] }).conflict, true);
  });

  it('is a present factor the carer denies', () => {
    assert.equal(evaluate('alcohol-misuse', { status: 'present', evidence: [seen(undefined), carerSays('absent')] }).conflict, true);
  });

  it('is an open factor with evidence both ways', () => {
    assert.equal(evaluate('mental-health', { status: 'not-assessed', evidence: [record('present'), carerSays('absent')] }).conflict, true);
  });

  it('is not evidence all one way', () => {
    assert.equal(evaluate('alcohol-misuse', { status: 'excluded', evidence: [carerSays('absent'), record('absent')] }).conflict, false);
    assert.equal(evaluate('alcohol-misuse', { status: 'present', evidence: [seen(undefined), familySays('present')] }).conflict, false);
    assert.equal(evaluate('alcohol-misuse', { status: 'not-assessed', evidence: [] }).conflict, false);
  });
});

describe('an indicated factor', () => {
  it('is present, or has evidence of presence whatever its status', () => {
    assert.equal(evaluate('injury', { status: 'present', evidence: [seen(undefined)] }).indicated, true);
    assert.equal(evaluate('injury', { status: 'not-assessed', evidence: [seen('present')] }).indicated, true);
    assert.equal(evaluate('injury', { status: 'excluded', evidence: [carerSays('absent'), seen('present')] }).indicated, true);
    assert.equal(evaluate('injury', { status: 'cannot-assess', evidence: [] }).indicated, false);
    assert.equal(evaluate('injury', { status: 'not-assessed', evidence: [seen(undefined)] }).indicated, false);
  });
});
