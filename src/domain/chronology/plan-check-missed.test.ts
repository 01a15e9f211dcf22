import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { everythingExcluded, facts, finding, mother } from '../profile/profile.test-support.ts';
import { correction, entry } from './chronology.test-support.ts';
import type { ChronologyEntry, RecordedPlanCheck } from './chronology.types.ts';
import { findPatterns } from './find-patterns.ts';

const TODAY = '2026-11-22';
const names = new Map([['mum', 'Grace Okafor']]);

const answer = (itemId: string, outcome: RecordedPlanCheck['outcome'], note = outcome === 'no-concern' ? '' : 'Nobody home'): RecordedPlanCheck => ({
  itemId,
  text: itemId === 'sleep' ? 'Where the baby sleeps' : 'Is Grace drinking',
  outcome,
  note,
  ...(itemId === 'drink' ? { factorId: 'alcohol-misuse' as const, personId: 'mum' } : { factorId: 'unsafe-sleep' as const }),
});

const visit = (id: string, day: string, checks: RecordedPlanCheck[], agency = 'Housing'): ChronologyEntry =>
  entry(id, 'home-visit', day, { planChecks: checks, agency, recordedAt: `${day}T10:00:00Z` });

const missed = (entries: ChronologyEntry[]) => findPatterns({ entries, dateOfBirth: '2026-09-01', today: TODAY, names }).filter((p) => p.id === 'plan-check-missed');

