import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { citationList } from '../catalogue/sources.ts';
import { correction, entry } from '../chronology/chronology.test-support.ts';
import { evaluateProfile } from '../profile/evaluate-profile.ts';
import { assess, everythingExcluded, facts, father, mother, person, TODAY, withAssessment } from '../profile/profile.test-support.ts';
import { mayAnswerAudit, mayReadAudit, mayStartAudit } from './audit-access.ts';
import { ANSWER_PROBLEM_MESSAGES, AUDIT_NOTE_LIMIT, checkAuditAnswers } from './audit-answers.ts';
import { AUDIT_QUESTIONS, QUESTION_IDS, type AuditAnswer, type QuestionId } from './audit-questions.ts';
import { auditResults, type AnsweredCase } from './audit-results.ts';
import { checkAuditStart, inAuditScope, isStartRefusal, sampleCaseIds, START_PROBLEM_MESSAGES } from './audit-scope.ts';
import { fatherAssessedSays, planCheckedSays, profileCurrentSays, recordSays, seenAwakeSays, supervisionSays } from './record-says.ts';

const today = TODAY;

describe('the questions of an audit', () => {
  it('asks each once, in order, each a question citing where it comes from', () => {
    assert.deepEqual(AUDIT_QUESTIONS.map((q) => q.id), [...QUESTION_IDS]);
    for (const q of AUDIT_QUESTIONS) {
      assert.ok(q.question.endsWith('?'), q.id);
      assert.ok(citationList(q.cites).length > 0, q.id);
    }
  });
});

describe('which cases an audit takes', () => {
  it('takes the unborn and babies under one, never a baby on or after its first birthday', () => {
    assert.ok(inAuditScope({ id: 'a', status: 'unborn', dateOfBirth: null }, today));
    assert.ok(inAuditScope({ id: 'b', status: 'born', dateOfBirth: today }, today));
    assert.ok(inAuditScope({ id: 'c', status: 'born', dateOfBirth: '2025-11-23' }, today), 'one tomorrow');
    assert.ok(!inAuditScope({ id: 'd', status: 'born', dateOfBirth: '2025-11-22' }, today), 'one today');
    assert.ok(!inAuditScope({ id: 'e', status: 'born', dateOfBirth: '2024-01-01' }, today));
    assert.ok(!inAuditScope({ id: 'f', status: 'born', dateOfBirth: null }, today), 'born, date not known');
  });

  it('draws the same sample from the same seed, whatever order the cases were read in', () => {
    const ids = Array.from({ length: 40 }, (_, i) => `case-${String(i).padStart(2, '0')}`);
    const first = sampleCaseIds(ids, 10, 12345);
    assert.equal(first.length, 10);
    assert.equal(new Set(first).size, 10);
    assert.deepEqual(sampleCaseIds([...ids].reverse(), 10, 12345), first);
    assert.notDeepEqual(sampleCaseIds(ids, 10, 54321), first, 'another seed, another sample');
    assert.deepEqual(sampleCaseIds(ids, 3, 12345), first.slice(0, 3), 'a smaller sample is the start of the larger');
  });

  it('takes every case when the sample asked for is larger, and none from none', () => {
    assert.deepEqual(new Set(sampleCaseIds(['b', 'a', 'c', 'a'], 10, 7)), new Set(['a', 'b', 'c']));
    assert.deepEqual(sampleCaseIds([], 5, 7), []);
  });

  it('draws each case about as often over many seeds', () => {
    const counts = new Map<string, number>();
    const ids = ['a', 'b', 'c', 'd', 'e'];
    for (let seed = 1; seed <= 2000; seed += 1) for (const id of sampleCaseIds(ids, 1, seed)) counts.set(id, (counts.get(id) ?? 0) + 1);
    for (const id of ids) assert.ok((counts.get(id) ?? 0) > 300 && (counts.get(id) ?? 0) < 500, `${id}: ${String(counts.get(id))}`);
  });
});

