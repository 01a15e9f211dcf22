import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EventKindId } from '../catalogue/event-kinds.ts';
import { entry } from '../chronology/chronology.test-support.ts';
import { findPatterns } from '../chronology/find-patterns.ts';
import { CONTACT_KINDS } from '../chronology/contact-record.ts';
import { answersForContactKind, callAnswersRefused, notPossibleOnACall, SIGHT_NEEDED_BY_FACTOR, sightNeeded } from './checks-on-a-call.ts';
import { planCheckProblemMessage } from '../chronology/plan-check-answers.ts';
import { checkPlanAnswers, recordedChecks } from './plan-checks.ts';
import { CHECK_TEMPLATES } from './suggested-checks.ts';
import type { CheckItem } from './plan.types.ts';

const item = (id: string, overrides: Partial<CheckItem> = {}): CheckItem => ({ id, text: `Item ${id}`, question: `Question ${id}?`, checkedBy: [], frequency: 'every-contact', since: '2026-01-01', ...overrides });

const baby = item('baby', { text: 'Baby seen awake and undressed', factorId: 'injury' });
const sleep = item('sleep', { text: 'Where the baby sleeps', factorId: 'unsafe-sleep' });
const drink = item('drink', { text: 'Is Grace drinking', factorId: 'alcohol-misuse', personId: 'mum' });
const free = item('free', { text: 'Anything else worrying' });
const items = [baby, sleep, drink, free];

describe('what a check item needs seen', () => {
  it('needs the baby seen awake for an injury, and the home seen for where the baby sleeps, a safe sleep space, the state of the home and smoking in it', () => {
    assert.equal(sightNeeded(baby), 'baby-awake');
    assert.equal(sightNeeded(sleep), 'home');
    for (const factorId of ['safe-sleep-space', 'poor-home-conditions', 'smoking-in-home'] as const) assert.equal(sightNeeded({ factorId }), 'home', factorId);
  });

  it('needs nothing seen for what a carer can tell, or for an item watching no factor', () => {
    assert.equal(sightNeeded(drink), null);
    assert.equal(sightNeeded(free), null);
    for (const factorId of ['feeding-difficulty', 'faltering-growth', 'new-adult', 'mental-health', 'material-hardship'] as const) assert.equal(sightNeeded({ factorId }), null, factorId);
  });

  it('agrees with the suggested checks: the checks that ask to look are the ones a call cannot answer', () => {
    const needing = Object.values(CHECK_TEMPLATES).filter((template) => sightNeeded(template) !== null).map((template) => template.factorId);
    assert.deepEqual(needing.sort(), ['injury', 'poor-home-conditions', 'smoking-in-home', 'unsafe-sleep']);
    assert.ok(Object.keys(SIGHT_NEEDED_BY_FACTOR).includes('safe-sleep-space'));
  });

  it('says why in plain words', () => {
    assert.equal(notPossibleOnACall('baby-awake'), 'Not possible on a call: needs a visit to see the baby awake.');
    assert.equal(notPossibleOnACall('home'), 'Not possible on a call: needs a visit to see the home.');
  });
});

