// The steps a critical finding's protocol asks for, in order (docs/domain.md, "Bruising in non-mobile
// infants" and "Safe sleep"). Each alert for the finding carries them, so the email says them too.
import { findingDefinition } from '../catalogue/catalogue.ts';
import type { FindingId } from '../catalogue/finding-definitions.ts';

const PROTOCOLS: Partial<Record<FindingId, readonly string[]>> = {
  'non-mobile-injury': [
    "Refer to children's social care today: any injury or possible bruise on a baby who is not independently mobile needs a same-day referral, whatever the explanation.",
    'Arrange a paediatric assessment today.',
    'Do not assess the injury in isolation: look at the chronology and what every agency knows.',
    'If the mark might be a birthmark, discuss it with a paediatrician today.',
  ],
  'unsafe-sleep-combination': [
    "Make a safe sleep plan with the family now: the baby on their back in a clear, flat cot beside the parents' bed; never on a sofa or in an armchair.",
    'Discuss it with the safeguarding lead.',
  ],
};

/** The protocol's steps for a finding; a finding without a written protocol gets its suggested action. */
export function protocolSteps(findingId: FindingId): readonly string[] {
  return PROTOCOLS[findingId] ?? [findingDefinition(findingId).suggestedAction];
}