describe('checking an audit as asked for', () => {
  const codes = (draft: Parameters<typeof checkAuditStart>[0]) => {
    const checked = checkAuditStart(draft, 'own');
    return checked.ok ? [] : checked.problems.map((p) => `${p.path} ${p.code}`);
  };

  it('takes every case, or a sample with its size and an earlier seed or none', () => {
    assert.deepEqual(checkAuditStart({ scope: 'all' }, 'own'), { ok: true, scope: 'all' });
    assert.deepEqual(checkAuditStart({ scope: 'sample', sampleSize: ' 20 ', seed: '' }, 'own'), { ok: true, scope: 'sample', sampleSize: 20, seed: null });
    assert.deepEqual(checkAuditStart({ scope: 'sample', sampleSize: 5, seed: 99, organisationId: 'own' }, 'own'), { ok: true, scope: 'sample', sampleSize: 5, seed: 99 });
  });

  it('asks for the scope, and a whole size within the bounds, and a seed that is a seed', () => {
    assert.deepEqual(codes({}), ['/scope scope-needed']);
    assert.deepEqual(codes({ scope: 'some' }), ['/scope scope-needed']);
    assert.deepEqual(codes({ scope: 'sample' }), ['/sampleSize size-needed']);
    assert.deepEqual(codes({ scope: 'sample', sampleSize: '2.5' }), ['/sampleSize size-not-a-number']);
    assert.deepEqual(codes({ scope: 'sample', sampleSize: 'ten' }), ['/sampleSize size-not-a-number']);
    assert.deepEqual(codes({ scope: 'sample', sampleSize: '0' }), ['/sampleSize size-out-of-range']);
    assert.deepEqual(codes({ scope: 'sample', sampleSize: '501' }), ['/sampleSize size-out-of-range']);
    assert.deepEqual(codes({ scope: 'sample', sampleSize: '5', seed: '0' }), ['/seed seed-not-a-number']);
    assert.deepEqual(codes({ scope: 'sample', sampleSize: '5', seed: '2147483648' }), ['/seed seed-not-a-number']);
    assert.deepEqual(codes({ scope: 'sample', sampleSize: '', seed: '-3' }), ['/sampleSize size-needed', '/seed seed-not-a-number']);
  });

  it("refuses another organisation's cases, whatever else is asked", () => {
    const checked = checkAuditStart({ scope: 'all', organisationId: 'theirs' }, 'own');
    assert.ok(!checked.ok && isStartRefusal(checked.problems));
    assert.deepEqual(codes({ scope: 'sample', organisationId: 'theirs' }), ['/organisationId other-organisation']);
    const slip = checkAuditStart({ scope: 'sample' }, 'own');
    assert.ok(!slip.ok && !isStartRefusal(slip.problems));
  });

  it('has words for every problem', () => {
    for (const message of [...Object.values(START_PROBLEM_MESSAGES), ...Object.values(ANSWER_PROBLEM_MESSAGES)]) assert.match(message, /\.$/);
  });
});

describe('who may work on an audit', () => {
  const audit = { organisationId: 'health' };
  it('a safeguarding lead starts and answers; the leads and managers of its organisation read it', () => {
    assert.ok(mayStartAudit({ role: 'safeguarding-lead', organisationId: 'health' }));
    for (const role of ['manager', 'practitioner', 'admin'] as const) assert.ok(!mayStartAudit({ role, organisationId: 'health' }), role);
    assert.ok(mayReadAudit({ role: 'safeguarding-lead', organisationId: 'health' }, audit));
    assert.ok(mayReadAudit({ role: 'manager', organisationId: 'health' }, audit));
    assert.ok(!mayReadAudit({ role: 'practitioner', organisationId: 'health' }, audit));
    assert.ok(!mayReadAudit({ role: 'admin', organisationId: 'health' }, audit));
    assert.ok(!mayReadAudit({ role: 'safeguarding-lead', organisationId: 'police' }, audit), 'another organisation');
    assert.ok(mayAnswerAudit({ role: 'safeguarding-lead', organisationId: 'health' }, audit));
    assert.ok(!mayAnswerAudit({ role: 'manager', organisationId: 'health' }, audit));
    assert.ok(!mayAnswerAudit({ role: 'safeguarding-lead', organisationId: 'police' }, audit));
  });
});

