// The three infants of the Derby and Derbyshire review (docs/domain.md, Sources), told as
// profiles: what the record held before harm came, and what the tool should have raised. Names
// and dates are invented; the facts are the review's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { evaluateProfile } from './evaluate-profile.ts';
import { assess, carerSays, event, everythingExcluded, familySays, findingIds, findingOf, person, record, seen, withAssessment } from './profile.test-support.ts';
import type { FactorAssessment, ProfileFacts } from './profile.types.ts';

const apply = (base: readonly FactorAssessment[], changes: readonly FactorAssessment[]) => changes.reduce(withAssessment, [...base]);

describe('Infant 1 (§5.1-5.16): a mother’s drinking accepted on her own account', () => {
  const sarah = person('sarah', { name: 'Sarah Hartley', relationshipToInfant: 'mother', dateOfBirth: '1989-04-02', sex: 'female' });
  const mark = person('mark', { name: 'Mark Hartley', relationshipToInfant: 'father', dateOfBirth: '1986-09-14', sex: 'male' });
  const alfie = person('alfie', { name: 'Alfie Hartley', relationshipToInfant: 'sibling', dateOfBirth: '2025-08-01', sex: 'male' });

  // §5.3-5.7. The husband is a carer of the baby, so what he says is recorded as `carer-account`:
  // a carer's word never verifies an exclusion, whoever it is about, but it can still contradict one.
  const drinking = assess('alcohol-misuse', 'excluded', {
    personId: 'sarah',
    evidence: [
      carerSays('absent', 'Denies using alcohol (assessed by the specialist substance misuse midwife)', { agency: 'Maternity', recordedAt: '2026-02-10' }),
      carerSays('absent', 'Occasional use only', { agency: 'GP surgery', recordedAt: '2026-08-12' }),
      seen('present', 'Drinking wine while making tea, no other adult in the house', { agency: 'Health visiting', recordedAt: '2026-09-03' }),
      familySays('present', 'Reported her missing with the children because of her drinking', { givenBy: 'her sister', agency: 'Police', recordedAt: '2026-09-20' }),
      carerSays('present', 'Reported her for driving the children while obviously drunk', { givenBy: 'her husband', agency: 'Police', recordedAt: '2026-10-15' }),
    ],
  });

  const recorded: FactorAssessment[] = apply(everythingExcluded(['sarah']), [
    drinking,
    assess('mental-health', 'present', { personId: 'sarah', detail: 'Depression and anxiety; stopped treatment in pregnancy, resumed after the birth', evidence: [record('present', 'GP record', { agency: 'GP surgery' })] }),
    // §5.1, §5.16: she drank to cope with stress.
    assess('harmful-stress-response', 'present', { personId: 'sarah', detail: 'Drinks to cope with stress', evidence: [record('present', 'History of chaotic drinking at times of stress', { agency: 'Maternity' })] }),
    assess('hard-to-soothe', 'present', { detail: 'Mother says she cannot cope with a toddler and a baby', evidence: [carerSays('present')] }),
    // §5.9: a protective factor, without saying how while he is at work all day.
    assess('supportive-partner', 'present', { personId: 'mark', detail: 'Professionals see father as a protective factor; works full time', evidence: [seen('present')] }),
  ]);

  const infant1: ProfileFacts = {
    today: '2026-11-22',
    infant: { status: 'born', name: 'Baby Hartley', dateOfBirth: '2026-06-01', expectedDeliveryDate: '2026-06-05', gestationAtBirthWeeks: 39, birthWeightGrams: 3300, multipleBirth: false, independentlyMobile: false },
    people: [sarah, mark, alfie],
    assessments: recorded,
    events: [],
    lastReviewedAt: '2026-11-01',
    reviewDueOn: '2026-12-01',
  };
  const evaluation = evaluateProfile(infant1);

  it('shows the conflict between her account and her sister, her husband and the health visitor', () => {
    const conflict = findingOf(evaluation, 'conflicting-information');
    assert.equal(
      conflict?.rationale,
      "Sarah Hartley's alcohol misuse was excluded on her own account, but an observation by Health visiting, her sister and her husband say otherwise.",
    );
    assert.deepEqual(conflict?.personIds, ['sarah']);
  });

  it('does not count her drinking as excluded: it rests on her word alone', () => {
    const factor = evaluation.subjects.find((s) => s.personId === 'sarah')?.risk.find((f) => f.factorId === 'alcohol-misuse');
    assert.deepEqual([factor?.effectiveStatus, factor?.verified, factor?.conflict], ['unverified-exclusion', false, true]);
    assert.match(findingOf(evaluation, 'unverified-exclusion')?.rationale ?? '', /Sarah Hartley's alcohol misuse was excluded on her own account alone/);
  });

  it('questions the father as a protective factor: how, and when he is there', () => {
    assert.equal(
      findingOf(evaluation, 'protective-claim-unsupported')?.rationale,
      'Mark Hartley is recorded as a supportive partner without saying how he protects the baby or when he is there.',
    );
  });

  it('names her response to stress against the stress of a toddler and a baby who is hard to settle', () => {
    const stress = findingOf(evaluation, 'stress-response');
    assert.deepEqual(stress?.factorIds, ['harmful-stress-response', 'hard-to-soothe', 'sibling-under-two']);
    assert.equal(
      stress?.rationale,
      'Sarah Hartley is known to respond to stress harmfully (Drinks to cope with stress), and the home is under pressure from crying or being hard to settle and another child under two at home.',
    );
  });

  it('treats her drinking as chaotic until shown otherwise, and asks for the father to be assessed', () => {
    assert.ok(findingOf(evaluation, 'chaotic-substance-use'));
    assert.deepEqual(findingOf(evaluation, 'adult-not-assessed')?.personIds, ['mark']);
  });

  it('raises these, highest first, and nothing critical yet', () => {
    assert.deepEqual(findingIds(evaluation), ['chaotic-substance-use', 'stress-response', 'conflicting-information', 'unverified-exclusion', 'adult-not-assessed', 'protective-claim-unsupported', 'gp-not-informed']);
  });

  it('would have raised unsafe sleep as critical had anyone recorded her dozing in the armchair with the baby (§5.11)', () => {
    const armchair = event('e1', 'information-from-family', { indicates: ['unsafe-sleep'], note: 'Falls asleep in the armchair with the baby after drinking', occurredAt: '2026-11-20' });
    const found = findingOf(evaluateProfile({ ...infant1, events: [armchair] }), 'unsafe-sleep-combination');
    assert.equal(found?.severity, 'critical');
    assert.match(found?.rationale ?? '', /Sarah Hartley's alcohol misuse/);
  });
});

describe('Infant 2 (§5.18-5.43): a fragile baby in a family under strain', () => {
  const karen = person('karen', { name: 'Karen Doyle', relationshipToInfant: 'mother', sex: 'female', dateOfBirth: '1986-02-11' });
  const steven = person('steven', { name: 'Steven Doyle', relationshipToInfant: 'father', sex: 'male', dateOfBirth: '1982-05-30' });
  const siblings = ['2011-03-01', '2013-06-01', '2016-09-01', '2019-01-01', '2023-05-01'].map((dob, i) =>
    person(`child${i + 1}`, { name: `Doyle child ${i + 1}`, relationshipToInfant: 'sibling', dateOfBirth: dob }),
  );
  // §5.19, §5.30: recorded on the unit and passed to the social worker, but never weighed.
  const verbalAbuse = seen('present', 'Verbally abusive to mother and/or an older child on the neonatal unit', { agency: 'Neonatal unit', recordedAt: '2026-07-25' });

  const recorded: FactorAssessment[] = apply(everythingExcluded(['karen']), [
    assess('disability-or-complex-health', 'present', { detail: 'Chromosome abnormality: feeding, growth and development; fragile bones' }),
    assess('neonatal-unit-stay', 'present', { detail: 'Six weeks in the neonatal unit; parents visited infrequently' }),
    assess('feeding-difficulty', 'present', { detail: 'Home with a feeding tube; poor weight gain' }),
    assess('large-family', 'present', { detail: 'Five older children' }),
    assess('child-with-additional-needs', 'present', { detail: 'A brother with a congenital health problem; the eldest educated at home' }),
    assess('bereavement', 'present', { detail: 'An earlier stillbirth' }),
    assess('material-hardship', 'present', { detail: 'Washing machine and vacuum cleaner broken; no money to replace them' }),
    // §5.29-5.33: health visitors saw an acceptable home; early help and school saw neglect.
    assess('poor-home-conditions', 'excluded', {
      evidence: [seen('absent', 'Home acceptable at visit', { agency: 'Health visiting' }), record('present', 'Unsatisfactory home conditions; children unkempt', { agency: 'Early Help' })],
    }),
    assess('mental-health', 'present', { personId: 'karen', detail: 'Mental health concerns in the health record' }),
    assess('physical-illness-or-disability', 'present', { personId: 'karen', detail: 'Ongoing physical health problems' }),
    assess('domestic-abuse-victim', 'not-assessed', { personId: 'karen', evidence: [verbalAbuse] }),
    assess('mental-health', 'present', { personId: 'steven', detail: 'Mental health condition' }),
    assess('disengagement', 'present', { personId: 'steven', detail: 'Very poor engagement with social care' }),
    assess('domestic-abuse-perpetrator', 'not-assessed', { personId: 'steven', evidence: [verbalAbuse] }),
    // §5.34: observed handling the baby, but would not talk.
    assess('harmful-stress-response', 'cannot-assess', { personId: 'steven', reason: 'Does not engage in any conversation with the social worker', evidence: [verbalAbuse] }),
  ]);

  const infant2: ProfileFacts = {
    today: '2026-11-01',
    infant: { status: 'born', name: 'Baby Doyle', dateOfBirth: '2026-07-10', expectedDeliveryDate: '2026-08-28', gestationAtBirthWeeks: 33, birthWeightGrams: 1900, multipleBirth: false, independentlyMobile: false },
    people: [karen, steven, ...siblings],
    assessments: recorded,
    // §5.23: eight days in hospital at three months; the social worker was not told of the discharge.
    events: [
      event('adm', 'hospital-admission', { occurredAt: '2026-10-10', agency: 'Children’s ward', note: 'Feeding problems and poor weight gain' }),
      event('dis', 'hospital-discharge', { occurredAt: '2026-10-18', agency: 'Children’s ward' }),
    ],
    lastReviewedAt: '2026-10-01',
    reviewDueOn: '2026-11-12',
  };
  const before = evaluateProfile(infant2);

  it('joins the father’s known response to stress to the many pressures on the family', () => {
    const stress = findingOf(before, 'stress-response');
    assert.deepEqual(stress?.personIds, ['steven']);
    for (const id of ['disability-or-complex-health', 'feeding-difficulty', 'large-family', 'child-with-additional-needs', 'bereavement', 'material-hardship'] as const) {
      assert.ok(stress?.factorIds.includes(id), id);
    }
  });

  it('raises the verbal abuse seen on the neonatal unit as domestic abuse', () => {
    assert.deepEqual(findingOf(before, 'domestic-abuse')?.personIds, ['karen', 'steven']);
    assert.match(findingOf(before, 'domestic-abuse')?.rationale ?? '', /according to an observation by Neonatal unit/);
  });

  it('shows the father as hidden risk and unassessed', () => {
    assert.match(findingOf(before, 'hidden-risk')?.rationale ?? '', /Steven Doyle's harmful response to stress cannot be assessed: Does not engage/);
    assert.deepEqual(findingOf(before, 'adult-not-assessed')?.personIds, ['steven']);
  });

  it('shows the contrasting pictures of the home rather than picking one', () => {
    assert.match(findingOf(before, 'conflicting-information')?.rationale ?? '', /The household's poor state of the home was excluded, but a record from Early Help says otherwise/);
  });

  it('re-opens the profile on the hospital admission and discharge nobody passed on', () => {
    assert.match(findingOf(before, 'reassessment-due')?.rationale ?? '', /2 trigger events since the last review on 1 October 2026: admitted to hospital and discharged from hospital/);
  });

  it('raises the discharge nobody planned once a social worker is in the team (§5.23), and clears it with a plan for that stay', () => {
    const withSocialWorker = evaluateProfile({ ...infant2, teamAgencies: ['health-visiting', 'childrens-social-care'] });
    assert.equal(
      findingOf(withSocialWorker, 'discharge-without-plan')?.rationale,
      'Baby Doyle went home from hospital on 18 October 2026 with no discharge plan recorded for the stay, and a social worker in the team around the family.',
    );
    assert.equal(findingOf(before, 'discharge-without-plan'), undefined, 'no social worker known: nothing to raise');
    const planned = event('plan', 'discharge-plan', { occurredAt: '2026-10-17', agency: 'Children’s ward' });
    assert.equal(findingOf(evaluateProfile({ ...infant2, teamAgencies: ['childrens-social-care'], events: [...infant2.events, planned] }), 'discharge-without-plan'), undefined);
  });

  it('puts a fractured rib and bruising at the top, as critical, the day they are seen (§5.24)', () => {
    const injury = event('xray', 'injury-observed', { occurredAt: '2026-11-06', agency: 'Radiology', note: 'Six rib fractures; bruising to both soles and the back' });
    const after = evaluateProfile({ ...infant2, today: '2026-11-06', events: [...infant2.events, injury] });
    assert.equal(after.findings[0]?.id, 'non-mobile-injury');
    assert.equal(after.findings[0]?.rationale, 'Baby Doyle (3 months old, under 6 months) has an injury: Six rib fractures; bruising to both soles and the back (Radiology).');
  });
});

describe('Infant 3 (§5.45-5.56): conflict with an ex-partner and feeding worries', () => {
  const amy = person('amy', { name: 'Amy Price', relationshipToInfant: 'mother', sex: 'female', dateOfBirth: '1996-01-20' });
  const ryan = person('ryan', { name: 'Ryan Cole', relationshipToInfant: 'father', sex: 'male', dateOfBirth: '1994-10-02' });
  const mia = person('mia', { name: 'Mia Price', relationshipToInfant: 'half-sibling', dateOfBirth: '2023-04-01', sex: 'female' });
  // The half-sibling's father: in the record, not around the baby, never contacted (§5.54).
  const ex = person('jason', { name: 'Jason Reid', relationshipToInfant: 'other-relative', livesInHousehold: false, caresForInfant: false, visitsRegularly: false, sex: 'male' });

  // §5.46: three call-outs by the mother about her ex-partner, one by him about her.
  const incidents = [
    event('p1', 'police-domestic-abuse-incident', { occurredAt: '2025-12-10', victimIds: ['amy'], perpetratorIds: ['jason'], agency: 'Derbyshire Police' }),
    event('p2', 'police-domestic-abuse-incident', { occurredAt: '2026-03-02', victimIds: ['amy'], perpetratorIds: ['jason'], agency: 'Derbyshire Police' }),
    event('p3', 'police-domestic-abuse-incident', {
      occurredAt: '2026-05-14',
      victimIds: ['jason'],
      perpetratorIds: ['amy'],
      agency: 'Derbyshire Police',
      // The record of her part in it is evidence of how she responds under stress (§5.54: her contribution was not considered).
      indicates: ['harmful-stress-response'],
      note: 'Ex-partner reports her aggression during an argument over contact',
    }),
    event('p4', 'police-domestic-abuse-incident', { occurredAt: '2026-06-20', victimIds: ['amy'], perpetratorIds: ['jason'], agency: 'Derbyshire Police' }),
  ];

  const recorded: FactorAssessment[] = apply(everythingExcluded(['amy']), [
    assess('domestic-abuse-victim', 'present', { personId: 'amy', detail: 'Police call-outs about her ex-partner; DASH medium risk' }),
    assess('domestic-abuse-perpetrator', 'not-assessed', { personId: 'amy' }),
    assess('harmful-stress-response', 'not-assessed', { personId: 'amy' }),
    assess('parental-conflict', 'present', { detail: 'Conflict with the ex-partner over contact; Mia’s behaviour worse after contact' }),
    assess('child-with-additional-needs', 'present', { detail: 'Mia: speech and language difficulties and challenging behaviour' }),
    // §5.50: frequent GP visits about feeding and weight gain; a paediatric referral.
    assess('feeding-difficulty', 'present', { detail: 'Frequent GP visits about feeding and weight gain' }),
  ]);

  const infant3: ProfileFacts = {
    today: '2026-11-10',
    infant: { status: 'born', name: 'Baby Cole', dateOfBirth: '2026-08-05', expectedDeliveryDate: '2026-08-08', gestationAtBirthWeeks: 40, birthWeightGrams: 3500, multipleBirth: false, independentlyMobile: false },
    people: [amy, ryan, mia, ex],
    assessments: recorded,
    events: incidents,
    lastReviewedAt: '2026-10-20',
    reviewDueOn: '2026-12-01',
  };
  const before = evaluateProfile(infant3);

  it('raises domestic abuse both ways, and the number of incidents at the cusp of high risk (§5.54)', () => {
    const abuse = findingOf(before, 'domestic-abuse');
    assert.deepEqual(abuse?.facts, [
      'Amy Price is experiencing domestic abuse: Police call-outs about her ex-partner; DASH medium risk',
      'Amy Price is perpetrating domestic abuse (according to a record from Derbyshire Police)',
      '4 police domestic abuse incidents in the last 12 months: consider MARAC whatever the DASH score',
    ]);
  });

  it('treats the conflict and the feeding worries as stress meeting the mother’s known response (§5.56)', () => {
    const stress = findingOf(before, 'stress-response');
    assert.deepEqual(stress?.personIds, ['amy']);
    assert.deepEqual(stress?.factorIds, ['harmful-stress-response', 'feeding-difficulty', 'parental-conflict', 'child-with-additional-needs']);
  });

  it('asks for the baby’s father to be assessed', () => {
    assert.deepEqual(findingOf(before, 'adult-not-assessed')?.personIds, ['ryan']);
  });

  it('raises these, and no injury yet', () => {
    assert.deepEqual(findingIds(before), ['domestic-abuse', 'stress-response', 'adult-not-assessed', 'gp-not-informed']);
  });

  it('raises the fractures found at three and a half months as critical, against the earlier exclusion, and re-opens the profile (§5.51)', () => {
    const hospital = [
      event('ed', 'emergency-attendance', { occurredAt: '2026-11-20', agency: 'Emergency department', note: 'Raised temperature' }),
      event('xr', 'injury-observed', { occurredAt: '2026-11-20', agency: 'Emergency department', note: 'Swollen leg: fractures at both ends of the femur; rib fractures' }),
    ];
    const after = evaluateProfile({ ...infant3, today: '2026-11-20', events: [...incidents, ...hospital] });
    assert.deepEqual(findingIds(after), ['non-mobile-injury', 'domestic-abuse', 'stress-response', 'conflicting-information', 'adult-not-assessed', 'reassessment-due', 'gp-not-informed']);
    assert.match(findingOf(after, 'conflicting-information')?.rationale ?? '', /^Baby Cole's injury was excluded, but an observation by Emergency department says otherwise/);
  });
});
