import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCarePlan } from './care-plan-entry.ts';
import { at } from './fhir.test-support.ts';
import { WELLNESS_PLAN } from './uk-core-examples.test-support.ts';

const plan = (fields: Record<string, unknown>) => ({ resourceType: 'CarePlan', id: 'p-1', status: 'active', intent: 'plan', created: '2026-11-20', ...fields });
const read = (fields: Record<string, unknown>) => readCarePlan(plan(fields), at('CarePlan/p-1', 2));

describe('a CarePlan as a chronology entry', () => {
  it('reads NHS England’s wellness plan example as a case note naming the plan, what it does, dated when it was made', () => {
    assert.deepEqual(readCarePlan(WELLNESS_PLAN, at('CarePlan/UKCore-CarePlan-WellnessPlan-Example')).entries, [
      {
        index: 0,
        resource: 'CarePlan/UKCore-CarePlan-WellnessPlan-Example',
        occurredAtPath: '/entry/0/resource/created',
        entry: {
          kind: 'case-note',
          summary: 'Care plan from another agency: Manage obesity and weight loss. Activities: Body weight',
          source: 'agency-record',
          externalId: 'fhir:CarePlan/UKCore-CarePlan-WellnessPlan-Example',
          occurredAt: '2020-02-01',
        },
      },
    ]);
  });

  it('names it by its title, with its description, status and author', () => {
    const [mapped] = read({ title: 'Early help plan', description: 'Support with housing and feeding.', status: 'completed', author: { display: 'Family Hub' } }).entries;
    assert.equal(mapped?.entry.summary, 'Care plan from another agency: Early help plan. Support with housing and feeding. Status: completed. Written by Family Hub');
    assert.equal(read({}).entries[0]?.entry.summary, 'Care plan from another agency: A care plan');
    assert.equal(read({ category: [{ text: 'Child in need plan.' }] }).entries[0]?.entry.summary, 'Care plan from another agency: Child in need plan');
  });

  it('is dated by the start of its period when it gives no created date', () => {
    assert.deepEqual(read({ created: undefined, period: { start: '2026-11-18' } }).entries.map((e) => [e.entry.occurredAt, e.occurredAtPath]), [['2026-11-18', '/entry/2/resource/period/start']]);
    assert.deepEqual(read({ created: undefined }).rejected.map((r) => r.code), ['no-date']);
  });

  it('leaves out a draft and one entered in error', () => {
    assert.deepEqual(read({ status: 'draft' }).skipped.map((s) => s.code), ['not-happened']);
    assert.deepEqual(read({ status: 'entered-in-error' }).skipped.map((s) => s.code), ['entered-in-error']);
  });
});