describe('what the record says', () => {
  it('profile current: never reviewed, reviewed and not yet due, overdue, brought forward by a trigger', () => {
    assert.deepEqual(profileCurrentSays({ reason: 'never-reviewed', dueOn: null }, null, today), { suggests: 'no', words: 'The profile has never been reviewed.' });
    assert.deepEqual(profileCurrentSays({ reason: 'scheduled', dueOn: today }, '2026-10-25', today), { suggests: 'yes', words: 'Last reviewed on 25 October 2026; the next review is due on 22 November 2026.' });
    assert.deepEqual(profileCurrentSays({ reason: 'scheduled', dueOn: '2026-11-21' }, '2026-10-24', today), {
      suggests: 'no',
      words: 'Last reviewed on 24 October 2026; the next review was due on 21 November 2026 and is overdue.',
    });
    assert.equal(profileCurrentSays({ reason: 'trigger-event', dueOn: '2026-11-20', eventId: 'e' }, '2026-11-01', today).words, 'Last reviewed on 1 November 2026; the next review was due on 20 November 2026 (brought forward by a trigger event) and is overdue.');
  });

  describe('father assessed', () => {
    const evaluate = (people = [mother(), father()], assessments = everythingExcluded(['mother', 'father'])) => {
      const evaluation = evaluateProfile(facts({ people, assessments }));
      return fatherAssessedSays(evaluation.subjects, people);
    };
    it('yes when every man around the baby has his factors assessed', () => {
      assert.deepEqual(evaluate(), { suggests: 'yes', words: 'Daniel Okafor (father): every factor assessed.' });
    });
    it('no when a man has most of his factors still open; yes while under half are', () => {
      const none = evaluate([mother(), father()], everythingExcluded(['mother']));
      assert.equal(none.suggests, 'no');
      assert.match(none.words, /^Daniel Okafor \(father\): (\d+) of \1 factors not assessed\.$/);
      const all = everythingExcluded(['mother', 'father']);
      const fatherFactors = all.filter((a) => a.personId === 'father');
      const openTwo = fatherFactors.slice(0, 2).reduce((list, a) => withAssessment(list, assess(a.factorId, 'not-assessed', { personId: 'father' })), all);
      const some = evaluate([mother(), father()], openTwo);
      assert.equal(some.suggests, 'yes');
      assert.match(some.words, /: 2 of \d+ factors not assessed\.$/);
    });
    it('counts a mother’s partner and any other man, not a woman or a child', () => {
      const partner = person('partner', { name: 'Lee Cole', relationshipToInfant: 'mothers-partner', sex: 'unknown' });
      const uncle = person('uncle', { name: 'Sam Okafor', relationshipToInfant: 'other-relative', sex: 'male', livesInHousehold: true });
      const grandmother = person('gran', { name: 'Ada Okafor', relationshipToInfant: 'grandparent', sex: 'female', livesInHousehold: true });
      const says = evaluate([mother(), partner, uncle, grandmother], everythingExcluded(['mother', 'partner', 'uncle', 'gran']));
      assert.equal(says.words, "Lee Cole (mother's partner): every factor assessed; Sam Okafor (other relative): every factor assessed.");
    });
    it('no when no man is on the record', () => {
      assert.deepEqual(evaluate([mother()], everythingExcluded(['mother'])), { suggests: 'no', words: 'No father or other man around the baby is on the record.' });
    });
  });

  describe('seen awake', () => {
    const visit = (id: string, day: string, awake: 'awake' | 'asleep' | undefined, babySeen: boolean | null = true) =>
      entry(id, 'home-visit', day, { babySeen, ...(awake ? { livedExperience: { awakeOrAsleep: awake } } : {}) });
    it('not applicable before the birth', () => {
      assert.deepEqual(seenAwakeSays('unborn', [visit('a', '2026-11-01', 'awake')]), { suggests: 'not-applicable', words: 'The baby is not born yet.' });
    });
    it('no when no contact saw the baby, or none saw it awake', () => {
      assert.deepEqual(seenAwakeSays('born', [visit('a', '2026-11-01', undefined, false), entry('p', 'police-domestic-abuse-incident', '2026-11-02')]), { suggests: 'no', words: 'No contact on the record saw the baby.' });
      assert.deepEqual(seenAwakeSays('born', [visit('a', '2026-11-01', 'asleep'), visit('b', '2026-11-10', undefined)]), { suggests: 'no', words: 'Seen at 2 contacts, never recorded as awake.' });
    });
    it('no when asleep at the last two contacts that saw the baby, yes when one of them saw it awake', () => {
      const awakeThenAsleep = [visit('a', '2026-11-01', 'awake'), visit('b', '2026-11-08', 'asleep'), visit('c', '2026-11-15', 'asleep'), visit('d', '2026-11-20', undefined, false)];
      assert.deepEqual(seenAwakeSays('born', awakeThenAsleep), { suggests: 'no', words: 'Seen at 3 contacts; asleep at the last two, last seen awake on 1 November 2026.' });
      const wokeLast = [visit('a', '2026-11-01', 'asleep'), visit('b', '2026-11-08', 'asleep'), visit('c', '2026-11-15', 'awake')];
      assert.deepEqual(seenAwakeSays('born', wokeLast), { suggests: 'yes', words: 'Seen at 3 contacts; last seen awake on 15 November 2026.' });
      assert.equal(seenAwakeSays('born', [visit('a', '2026-11-01', 'awake'), visit('b', '2026-11-08', 'asleep')]).suggests, 'yes', 'asleep only once since');
    });
    it('reads the contact as corrected', () => {
      const first = visit('a', '2026-11-01', 'awake');
      assert.equal(seenAwakeSays('born', [first, correction('a2', first, { livedExperience: { awakeOrAsleep: 'asleep' } })]).words, 'Seen at 1 contact, never recorded as awake.');
    });
  });

  describe('plan checked', () => {
    const plan = { since: '2026-11-01', checkItems: 2 };
    const checked = (outcome: 'no-concern' | 'concern' | 'not-checked') => [{ itemId: 'i', text: 'Where the baby sleeps', outcome, note: '' }];
    it('not applicable without a plan, or without check items', () => {
      assert.deepEqual(planCheckedSays(null, []), { suggests: 'not-applicable', words: 'There is no plan.' });
      assert.deepEqual(planCheckedSays({ ...plan, checkItems: 0 }, []), { suggests: 'not-applicable', words: 'The plan has no check items.' });
    });
    it('nothing to suggest before the first contact since the plan changed', () => {
      assert.deepEqual(planCheckedSays(plan, [entry('old', 'home-visit', '2026-10-31', { planChecks: checked('concern') })]), { suggests: null, words: 'No contact since the plan was last changed on 1 November 2026.' });
    });
    it('yes when every contact since checked an item, no when one did not (an item not checked does not count)', () => {
      const both = [entry('a', 'home-visit', '2026-11-01', { planChecks: checked('no-concern') }), entry('b', 'phone-or-video-call', '2026-11-10T10:00:00Z', { planChecks: checked('concern') })];
      assert.deepEqual(planCheckedSays(plan, both), { suggests: 'yes', words: '2 of 2 contacts since the plan was last changed on 1 November 2026 checked its items.' });
      const missed = [...both, entry('c', 'home-visit', '2026-11-15', { planChecks: checked('not-checked') }), entry('d', 'home-visit', '2026-11-16'), entry('x', 'police-domestic-abuse-incident', '2026-11-16')];
      assert.deepEqual(planCheckedSays(plan, missed), { suggests: 'no', words: '2 of 4 contacts since the plan was last changed on 1 November 2026 checked its items.' });
    });
  });

  it('supervision: none, within the period (its last day included), past it', () => {
    assert.deepEqual(supervisionSays(null, today, 28), { suggests: 'no', words: 'No supervision of the case is recorded.' });
    assert.deepEqual(supervisionSays('2026-10-25', today, 28), { suggests: 'yes', words: "Last supervised on 25 October 2026, within the 28 days of the area's period." });
    assert.deepEqual(supervisionSays('2026-10-24', today, 28), { suggests: 'no', words: 'Last supervised on 24 October 2026: due again by 21 November 2026.' });
  });

  it('answers every question at once, in order', () => {
    const evaluation = evaluateProfile(facts());
    const all = recordSays({ status: 'born', today, review: { reason: 'scheduled', dueOn: '2027-01-01' }, lastReviewedOn: today, subjects: evaluation.subjects, people: [mother()], chronology: [], plan: null, lastSupervisedOn: null, supervisionPeriodDays: 28 });
    assert.deepEqual(Object.keys(all), [...QUESTION_IDS]);
    assert.deepEqual(Object.values(all).map((s) => s.suggests), ['yes', 'no', 'no', 'not-applicable', 'no']);
  });
});

