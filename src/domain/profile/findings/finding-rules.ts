// Every finding rule: catalogue version 1 in docs/profile-catalogue.md order, then version 2's chronology patterns, version 3's plan checks
// and version 4's discharge plan and GP findings. A new rule is a new file here
// and a new finding in the catalogue.
import { adultNotAssessed } from './adult-not-assessed.ts';
import { chaoticSubstanceUse } from './chaotic-substance-use.ts';
import { babyNotSeen, missedAppointments, planCheckMissed, relapse, repeatedHarm, repeatedPoliceIncidents } from './chronology-patterns.ts';
import { conflictingInformation } from './conflicting-information.ts';
import { dischargeWithoutPlan } from './discharge-without-plan.ts';
import { domesticAbuse } from './domestic-abuse.ts';
import { freshStart } from './fresh-start.ts';
import { gpNotInformed } from './gp-not-informed.ts';
import { hiddenRisk } from './hidden-risk.ts';
import { nonMobileInjury } from './non-mobile-injury.ts';
import { preBirthAssessmentDue } from './pre-birth-assessment-due.ts';
import { previousChildRemoved } from './previous-child-removed.ts';
import { protectiveClaimUnsupported } from './protective-claim-unsupported.ts';
import { reassessmentDue } from './reassessment-due.ts';
import { stressResponse } from './stress-response.ts';
import { unsafeSleepCombination } from './unsafe-sleep-combination.ts';
import { unverifiedExclusion } from './unverified-exclusion.ts';
import type { FindingId } from '../../catalogue/finding-definitions.ts';
import type { FindingRule } from './rule-context.ts';

export const FINDING_RULES: Readonly<Record<FindingId, FindingRule>> = {
  'non-mobile-injury': nonMobileInjury,
  'unsafe-sleep-combination': unsafeSleepCombination,
  'previous-child-removed': previousChildRemoved,
  'domestic-abuse': domesticAbuse,
  'chaotic-substance-use': chaoticSubstanceUse,
  'stress-response': stressResponse,
  'conflicting-information': conflictingInformation,
  'unverified-exclusion': unverifiedExclusion,
  'hidden-risk': hiddenRisk,
  'adult-not-assessed': adultNotAssessed,
  'protective-claim-unsupported': protectiveClaimUnsupported,
  'fresh-start': freshStart,
  'reassessment-due': reassessmentDue,
  'pre-birth-assessment-due': preBirthAssessmentDue,
  relapse,
  'baby-not-seen': babyNotSeen,
  'repeated-harm': repeatedHarm,
  'missed-appointments': missedAppointments,
  'repeated-police-incidents': repeatedPoliceIncidents,
  'plan-check-missed': planCheckMissed,
  'discharge-without-plan': dischargeWithoutPlan,
  'gp-not-informed': gpNotInformed,
};
