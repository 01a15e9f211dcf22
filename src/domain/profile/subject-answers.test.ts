import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { answerChanged, sortAnswers, type FactorAnswer, type OtherChange } from './subject-answers.ts';

const answer = (factorId: string, status: string, extra: Partial<FactorAnswer> = {}): FactorAnswer => ({ factorId, status, ...extra });
const other = (factorId: string, loaded: OtherChange['loaded'], theirs: OtherChange['theirs']): OtherChange => ({ factorId, loaded, theirs, by: 'Ola', at: '2026-12-04T10:00:00.000Z' });

describe('answers on a subject’s page', () => {
  it('counts an answer as changed by its status, what is known, pattern, reason, responses, protection or a new note', () => {
    const held = answer('alcohol-misuse', 'present', { detail: 'Drinks', pattern: 'stable' });
    assert.equal(answerChanged(held, answer('alcohol-misuse', 'present', { detail: ' Drinks ', pattern: 'stable' })), false);
    assert.equal(answerChanged(held, answer('alcohol-misuse', 'present', { detail: 'Drinks daily', pattern: 'stable' })), true);
    assert.equal(answerChanged(held, answer('alcohol-misuse', 'present', { detail: 'Drinks', pattern: 'chaotic' })), true);
    assert.equal(answerChanged(held, answer('alcohol-misuse', 'present', { detail: 'Drinks', pattern: 'stable', note: 'Seen cans' })), true);
    assert.equal(answerChanged(answer('h', 'present', { responses: ['a', 'b'] }), answer('h', 'present', { responses: ['b', 'a'] })), false);
    assert.equal(answerChanged(answer('s', 'present', { protection: { how: 'Feeds', whenPresent: 'Evenings' } }), answer('s', 'present', { protection: { how: 'Feeds', whenPresent: 'Nights' } })), true);
  });

  it('reads a factor never recorded as not yet assessed', () => {
    assert.equal(answerChanged(null, answer('smoking-in-home', 'not-assessed')), false);
    assert.equal(answerChanged(null, answer('smoking-in-home', 'excluded')), true);
  });

  it('writes only the changed answers while nobody else has changed the subject', () => {
    const held = new Map([['a', answer('a', 'excluded')]]);
    const sorted = sortAnswers([answer('a', 'excluded'), answer('b', 'present', { detail: 'x' }), answer('c', 'not-assessed')], held, new Map());
    assert.deepEqual(sorted.toWrite.map((a) => a.factorId), ['b']);
    assert.deepEqual(sorted.conflicts, []);
  });

  it('after someone else’s change: a conflict where both changed it, nothing where only they did or both said the same', () => {
    const others = new Map([
      ['a', other('a', null, { status: 'present', detail: 'Theirs' })],
      ['b', other('b', null, { status: 'present', detail: 'Theirs' })],
      ['c', other('c', null, { status: 'excluded' })],
    ]);
    const held = new Map([...others.values()].map((o) => [o.factorId, { factorId: o.factorId, ...o.theirs! }]));
    const sorted = sortAnswers([answer('a', 'excluded'), answer('b', 'not-assessed'), answer('c', 'excluded'), answer('d', 'excluded')], held, others);
    assert.deepEqual(sorted.conflicts.map((c) => [c.answer.factorId, c.theirs.theirs?.status]), [['a', 'present']]);
    assert.deepEqual(sorted.toWrite.map((a) => a.factorId), ['d']);
  });
});
