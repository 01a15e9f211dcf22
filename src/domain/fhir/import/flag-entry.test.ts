import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { at, concept } from './fhir.test-support.ts';
import { readFlag } from './flag-entry.ts';
import { FOOD_ALLERGY_FLAG } from './uk-core-examples.test-support.ts';

const flag = (fields: Record<string, unknown>) => ({ resourceType: 'Flag', id: 'f-1', status: 'active', period: { start: '2026-11-20' }, ...fields });
const read = (fields: Record<string, unknown>) => readFlag(flag(fields), at('Flag/f-1', 1));
const kindOf = (fields: Record<string, unknown>) => read(fields).entries[0]?.entry.kind;

describe('a Flag as a chronology entry', () => {
  it('reads NHS England’s food allergy example as a case note naming it, since it is not about safeguarding', () => {
    assert.deepEqual(readFlag(FOOD_ALLERGY_FLAG, at('Flag/UKCore-Flag-FoodAllergy-Example')).entries.map((e) => [e.entry.kind, e.entry.summary, e.entry.occurredAt, e.occurredAtPath]), [
      ['case-note', 'Flag: Patient has a severe peanut allergy. Category: Diet. Raised by Dr Paul Rastall', '2019-12-10T13:00:00+00:00', '/entry/0/resource/period/start'],
    ]);
  });

  it('is a safeguarding flag, which alerts the team, when its code or category says safeguarding', () => {
    for (const words of ['Child protection plan', 'Subject to a child protection plan', 'Safeguarding concern', 'Child in need', 'Looked after child', 'Cause for concern', 'CP-IS: on a child protection plan', 'MARAC referral: domestic abuse']) {
      assert.equal(kindOf({ code: concept(words) }), 'safeguarding-flag', words);
    }
    assert.equal(kindOf({ code: concept('Alert'), category: [concept('Safeguarding')] }), 'safeguarding-flag');
    assert.equal(read({ code: concept('Child protection plan') }).entries[0]?.entry.summary, 'Safeguarding flag: Child protection plan');
  });

  it('is a case note for other flags, a safeguarding flag no longer active, or words that deny it', () => {
    for (const words of ['Peanut-free diet', 'Needs an interpreter', 'No safeguarding concerns', 'Child protection plan ended', 'Previous child protection plan']) {
      assert.equal(kindOf({ code: concept(words) }), 'case-note', words);
    }
    const inactive = read({ code: concept('Child protection plan'), status: 'inactive' }).entries[0]?.entry;
    assert.deepEqual([inactive?.kind, inactive?.summary], ['case-note', 'Safeguarding flag: Child protection plan. No longer active']);
  });

  it('leaves out one entered in error, and reports one without a start', () => {
    assert.deepEqual(read({ status: 'entered-in-error' }).skipped.map((s) => s.code), ['entered-in-error']);
    assert.deepEqual(read({ period: undefined }).rejected.map((r) => [r.code, r.path]), [['no-date', '/entry/1/resource/period/start']]);
  });
});