describe('the answers a call gives to checks that need a visit', () => {
  const answeredAsDone = [
    { itemId: 'baby', outcome: 'no-concern', note: '' },
    { itemId: 'sleep', outcome: 'concern', note: 'Mum said the cot is full of laundry' },
    { itemId: 'drink', outcome: 'no-concern', note: '' },
    { itemId: 'free', outcome: 'no-concern', note: '' },
  ];

  it('keeps every answer given on a phone or video call: a concern stays a concern, "no concern" stays for the refusal, "could not check" gets the reason before what was written', () => {
    const answers = [...answeredAsDone, { itemId: 'sleep', outcome: 'not-checked', note: 'Mum would not say' }];
    assert.deepEqual(answersForContactKind('phone-or-video-call', answers, items, items), [
      { itemId: 'baby', outcome: 'no-concern', note: '' },
      { itemId: 'sleep', outcome: 'concern', note: 'Mum said the cot is full of laundry' },
      { itemId: 'drink', outcome: 'no-concern', note: '' },
      { itemId: 'free', outcome: 'no-concern', note: '' },
      { itemId: 'sleep', outcome: 'not-checked', note: 'Not possible on a call: needs a visit to see the home. Mum would not say' },
    ]);
  });

  describe('each answer to an item needing a visit, at each kind of contact', () => {
    const answersOf = (outcome: string) => (outcome === '' ? [] : [{ itemId: 'sleep', outcome, note: outcome === 'no-concern' ? '' : 'Typed' }]);
    for (const kind of CONTACT_KINDS) {
      const call = kind === 'phone-or-video-call';
      it(`${kind}: ${call ? 'a concern kept and its note, "no concern" refused, "could not check" and no answer recorded with the reason' : 'every answer left as given, none refused'}`, () => {
        const expected: Record<string, { answers: unknown[]; refused: boolean }> = call
          ? {
              concern: { answers: [{ itemId: 'sleep', outcome: 'concern', note: 'Typed' }], refused: false },
              'no-concern': { answers: [{ itemId: 'sleep', outcome: 'no-concern', note: '' }], refused: true },
              'not-checked': { answers: [{ itemId: 'sleep', outcome: 'not-checked', note: 'Not possible on a call: needs a visit to see the home. Typed' }], refused: false },
              '': { answers: [{ itemId: 'sleep', outcome: 'not-checked', note: 'Not possible on a call: needs a visit to see the home.' }], refused: false },
            }
          : Object.fromEntries(['concern', 'no-concern', 'not-checked', ''].map((outcome) => [outcome, { answers: answersOf(outcome), refused: false }]));
        for (const [outcome, { answers, refused }] of Object.entries(expected)) {
          const given = answersForContactKind(kind, answersOf(outcome), items, [sleep]);
          assert.deepEqual(given, answers, `${kind} ${outcome || 'no answer'}`);
          assert.equal(callAnswersRefused(kind, given, items).length > 0, refused, `${kind} ${outcome || 'no answer'} refused`);
        }
      });
    }
  });

  it('answers, on a call, a due item needing a visit that was left unanswered, so the call is not refused for it', () => {
    const answers = answersForContactKind('phone-or-video-call', [{ itemId: 'drink', outcome: 'no-concern' }], items, [baby, drink]);
    assert.deepEqual(answers, [
      { itemId: 'drink', outcome: 'no-concern' },
      { itemId: 'baby', outcome: 'not-checked', note: 'Not possible on a call: needs a visit to see the baby awake.' },
    ]);
    assert.equal(checkPlanAnswers(answers, { checkItems: items }, [baby, drink]).ok, true);
  });

  it('does not fire at a home visit, or at any contact that is not a call: every answer is left as given', () => {
    for (const kind of CONTACT_KINDS.filter((kind) => kind !== 'phone-or-video-call')) {
      assert.deepEqual(answersForContactKind(kind, answeredAsDone, items, items), answeredAsDone, kind);
      assert.deepEqual(answersForContactKind(kind, [], items, [baby]), [], `${kind}: an unanswered item stays unanswered, so the visitor is asked`);
    }
  });

  it('leaves an item that needs nothing seen unanswered on a call: the visitor is still asked it', () => {
    const answers = answersForContactKind('phone-or-video-call', [], items, [drink]);
    assert.deepEqual(answers, []);
    assert.equal(checkPlanAnswers(answers, { checkItems: items }, [drink]).ok, false);
  });

  it('keeps the missed-check rule firing: two calls in a row that cannot see the home make the finding’s pattern, where two home visits that checked do not', () => {
    // A call answers "could not check" (or leaves it unanswered); a home visit looked and found no concern.
    const recordedAt = (kind: string, day: string) => {
      const given = kind === 'phone-or-video-call' ? [] : [{ itemId: 'sleep', outcome: 'no-concern', note: '' }];
      const checked = checkPlanAnswers(answersForContactKind(kind, given, items, [sleep]), { checkItems: items }, [sleep]);
      assert.ok(checked.ok);
      return entry(`${kind}-${day}`, kind as EventKindId, day, { planChecks: recordedChecks(checked.answers, { checkItems: items }), recordedAt: `${day}T10:00:00Z` });
    };
    const missed = (kind: string) =>
      findPatterns({ entries: [recordedAt(kind, '2026-11-10'), recordedAt(kind, '2026-11-17')], dateOfBirth: '2026-09-01', today: '2026-11-22', names: new Map() }).filter((p) => p.id === 'plan-check-missed');
    const [pattern] = missed('phone-or-video-call');
    assert.ok(pattern);
    assert.match(pattern.rationale, /"Where the baby sleeps" could not be checked at 2 contacts in a row .*Not possible on a call: needs a visit to see the home/);
    assert.deepEqual(missed('home-visit'), []);
  });
});

describe('an agency’s entry at a call that says it checked an item needing a visit', () => {
  it('fires on a phone or video call for "no concern" on an item needing the baby or the home seen, at its outcome', () => {
    const answers = [
      { itemId: 'drink', outcome: 'no-concern' },
      { itemId: 'baby', outcome: 'no-concern' },
      { itemId: ' sleep ', outcome: ' no-concern ' },
    ];
    assert.deepEqual(callAnswersRefused('phone-or-video-call', answers, items), [
      { code: 'needs-a-visit', path: '/planChecks/1/outcome', itemId: 'baby' },
      { code: 'needs-a-visit', path: '/planChecks/2/outcome', itemId: 'sleep' },
    ]);
  });

  it('must not fire for a concern heard on a call, for could not check, or for items a call can answer', () => {
    const answers = [
      { itemId: 'sleep', outcome: 'concern', note: 'Mum says the baby sleeps on the sofa' },
      { itemId: 'baby', outcome: 'not-checked', note: 'A call' },
      { itemId: 'drink', outcome: 'no-concern' },
      { itemId: 'free', outcome: 'no-concern' },
      { itemId: 'not-in-the-plan', outcome: 'no-concern' },
    ];
    assert.deepEqual(callAnswersRefused('phone-or-video-call', answers, items), []);
  });

  it('must not fire at any contact that is not a call, whatever is answered', () => {
    for (const kind of CONTACT_KINDS.filter((k) => k !== 'phone-or-video-call')) {
      assert.deepEqual(callAnswersRefused(kind, [{ itemId: 'baby', outcome: 'no-concern' }, { itemId: 'sleep', outcome: 'no-concern' }], items), [], kind);
    }
  });

  it('says what to do in plain words, naming the item', () => {
    assert.equal(
      planCheckProblemMessage({ code: 'needs-a-visit' }, 'Where the baby sleeps'),
      'A phone or video call cannot check “Where the baby sleeps” and find no concern: it needs a visit to see the baby or the home. Answer not-checked and say why, or record the visit.',
    );
  });
});
