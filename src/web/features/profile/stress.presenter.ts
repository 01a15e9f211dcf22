// Turns the stress picture of a profile into the "Stress and response" page: the stressors, each
// carer's known responses with their status, and the stress-response finding.
import { STRESSOR_FACTOR_IDS } from '../../../domain/catalogue/catalogue.ts';
import { STRESS_RESPONSES } from '../../../domain/catalogue/stress-responses.ts';
import { stressPicture, type CarerStressResponse, type Stressor } from '../../../domain/profile/stress-picture.ts';
import type { ProfileEvaluation } from '../../../domain/profile/profile.types.ts';
import type { StressResponseId } from '../../../domain/catalogue/stress-responses.ts';
import { severityTag } from '../../views/severity.ts';

type Tag = { text: string; classes: string };

function statusTag(carer: CarerStressResponse): Tag {
  if (carer.conflict) return { text: 'Conflicting information', classes: 'govuk-tag--red' };
  switch (carer.status) {
    case 'present':
      return { text: 'Present', classes: 'govuk-tag--red' };
    case 'cannot-assess':
      return { text: 'Cannot be assessed', classes: 'govuk-tag--orange' };
    case 'unverified-exclusion':
      return { text: "Excluded on the carer's word only", classes: 'govuk-tag--yellow' };
    case 'excluded':
      return { text: 'Excluded', classes: 'govuk-tag--green' };
    case 'not-assessed':
      return { text: 'Not yet assessed', classes: 'govuk-tag--grey' };
  }
}

function stressorStatus(stressor: Stressor): string {
  if (stressor.derived) return 'From the record';
  return stressor.onEvidenceOnly ? 'Evidence says it is there' : 'Present';
}

const labels = (ids: readonly StressResponseId[]) => ids.map((id) => STRESS_RESPONSES[id].label);

function presentCarer(caseId: string, carer: CarerStressResponse, canChange: boolean) {
  const relationship = carer.relationshipToInfant?.replace(/-/g, ' ');
  return {
    id: `carer-${carer.personId}`,
    heading: relationship ? `${carer.name} (${relationship})` : carer.name,
    tag: statusTag(carer),
    harmful: labels(carer.harmful),
    helpful: labels(carer.helpful),
    detail: carer.detail ?? null,
    record: canChange ? { href: `/cases/${caseId}/profile/${carer.personId}/harmful-stress-response`, text: `Record how ${carer.name} responds to stress` } : null,
  };
}

export function presentStress(caseId: string, evaluation: ProfileEvaluation, canChange: boolean) {
  const picture = stressPicture(evaluation);
  const finding = evaluation.findings.find((f) => f.id === 'stress-response');
  // Those filled in from the record (a sibling under two) are never waiting for an assessment.
  const toAssess = evaluation.subjects.filter((s) => s.subject !== 'adult').flatMap((s) => s.risk.filter((f) => STRESSOR_FACTOR_IDS.includes(f.factorId) && !f.derived));
  return {
    stressors: picture.stressors.map((stressor) => ({
      label: stressor.label,
      href: canChange && !stressor.derived ? `/cases/${caseId}/profile/${stressor.subject}/${stressor.factorId}` : null,
      on: stressor.subject === 'infant' ? 'The baby' : 'The household',
      status: stressorStatus(stressor),
    })),
    stressorsNotAssessed: toAssess.filter((f) => f.effectiveStatus === 'not-assessed').length,
    stressorsTotal: toAssess.length,
    carers: picture.carers.map((carer) => presentCarer(caseId, carer, canChange)),
    finding: finding ? { ...finding, suggestedAction: finding.suggestedAction.replace(/\.$/, ''), tag: severityTag(finding.severity) } : null,
  };
}