describe('checking the answers for a case', () => {
  const all = (answer: string, note = '') => Object.fromEntries(QUESTION_IDS.map((id) => [id, { answer, note }]));
  it('takes an answer to every question, the notes trimmed', () => {
    const checked = checkAuditAnswers({ ...all('yes'), 'seen-awake': { answer: 'no', note: '  Asleep at every visit. ' }, 'plan-checked': { answer: 'not-applicable' } });
    assert.ok(checked.ok);
    assert.deepEqual(checked.answers['seen-awake'], { answer: 'no', note: 'Asleep at every visit.' });
    assert.deepEqual(checked.answers['plan-checked'], { answer: 'not-applicable', note: '' });
  });
  it('asks for every answer, a note with a no, and no note over the limit', () => {
    const checked = checkAuditAnswers({ ...all('yes'), 'profile-current': { answer: 'maybe' }, 'father-assessed': { answer: 'no', note: '  ' }, supervision: { answer: 'yes', note: 'x'.repeat(AUDIT_NOTE_LIMIT + 1) }, 'seen-awake': {} });
    assert.ok(!checked.ok);
    assert.deepEqual(checked.problems.map((p) => `${p.path} ${p.code}`), ['/profile-current/answer answer-needed', '/father-assessed/note note-needed', '/seen-awake/answer answer-needed', '/supervision/note too-long']);
  });
});

