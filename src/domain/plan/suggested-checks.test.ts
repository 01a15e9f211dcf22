import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateProfile } from '../profile/evaluate-profile.ts';
import { assess, carerSays, everythingExcluded, facts, father, mother, record, seen, unbornBaby, withAssessment } from '../profile/profile.test-support.ts';
import type { FactorAssessment, ProfileFacts } from '../profile/profile.types.ts';
import { CHECK_TEMPLATES, suggestCheckItems } from './suggested-checks.ts';

const both = ['mother', 'father'];
const withBoth = (...changes: FactorAssessment[]): Partial<ProfileFacts> => ({
  people: [mother(), father()],
  assessments: changes.reduce(withAssessment, everythingExcluded(both)),
});
const suggest = (input: Partial<ProfileFacts>, born = true) => suggestCheckItems(evaluateProfile(facts(input)), { born });
const texts = (input: Partial<ProfileFacts>, born = true) => suggest(input, born).map((item) => item.text);

describe('check items suggested from the profile', () => {
  it('suggests nothing when every factor is excluded on evidence and nothing is found', () => {
    const evaluation = evaluateProfile(facts(withBoth()));
    assert.deepEqual(evaluation.findings.map((f) => f.id), []);
    assert.deepEqual(suggestCheckItems(evaluation), []);
  });

  it('asks whether mother is drinking when her alcohol misuse is present, of any visitor at every contact', () => {
    const [item, ...rest] = suggest(withBoth(assess('alcohol-misuse', 'present', { personId: 'mother', pattern: 'stable' })));
    assert.deepEqual(rest, []);
    assert.equal(item!.text, 'Is Grace Okafor drinking');
    assert.match(item!.question, /smell of alcohol/);
    assert.equal(item!.factorId, 'alcohol-misuse');
    assert.equal(item!.personId, 'mother');
    assert.deepEqual(item!.checkedBy, [], 'any visitor');
    assert.equal(item!.frequency, 'every-contact');
    assert.deepEqual(item!.because, ['Alcohol misuse (Grace Okafor): present or indicated']);
  });

  it('asks about drinking when it was excluded on her word alone (a visit is the second source), not when a record verifies it', () => {
    const onHerWord = suggest(withBoth(assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [carerSays('absent', 'I do not drink')] })));
    assert.deepEqual(onHerWord.map((i) => [i.text, i.because[0]]), [['Is Grace Okafor drinking', 'Alcohol misuse (Grace Okafor): excluded on the carer’s word alone']]);
    assert.deepEqual(texts(withBoth(assess('alcohol-misuse', 'excluded', { personId: 'mother', evidence: [record('absent')] }))), []);
  });

  it('asks when sources disagree', () => {
    const conflict = assess('drug-misuse', 'excluded', { personId: 'father', evidence: [record('absent'), seen('present', 'Cannabis smell at the visit')] });
    assert.deepEqual(texts(withBoth(conflict)), ['Is Daniel Okafor using drugs']);
  });

  it('asks where the baby sleeps, or will sleep before the birth', () => {
    const unsafeSleep = assess('unsafe-sleep', 'present', { detail: 'Sleeps on the sofa' });
    assert.deepEqual(texts(withBoth(unsafeSleep)), ['Where the baby sleeps']);
    const unborn = suggest({ ...withBoth(unsafeSleep), infant: unbornBaby('2027-02-01') }, false);
    assert.deepEqual(unborn.map((i) => i.text), ['Where the baby will sleep']);
    assert.match(unborn[0]!.question, /^Where will the baby sleep\?/);
  });

  it('asks who is staying when a new adult has joined the household', () => {
    const [item] = suggest(withBoth(assess('new-adult', 'present', { detail: 'Mum’s new partner stays most nights' })));
    assert.equal(item!.text, 'Who is staying at the home');
    assert.equal(item!.factorId, 'new-adult');
    assert.equal(item!.personId, undefined);
  });

  it('asks to see the baby awake and undressed after an injury, of health and social care, not of housing or police', () => {
    const items = suggest(withBoth(assess('injury', 'present', { detail: 'Bruise on the cheek' })));
    const seenUndressed = items.find((i) => i.text === 'Baby seen awake and undressed');
    assert.ok(seenUndressed);
    assert.deepEqual(seenUndressed.checkedBy, ['midwifery', 'health-visiting', 'gp', 'hospital', 'childrens-social-care']);
    assert.ok(seenUndressed.because.some((b) => b === 'Finding: Injury to a baby who is not independently mobile'), seenUndressed.because.join('; '));
  });

  it('asks to see the baby when the chronology shows nobody has, and who is there when an adult is hidden, though no factor says so', () => {
    const evaluation = evaluateProfile(facts(withBoth()));
    const withFinding = (id: 'baby-not-seen' | 'hidden-risk' | 'missed-appointments' | 'reassessment-due') =>
      suggestCheckItems({ ...evaluation, findings: [{ id, severity: 'high', title: '', rationale: '', facts: [], factorIds: [], personIds: [], citations: [], suggestedAction: '' }] }).map((i) => [i.text, i.because]);
    assert.deepEqual(withFinding('baby-not-seen'), [['Baby seen awake and undressed', ['Finding: The baby is not being seen']]]);
    assert.deepEqual(withFinding('hidden-risk'), [['Who is staying at the home', ['Finding: Hidden risk']]]);
    assert.deepEqual(withFinding('missed-appointments').map(([text]) => text), ['Appointments kept']);
    assert.deepEqual(withFinding('reassessment-due'), [], 'a review falling due is not a visitor’s check');
  });

  it('names the person in a domestic abuse check: is she safe at home, is he there; never the other way round', () => {
    const items = suggest(
      withBoth(
        assess('domestic-abuse-victim', 'present', { personId: 'mother', detail: 'Police callout' }),
        assess('domestic-abuse-perpetrator', 'present', { personId: 'father', detail: 'Police callout' }),
      ),
    );
    assert.deepEqual(items.map((i) => [i.text, i.personId]), [
      ['Is Grace Okafor safe at home', 'mother'],
      ['Is Daniel Okafor at the home', 'father'],
    ]);
    assert.match(items[0]!.question, /^Only when Grace Okafor is on their own/);
  });

  it('gives one check for a factor and the finding that rests on it, with both reasons, in the templates’ order', () => {
    const items = suggest(withBoth(assess('smoking-in-home', 'present', { detail: 'Both smoke indoors' }), assess('unsafe-sleep', 'present', { detail: 'Sofa' })));
    assert.deepEqual(items.map((i) => i.text), ['Where the baby sleeps', 'Smoking in the home']);
    assert.deepEqual(items[0]!.because, ['Unsafe sleep: present or indicated', 'Finding: Unsafe sleep with a risk that makes it worse']);
    assert.deepEqual(new Set(items.map((i) => i.key)).size, items.length);
  });

  it('gives a check per adult for the same factor', () => {
    const items = suggest(
      withBoth(assess('alcohol-misuse', 'present', { personId: 'father', pattern: 'stable' }), assess('alcohol-misuse', 'present', { personId: 'mother', pattern: 'stable' })),
    );
    assert.deepEqual(items.map((i) => [i.key, i.text]), [
      ['drinking|mother', 'Is Grace Okafor drinking'],
      ['drinking|father', 'Is Daniel Okafor drinking'],
    ]);
  });

  it('suggests nothing for what a visit cannot tell: a young parent, a childhood, a child removed before', () => {
    const items = suggest(
      withBoth(
        assess('young-parent', 'present', { personId: 'mother' }),
        assess('childhood-adversity', 'present', { personId: 'mother' }),
        assess('previous-child-harmed-or-removed', 'present', { personId: 'father' }),
      ),
    );
    assert.deepEqual(items, []);
  });

  it('suggests nothing for factors not assessed yet: that is the profile’s work; only the findings ask for a check', () => {
    const items = suggest({ people: [mother(), father()], assessments: [] });
    assert.ok(items.every((i) => i.because.every((b) => b.startsWith('Finding: '))), JSON.stringify(items.map((i) => i.because)));
    assert.deepEqual(items.map((i) => i.text), ['Who is staying at the home']);
  });

  it('never suggests a check from a protective factor', () => {
    assert.deepEqual(texts(withBoth(assess('supportive-wider-family', 'present', { detail: 'Grandmother visits daily' }))), []);
  });

  it('words every check for a visitor: a short text and a question, each template naming a factor', () => {
    for (const [id, template] of Object.entries(CHECK_TEMPLATES)) {
      const text = template.text('Sam', true);
      const question = template.question('Sam', true);
      assert.ok(text.length > 0 && text.length <= 60 && !text.endsWith('.'), id);
      assert.ok(question.length > text.length && /[?.]$/.test(question), id);
      assert.equal(template.perPerson, text.includes('Sam'), id);
    }
  });
});
