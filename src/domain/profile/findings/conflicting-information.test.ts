import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assess, carerSays, event, everythingExcluded, facts, familySays, father, finding, mother, record, seen, withAssessment } from '../profile.test-support.ts';
import type { FactorAssessment } from '../profile.types.ts';

const sarah = mother({ name: 'Sarah Hartley' });
const people = [sarah, father()];
const base = everythingExcluded(['mother', 'father']);
const withAll = (...changes: FactorAssessment[]) => facts({ people, assessments: changes.reduce(withAssessment, base) });

describe('conflicting-information', () => {
  it('fires, high, when a carer’s own account excludes what a police record and her sister say', () => {
    const drinking = assess('alcohol-misuse', 'excluded', {
      personId: 'mother',
      evidence: [
        carerSays('absent', 'Says she drinks only occasionally'),
        record('present', 'Reported missing with the children by her sister because of drinking', { agency: 'Derbyshire Police' }),
        familySays('present', 'Drinks heavily most days', { givenBy: 'her sister' }),
      ],
    });
    const found = finding(withAll(drinking), 'conflicting-information');
    assert.equal(found?.severity, 'high');
    assert.equal(found?.rationale, "Sarah Hartley's alcohol misuse was excluded on her own account, but a record from Derbyshire Police and her sister say otherwise.");
    assert.deepEqual([found?.factorIds, found?.personIds], [['alcohol-misuse'], ['mother']]);
  });

  it('fires when a factor recorded as present is denied', () => {
    const found = finding(withAll(assess('mental-health', 'present', { personId: 'father', evidence: [record('present'), carerSays('absent', 'Says he is fine')] })), 'conflicting-information');
    assert.equal(found?.rationale, "Daniel Okafor's mental ill health is recorded as present, but a carer's account says otherwise.");
  });

  it('fires when evidence on an open factor points both ways', () => {
    const found = finding(withAll(assess('drug-misuse', 'not-assessed', { personId: 'father', evidence: [seen('present'), carerSays('absent')] })), 'conflicting-information');
    assert.match(found?.rationale ?? '', /points to Daniel Okafor's drug misuse, but a carer's account does not/);
  });

  it('fires for the household and for protective factors too', () => {
    assert.match(
      finding(withAll(assess('unsafe-sleep', 'excluded', { evidence: [carerSays('absent'), seen('present', 'Baby asleep on the sofa')] })), 'conflicting-information')?.rationale ?? '',
      /^The household's unsafe sleep was excluded on the carers' account, but an observation by Health visiting says otherwise/,
    );
    const claim = assess('supportive-partner', 'present', { personId: 'father', evidence: [carerSays('present'), familySays('absent', 'He is never there', { givenBy: 'the maternal grandmother' })] });
    assert.deepEqual(finding(withAll(claim), 'conflicting-information')?.factorIds, ['supportive-partner']);
  });

  it('fires when an event contradicts a verified exclusion', () => {
    const input = { ...withAll(), events: [event('e1', 'mental-health-deterioration', { personIds: ['father'], agency: 'Adult mental health' })] };
    assert.match(finding(input, 'conflicting-information')?.rationale ?? '', /^Daniel Okafor's mental ill health was excluded, but a record from Adult mental health says otherwise/);
  });

  it('does not fire when every source agrees', () => {
    assert.equal(finding(withAll(assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent'), familySays('absent')] })), 'conflicting-information'), undefined);
    assert.equal(finding(withAll(assess('alcohol-misuse', 'present', { personId: 'mother', pattern: 'stable', evidence: [carerSays('present'), record('present')] })), 'conflicting-information'), undefined);
  });

  it('lists every conflict in its facts and summarises them in one line', () => {
    const one = assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent'), record('present')] });
    const two = assess('drug-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent'), record('present')] });
    const three = assess('unsafe-sleep', 'excluded', { evidence: [carerSays('absent'), seen('present')] });
    const found = finding(withAll(one, two, three), 'conflicting-information');
    assert.equal(found?.facts.length, 3);
    assert.match(found?.rationale ?? '', /; and 1 more\.$/);
    assert.doesNotMatch(found?.rationale ?? '', /\n/);
  });
});
