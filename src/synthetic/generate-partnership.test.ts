import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eventKindById } from '../domain/catalogue/catalogue.ts';
import { checkNhsNumber } from '../domain/people/nhs-number.ts';
import { syntheticPartnership } from './generate-partnership.ts';
import type { SyntheticOptions } from './synthetic.types.ts';

const TODAY = '2026-11-22';
const options: SyntheticOptions = { infants: 1_000, seed: 7, today: TODAY };
const families = [...syntheticPartnership(options).families()];

describe('synthetic partnership', () => {
  it('is the same for the same seed and day, and different for another seed', () => {
    const again = syntheticPartnership(options);
    assert.deepEqual([...again.families()], families);
    assert.deepEqual([...again.users()], [...syntheticPartnership(options).users()]);
    const other = [...syntheticPartnership({ ...options, seed: 8 }).families()];
    assert.notDeepEqual(other.map((f) => f.entries.length), families.map((f) => f.entries.length));
  });

  it('has about 15% unborn babies, about 5% escalating families and about 50 entries per baby', () => {
    const unborn = families.filter((f) => f.record.status === 'unborn').length / families.length;
    assert.ok(unborn > 0.1 && unborn < 0.2, `unborn share ${String(unborn)}`);
    const escalating = families.filter((f) => f.escalating).length / families.length;
    assert.ok(escalating > 0.02 && escalating < 0.09, `escalating share ${String(escalating)}`);
    const perInfant = families.reduce((sum, f) => sum + f.entries.length, 0) / families.length;
    assert.ok(perInfant > 40 && perInfant < 60, `${String(perInfant)} entries per infant`);
  });

  it('has routine contacts most and incidents rare, and escalating families have an injury', () => {
    const kinds = new Map<string, number>();
    for (const entry of families.flatMap((f) => f.entries)) kinds.set(entry.kind, (kinds.get(entry.kind) ?? 0) + 1);
    const routine = (kinds.get('home-visit') ?? 0) + (kinds.get('clinic-contact') ?? 0) + (kinds.get('gp-consultation') ?? 0);
    const total = [...kinds.values()].reduce((a, b) => a + b, 0);
    assert.ok(routine / total > 0.6, `routine share ${String(routine / total)}`);
    assert.ok((kinds.get('police-incident') ?? 0) / total < 0.01);
    const escalatingBorn = families.filter((f) => f.escalating && f.record.status === 'born' && f.entries.some((e) => e.kind === 'referral'));
    assert.ok(escalatingBorn.length > 0);
    for (const family of escalatingBorn) assert.ok(family.entries.some((e) => e.kind === 'injury-observed'), `family ${String(family.index)}`);
  });

  it('uses only kinds in the catalogue, with days in the past, and each baby is born or due after today', () => {
    for (const family of families) {
      for (const entry of family.entries) {
        assert.ok(eventKindById(entry.kind), entry.kind);
        assert.ok(entry.occurredOn < TODAY, `${entry.occurredOn} is not in the past`);
        assert.ok(entry.recordedAt < TODAY);
      }
      if (family.record.status === 'born') assert.ok(family.record.dateOfBirth! < TODAY && family.record.dateOfBirth! >= '2025-11-22');
      else assert.ok(family.record.expectedDeliveryDate! > TODAY);
      assert.ok(family.record.createdAt < TODAY);
    }
  });

  it('gives every born baby a valid NHS number starting with 9, each different', () => {
    const numbers = families.flatMap((f) => (f.record.nhsNumber ? [f.record.nhsNumber] : []));
    assert.equal(numbers.length, families.filter((f) => f.record.status === 'born').length);
    for (const number of numbers) {
      assert.equal(checkNhsNumber(number), null, number);
      assert.ok(number.startsWith('9'));
    }
    assert.equal(new Set(numbers).size, numbers.length);
  });

  it('gives every family a mother, a lead professional and 1 to 4 members, and profiles at every stage', () => {
    for (const family of families) {
      assert.equal(family.people[0]!.relationship, 'mother');
      assert.equal(family.team.filter((m) => m.role === 'lead-professional').length, 1);
      assert.ok(family.team.length >= 2 && family.team.length <= 5, `team of ${String(family.team.length)}`);
    }
    const people = families.flatMap((f) => f.people);
    assert.ok(people.some((p) => p.relationship === 'father' && !p.identityKnown), 'an unknown father');
    assert.ok(people.some((p) => p.relationship === 'mothers-partner'));
    assert.ok(people.some((p) => p.relationship === 'unknown'));
    assert.ok(people.some((p) => p.relationship === 'sibling'));
    const assessed = families.map((f) => f.assessments.length);
    assert.ok(assessed.some((n) => n === 0) && assessed.some((n) => n > 0 && n < 20) && assessed.some((n) => n > 40));
    for (const a of families.flatMap((f) => f.assessments)) {
      if (a.status === 'excluded') assert.ok(a.evidence.some((e) => e.indicates === 'absent'));
      if (a.status === 'present') assert.ok(a.detail);
      if (a.status === 'cannot-assess') assert.ok(a.reason);
    }
  });

  it('has staff of every role and an organisation of every kind, with unique ids and emails', () => {
    const partnership = syntheticPartnership(options);
    const organisations = [...partnership.organisations()];
    const users = [...partnership.users()];
    assert.equal(new Set(organisations.map((o) => o.kind)).size, 11);
    assert.deepEqual([...new Set(users.map((u) => u.role))].sort(), ['admin', 'manager', 'practitioner', 'safeguarding-lead']);
    assert.equal(new Set(users.map((u) => u.email)).size, users.length);
    const userIds = new Set(users.map((u) => u.id));
    for (const member of families.flatMap((f) => f.team)) assert.ok(userIds.has(member.userId));
    const entryIds = families.flatMap((f) => f.entries.map((e) => e.id));
    assert.equal(new Set(entryIds).size, entryIds.length);
  });
});
