import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CATALOGUE,
  FACTORS,
  STRESSOR_FACTOR_IDS,
  eventKindById,
  factorById,
  factorsFor,
  findingDefinition,
  isEventKindId,
  isFactorId,
  isStressor,
  isTriggerEventKind,
} from './catalogue.ts';
import { CATALOGUE_VERSION } from './catalogue-version.ts';
import { resolveCinCode } from './cin-codes.ts';
import { EVENT_KINDS } from './event-kinds.ts';
import { EVIDENCE_SOURCE_IDS, isIndependentSource } from './evidence-sources.ts';
import { FINDING_DEFINITIONS } from './finding-definitions.ts';
import { SOURCE_LIST, type Source } from './sources.ts';
import { FACTOR_STATUS_IDS } from './statuses.ts';

// The ids of catalogue version 1 (docs/profile-catalogue.md), copied by hand: a rename in the code fails here.
const PROFILE_MD = {
  infant: [
    'prematurity', 'low-birth-weight', 'multiple-birth', 'disability-or-complex-health', 'neonatal-unit-stay', 'feeding-difficulty',
    'hard-to-soothe', 'faltering-growth', 'sibling-under-two', 'sibling-on-plan', 'injury', 'was-not-brought', 'late-booking',
    'concealed-pregnancy', 'termination-not-carried-out',
  ],
  adult: [
    'young-parent', 'childhood-adversity', 'mental-health', 'alcohol-misuse', 'drug-misuse', 'learning-disability', 'domestic-abuse-victim',
    'domestic-abuse-perpetrator', 'violent-offending', 'previous-child-harmed-or-removed', 'harmful-stress-response', 'disengagement',
    'unrealistic-expectations', 'physical-illness-or-disability', 'mistreats-animals', 'identity-unknown',
  ],
  household: [
    'unsafe-sleep', 'smoking-in-home', 'housing-instability', 'material-hardship', 'poor-home-conditions', 'parental-conflict', 'new-adult',
    'large-family', 'child-with-additional-needs', 'bereavement', 'isolation',
  ],
  protective: ['supportive-partner', 'supportive-wider-family', 'engages-with-services', 'capacity-to-change', 'safe-sleep-space', 'understands-safety-advice'],
  verified: [
    'mental-health', 'alcohol-misuse', 'drug-misuse', 'domestic-abuse-victim', 'domestic-abuse-perpetrator', 'violent-offending',
    'previous-child-harmed-or-removed', 'harmful-stress-response', 'mistreats-animals', 'unsafe-sleep', 'parental-conflict',
  ],
  derived: ['prematurity', 'low-birth-weight', 'multiple-birth', 'young-parent', 'identity-unknown', 'sibling-under-two', 'faltering-growth'],
  findings: [
    ['non-mobile-injury', 'critical'], ['unsafe-sleep-combination', 'critical'], ['previous-child-removed', 'high'], ['domestic-abuse', 'high'],
    ['chaotic-substance-use', 'high'], ['stress-response', 'high'], ['conflicting-information', 'high'], ['unverified-exclusion', 'attention'],
    ['hidden-risk', 'high'], ['adult-not-assessed', 'attention'], ['protective-claim-unsupported', 'attention'], ['fresh-start', 'high'],
    ['reassessment-due', 'attention'], ['pre-birth-assessment-due', 'high'],
  ],
  triggers: [
    'birth', 'neonatal-admission', 'neonatal-discharge', 'hospital-admission', 'hospital-discharge', 'emergency-attendance', 'injury-observed',
    'police-domestic-abuse-incident', 'police-incident', 'substance-use-increase', 'mental-health-deterioration', 'relationship-breakdown',
    'new-adult-in-household', 'adult-left-household', 'animal-mistreatment', 'new-pregnancy', 'sibling-born', 'change-of-address',
    // Issue 15: a safeguarding flag from another agency's system.
    'safeguarding-flag',
  ],
  notTriggers: [
    'antenatal-booking', 'home-visit', 'clinic-contact', 'gp-consultation', 'was-not-brought', 'referral', 'strategy-discussion',
    'assessment-completed', 'conference', 'plan-review', 'safe-sleep-discussion', 'coping-with-crying-discussion', 'information-from-family', 'case-note',
    // Catalogue version 4: what the clocks, the discharge plan and the GP's part are read from.
    'referral-decision', 'core-group', 'discharge-plan', 'gp-informed',
    // Issue 14: the contacts practitioners record.
    'new-birth-visit', 'six-to-eight-week-review', 'antenatal-appointment', 'phone-or-video-call', 'joint-visit', 'unannounced-visit',
  ],
} as const;