describe('a check item that could not be checked twice in a row', () => {
  it('is an attention pattern that becomes a finding, across visitors, naming the item, the days, the agencies and why', () => {
    const patterns = missed([visit('v1', '2026-11-10', [answer('sleep', 'not-checked', 'Baby upstairs, not allowed up')]), visit('v2', '2026-11-18', [answer('sleep', 'not-checked', 'No answer at the door.')], 'Health visiting')]);
    assert.equal(patterns.length, 1);
    const [p] = patterns;
    assert.equal(p!.severity, 'attention');
    assert.equal(p!.becomesFinding, true);
    assert.deepEqual([p!.from, p!.to], ['2026-11-10', '2026-11-18']);
    assert.deepEqual(p!.entryIds, ['v1', 'v2']);
    assert.deepEqual(p!.factorIds, ['unsafe-sleep']);
    assert.equal(
      p!.rationale,
      '"Where the baby sleeps" could not be checked at 2 contacts in a row between 10 November 2026 and 18 November 2026 (Housing, 10 November 2026: Baby upstairs, not allowed up; Health visiting, 18 November 2026: No answer at the door).',
    );
  });

  it('names the person an adult item is about', () => {
    const [p] = missed([visit('v1', '2026-11-10', [answer('drink', 'not-checked')]), visit('v2', '2026-11-11', [answer('drink', 'not-checked')])]);
    assert.deepEqual(p!.personIds, ['mum']);
    assert.deepEqual(p!.factorIds, ['alcohol-misuse']);
    assert.match(p!.rationale, /involving Grace Okafor/);
  });

  it('counts three in a row as one run', () => {
    const patterns = missed(['2026-11-01', '2026-11-05', '2026-11-09'].map((day, i) => visit(`v${i}`, day, [answer('sleep', 'not-checked')])));
    assert.equal(patterns.length, 1);
    assert.equal(patterns[0]!.entryIds.length, 3);
  });

  it('is not there for could not check, then checked', () => {
    assert.deepEqual(missed([visit('v1', '2026-11-10', [answer('sleep', 'not-checked')]), visit('v2', '2026-11-12', [answer('sleep', 'no-concern')])]), []);
    assert.deepEqual(missed([visit('v1', '2026-11-10', [answer('sleep', 'not-checked')]), visit('v2', '2026-11-12', [answer('sleep', 'concern', 'Sofa')])]), []);
  });

  it('is not there for checked, then could not check once', () => {
    assert.deepEqual(missed([visit('v1', '2026-11-10', [answer('sleep', 'no-concern')]), visit('v2', '2026-11-12', [answer('sleep', 'not-checked')])]), []);
  });

  it('is not there for two could-not-checks of different items', () => {
    assert.deepEqual(missed([visit('v1', '2026-11-10', [answer('sleep', 'not-checked'), answer('drink', 'no-concern')]), visit('v2', '2026-11-12', [answer('drink', 'not-checked'), answer('sleep', 'no-concern')])]), []);
  });

  it('is not there when one of the two contacts has been corrected', () => {
    const second = visit('v2', '2026-11-12', [answer('sleep', 'not-checked')]);
    const fixed = correction('v2-fixed', second, { planChecks: [answer('sleep', 'no-concern')] });
    assert.deepEqual(missed([visit('v1', '2026-11-10', [answer('sleep', 'not-checked')]), second, fixed]), []);
  });

  it('is history, not a finding, once a later answer checked the item', () => {
    const patterns = missed([
      visit('v1', '2026-11-01', [answer('sleep', 'not-checked')]),
      visit('v2', '2026-11-03', [answer('sleep', 'not-checked')]),
      visit('v3', '2026-11-05', [answer('sleep', 'no-concern')]),
    ]);
    assert.equal(patterns.length, 1);
    assert.equal(patterns[0]!.becomesFinding, false);
  });

  describe('and the plan no longer holding the item', () => {
    const twice = [visit('v1', '2026-11-10', [answer('sleep', 'not-checked')]), visit('v2', '2026-11-12', [answer('sleep', 'not-checked')])];
    const inPlan = (entries: ChronologyEntry[], planItemIds: ReadonlySet<string>) =>
      findPatterns({ entries, dateOfBirth: '2026-09-01', today: TODAY, names, planItemIds }).filter((p) => p.id === 'plan-check-missed');

    it('fires while the plan still holds the item, among others', () => {
      assert.deepEqual(inPlan(twice, new Set(['drink', 'sleep'])).map((p) => p.becomesFinding), [true]);
    });

    it('clears once the item was taken off the plan or replaced: history in the chronology, saying so', () => {
      for (const items of [new Set(['drink']), new Set(['sleep-2']), new Set<string>()]) {
        const patterns = inPlan(twice, items);
        assert.deepEqual(patterns.map((p) => p.becomesFinding), [false], [...items].join());
        assert.match(patterns[0]!.rationale, /The plan no longer holds this check\.$/);
      }
    });

    it('clears only the item gone: another item missed twice still fires', () => {
      const both = [visit('v1', '2026-11-10', [answer('sleep', 'not-checked'), answer('drink', 'not-checked')]), visit('v2', '2026-11-12', [answer('sleep', 'not-checked'), answer('drink', 'not-checked')])];
      assert.deepEqual(inPlan(both, new Set(['drink'])).map((p) => [p.factorIds[0], p.becomesFinding]), [['unsafe-sleep', false], ['alcohol-misuse', true]]);
    });

    it('a run already ended by a check stays history, without the words about the plan', () => {
      const [p] = inPlan([...twice, visit('v3', '2026-11-14', [answer('sleep', 'no-concern')])], new Set<string>());
      assert.equal(p!.becomesFinding, false);
      assert.doesNotMatch(p!.rationale, /no longer holds/);
    });
  });

  it('does not read a contact dated after today', () => {
    assert.deepEqual(missed([visit('v1', '2026-11-20', [answer('sleep', 'not-checked')]), visit('v2', '2026-11-23', [answer('sleep', 'not-checked')])]), []);
  });

  it('raises the plan-check-missed finding, attention, from the pattern', () => {
    const patterns = findPatterns({
      entries: [visit('v1', '2026-11-10', [answer('drink', 'not-checked')]), visit('v2', '2026-11-11', [answer('drink', 'not-checked')])],
      dateOfBirth: '2026-09-01',
      today: TODAY,
      names,
    });
    const found = finding(facts({ people: [mother()], assessments: everythingExcluded(['mother']), patterns }), 'plan-check-missed');
    assert.equal(found?.severity, 'attention');
    assert.deepEqual(found?.personIds, ['mum']);
    assert.deepEqual(found?.factorIds, ['alcohol-misuse']);
    const history = findPatterns({
      entries: [visit('v1', '2026-11-10', [answer('drink', 'not-checked')]), visit('v2', '2026-11-11', [answer('drink', 'not-checked')]), visit('v3', '2026-11-12', [answer('drink', 'no-concern')])],
      dateOfBirth: '2026-09-01',
      today: TODAY,
      names,
    });
    assert.equal(finding(facts({ people: [mother()], assessments: everythingExcluded(['mother']), patterns: history }), 'plan-check-missed'), undefined);
  });
});