describe('the results of an audit', () => {
  const answered = (caseId: string, given: Partial<Record<QuestionId, AuditAnswer>>): AnsweredCase => ({
    caseId,
    babyName: `Baby ${caseId}`,
    answers: Object.fromEntries(Object.entries(given).map(([id, answer]) => [id, { answer, note: answer === 'no' ? `Note on ${caseId}` : '' }])),
  });
  const full = (caseId: string, over: Partial<Record<QuestionId, AuditAnswer>>) => answered(caseId, { ...Object.fromEntries(QUESTION_IDS.map((id) => [id, 'yes'])), ...over });

  it('counts each question by hand-checked numbers, the shares of the cases it applied to', () => {
    // Four cases, three answered. Father assessed: no, no, yes (2 of 3 no: 67%, 33%). Seen awake: n/a, yes, no (1 of 2). Plan: n/a, n/a, n/a (no share).
    const results = auditResults([
      full('a', { 'father-assessed': 'no', 'seen-awake': 'not-applicable', 'plan-checked': 'not-applicable' }),
      full('b', { 'father-assessed': 'no', 'plan-checked': 'not-applicable' }),
      full('c', { 'seen-awake': 'no', 'plan-checked': 'not-applicable', supervision: 'no' }),
      answered('d', {}),
    ]);
    assert.equal(results.cases, 4);
    assert.equal(results.answered, 3);
    const row = (id: QuestionId) => results.questions.find((q) => q.id === id)!;
    assert.deepEqual(row('father-assessed'), { id: 'father-assessed', question: 'Have the father and any male carers been assessed?', short: 'Father assessed', yes: 1, no: 2, notApplicable: 0, notAnswered: 1, percentYes: 33, percentNo: 67 });
    assert.deepEqual([row('seen-awake').yes, row('seen-awake').no, row('seen-awake').notApplicable, row('seen-awake').percentYes], [1, 1, 1, 50]);
    assert.deepEqual([row('plan-checked').notApplicable, row('plan-checked').percentYes, row('plan-checked').percentNo], [3, null, null]);
    assert.deepEqual([row('profile-current').yes, row('profile-current').percentYes], [3, 100]);
  });

  it('names the themes: most often no first, ties in the questions’ order, each with its cases and notes', () => {
    const results = auditResults([full('a', { supervision: 'no', 'seen-awake': 'no' }), full('b', { supervision: 'no' }), full('c', { 'profile-current': 'no' })]);
    assert.deepEqual(results.themes.map((t) => `${t.id} ${String(t.no)}`), ['supervision 2', 'profile-current 1', 'seen-awake 1']);
    assert.deepEqual(results.themes[0]!.cases, [
      { caseId: 'a', babyName: 'Baby a', note: 'Note on a' },
      { caseId: 'b', babyName: 'Baby b', note: 'Note on b' },
    ]);
  });

  it('has nothing to count in an audit of no answered case', () => {
    const results = auditResults([answered('a', {})]);
    assert.deepEqual(results.themes, []);
    assert.ok(results.questions.every((q) => q.notAnswered === 1 && q.percentYes === null));
  });
});