describe('the factor catalogue', () => {
  it('is version 4: version 1, the findings from chronology patterns, the plan check finding, and the discharge plan and GP findings', () => {
    assert.equal(CATALOGUE_VERSION, 4);
    assert.equal(CATALOGUE.version, 4);
  });

  it('has exactly the factors of version 1 for each subject, in its order', () => {
    assert.deepEqual(factorsFor('infant', 'risk').map((f) => f.id), PROFILE_MD.infant);
    assert.deepEqual(factorsFor('adult', 'risk').map((f) => f.id), PROFILE_MD.adult);
    assert.deepEqual(factorsFor('household', 'risk').map((f) => f.id), PROFILE_MD.household);
    assert.deepEqual(FACTORS.filter((f) => f.kind === 'protective').map((f) => f.id), PROFILE_MD.protective);
    assert.equal(new Set(FACTORS.map((f) => f.id)).size, FACTORS.length, 'ids are unique');
  });

  it('marks the V column as needing verification, and only those', () => {
    assert.deepEqual(FACTORS.filter((f) => f.needsVerification).map((f) => f.id).sort(), [...PROFILE_MD.verified].sort());
  });

  it('marks the factors that fill themselves from the record as derived, and only those', () => {
    assert.deepEqual(FACTORS.filter((f) => f.derived).map((f) => f.id).sort(), [...PROFILE_MD.derived].sort());
  });

  it('asks for a stable or chaotic pattern for alcohol and drug misuse only', () => {
    assert.deepEqual(FACTORS.filter((f) => f.substanceUse).map((f) => f.id), ['alcohol-misuse', 'drug-misuse']);
  });

  it('gives every factor a label, a phrase, plain help, questions to ask and a publication to trace it to', () => {
    const sources: readonly Source[] = SOURCE_LIST;
    for (const factor of FACTORS) {
      assert.ok(factor.label.length > 3, factor.id);
      assert.match(factor.phrase, /^[a-z]/, `${factor.id} phrase reads mid-sentence`);
      assert.ok(factor.help.length > 40, `${factor.id} help`);
      assert.ok(factor.questions.length >= 2, `${factor.id} has at least two questions`);
      for (const question of factor.questions) assert.match(question, /\?$/, `${factor.id}: "${question}" is a question`);
      assert.ok(factor.citations.length > 0 && factor.citations.every((c) => sources.includes(c.source) && c.section !== ''), `${factor.id} cites a publication and where in it`);
    }
  });

  it('puts supportive partner, engagement, capacity to change and safety advice on each adult, the rest on the household', () => {
    assert.deepEqual(factorsFor('adult', 'protective').map((f) => f.id), ['supportive-partner', 'engages-with-services', 'capacity-to-change', 'understands-safety-advice']);
    assert.deepEqual(factorsFor('household', 'protective').map((f) => f.id), ['supportive-wider-family', 'safe-sleep-space']);
  });

  it('looks factors up by id and rejects unknown ones', () => {
    assert.equal(factorById('alcohol-misuse')?.subject, 'adult');
    assert.equal(factorById('beer'), undefined);
    assert.equal(isFactorId('unsafe-sleep'), true);
    assert.equal(isFactorId('unsafe-sleeping'), false);
  });
});

describe('statuses and evidence sources', () => {
  it('has the four statuses', () => {
    assert.deepEqual(FACTOR_STATUS_IDS, ['not-assessed', 'excluded', 'present', 'cannot-assess']);
  });

  it('has the five sources, and only the carer’s own account cannot verify an exclusion', () => {
    assert.deepEqual(EVIDENCE_SOURCE_IDS, ['observed', 'agency-record', 'third-party', 'carer-account', 'professional-judgement']);
    assert.deepEqual(EVIDENCE_SOURCE_IDS.filter((s) => !isIndependentSource(s)), ['carer-account']);
    assert.equal(isIndependentSource('gossip'), false);
  });
});

describe('the stressors for the stress-response finding', () => {
  it('are the household pressures and the baby’s crying, feeding, health needs and a sibling under two', () => {
    assert.deepEqual(STRESSOR_FACTOR_IDS, [
      'disability-or-complex-health', 'feeding-difficulty', 'hard-to-soothe', 'sibling-under-two',
      'housing-instability', 'material-hardship', 'poor-home-conditions', 'parental-conflict', 'new-adult', 'large-family',
      'child-with-additional-needs', 'bereavement', 'isolation',
    ]);
  });

  it('leave out unsafe sleep and smoking, which are hazards rather than pressures', () => {
    assert.equal(isStressor('unsafe-sleep'), false);
    assert.equal(isStressor('smoking-in-home'), false);
    assert.equal(isStressor('material-hardship'), true);
  });
});

describe('event kinds', () => {
  it('mark exactly the version 1 triggers and the safeguarding flag (issue 15), and none of the other kinds added since', () => {
    for (const id of PROFILE_MD.triggers) assert.equal(isTriggerEventKind(id), true, id);
    for (const id of PROFILE_MD.notTriggers) assert.equal(isTriggerEventKind(id), false, id);
    assert.equal(EVENT_KINDS.length, PROFILE_MD.triggers.length + PROFILE_MD.notTriggers.length);
    assert.equal(isTriggerEventKind('party'), false);
  });

  it('say which factors each adds evidence of, all of them real non-derived factors', () => {
    assert.deepEqual(eventKindById('injury-observed')?.indicates, ['injury']);
    assert.deepEqual(eventKindById('police-domestic-abuse-incident')?.indicates, ['domestic-abuse-victim', 'domestic-abuse-perpetrator']);
    assert.deepEqual(eventKindById('substance-use-increase')?.indicates, ['alcohol-misuse', 'drug-misuse']);
    assert.deepEqual(eventKindById('change-of-address')?.indicates, ['housing-instability']);
    assert.deepEqual(eventKindById('adult-left-household')?.indicates, ['new-adult']);
    assert.equal(eventKindById('information-from-family')?.indicatesAsStated, true);
    for (const kind of EVENT_KINDS) {
      for (const id of kind.indicates) assert.equal(factorById(id)?.derived, false, `${kind.id} -> ${id}`);
    }
    assert.equal(isEventKindId('birth'), true);
    assert.equal(isEventKindId('christening'), false);
  });
});

describe('findings', () => {
  it('are version 1’s ids and severities in catalogue order, then version 2’s, 3’s and 4’s, each with an action and guidance from the publications', () => {
    assert.deepEqual(FINDING_DEFINITIONS.slice(0, 14).map((f) => [f.id, f.severity]), PROFILE_MD.findings);
    assert.deepEqual(FINDING_DEFINITIONS.slice(14, 19).map((f) => [f.id, f.severity]), [
      ['relapse', 'high'], ['baby-not-seen', 'high'], ['repeated-harm', 'high'], ['missed-appointments', 'attention'], ['repeated-police-incidents', 'attention'],
    ]);
    assert.deepEqual(FINDING_DEFINITIONS.slice(19, 20).map((f) => [f.id, f.severity]), [['plan-check-missed', 'attention']]);
    assert.deepEqual(FINDING_DEFINITIONS.slice(20).map((f) => [f.id, f.severity]), [['discharge-without-plan', 'high'], ['gp-not-informed', 'attention']]);
    const sources: readonly Source[] = SOURCE_LIST;
    for (const finding of FINDING_DEFINITIONS) {
      assert.ok(finding.title && finding.suggestedAction, finding.id);
      assert.ok(finding.citations.length > 0 && finding.citations.every((c) => sources.includes(c.source) && c.section !== ''), `${finding.id} cites a publication and where in it`);
    }
    assert.equal(findingDefinition('hidden-risk').severity, 'high');
  });
});

describe('Children in Need census codes', () => {
  it('suffix alcohol misuse B for a parent or carer and C for another household member', () => {
    const alcohol = factorById('alcohol-misuse')!.cin;
    assert.equal(resolveCinCode(alcohol, 'parent-or-carer'), '1B');
    assert.equal(resolveCinCode(alcohol, 'household-member'), '1C');
    assert.equal(resolveCinCode(alcohol, 'other'), null);
  });

  it('map drugs, domestic abuse, mental health, learning disability and illness to 2, 3, 4, 5 and 6', () => {
    const code = (id: string) => resolveCinCode(factorById(id)!.cin, 'household-member');
    assert.deepEqual(
      ['drug-misuse', 'domestic-abuse-victim', 'domestic-abuse-perpetrator', 'mental-health', 'learning-disability', 'physical-illness-or-disability'].map(code),
      ['2C', '3C', '3C', '4C', '5C', '6C'],
    );
  });

  it('map the baby’s own disability to 6A, and an injury to 18C only for the social worker to confirm', () => {
    assert.equal(resolveCinCode(factorById('disability-or-complex-health')!.cin, 'child'), '6A');
    assert.deepEqual(factorById('injury')!.cin, { kind: 'code', code: '18C', confirm: true });
  });

  it('map nothing where no census factor fits', () => {
    for (const id of ['prematurity', 'young-parent', 'harmful-stress-response', 'isolation', 'supportive-partner']) {
      assert.equal(factorById(id)!.cin, null, id);
    }
  });
});
