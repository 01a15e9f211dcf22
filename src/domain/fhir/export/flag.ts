// Each high or critical finding of the profile as a UK Core Flag on the baby: a safety flag, active
// while the profile shows the finding. Findings are worked out from the record on every read and
// never stored, so a Flag is too: its id names the case and the finding, and it is gone when the
// finding is. Attention findings are left out (they ask a practitioner to look, not to be warned).
import { FINDING_IDS, type FindingId } from '../../catalogue/finding-definitions.ts';
import type { CodeableConcept, Identifier, Reference, ResourceBase } from './fhir-types.ts';
import { narrative } from './narrative.ts';
import { LOCAL_SYSTEMS, SYSTEMS, UK_CORE_PROFILES } from './uk-core.ts';

export interface FindingForExport {
  id: FindingId;
  severity: 'critical' | 'high' | 'attention';
  title: string;
  rationale: string;
  suggestedAction: string;
}

export interface FlagResource extends ResourceBase {
  resourceType: 'Flag';
  identifier: Identifier[];
  status: 'active';
  category: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
}

const SEVERITY_WORDS = { critical: 'Critical', high: 'High' } as const;

/** The findings a Flag is made for: high and critical. */
export function isFlagged(finding: FindingForExport): finding is FindingForExport & { severity: 'critical' | 'high' } {
  return finding.severity === 'critical' || finding.severity === 'high';
}

/**
 * The flags of a profile's findings, in its order (critical first). A Flag's id is the case's and
 * the finding's place in the catalogue (`<case id>-f3`), short enough for FHIR's 64 characters; the
 * same finding for two people gives two flags, told apart by a count (`<case id>-f3-2`). The
 * identifier says the same with the finding's own id.
 */
export function flagResources(findings: readonly FindingForExport[], patientId: string): FlagResource[] {
  const seen = new Map<string, number>();
  return findings.filter(isFlagged).map((finding) => {
    const count = (seen.get(finding.id) ?? 0) + 1;
    seen.set(finding.id, count);
    const key = count === 1 ? finding.id : `${finding.id}-${String(count)}`;
    const place = `f${String(FINDING_IDS.indexOf(finding.id))}${count === 1 ? '' : `-${String(count)}`}`;
    return {
      resourceType: 'Flag',
      id: `${patientId}-${place}`,
      meta: { profile: [UK_CORE_PROFILES.Flag] },
      text: narrative([`${SEVERITY_WORDS[finding.severity]}: ${finding.title}`, finding.rationale, `What to do: ${finding.suggestedAction}`]),
      identifier: [{ system: LOCAL_SYSTEMS.finding, value: `${patientId}/${key}` }],
      status: 'active',
      category: [{ coding: [{ system: SYSTEMS.flagCategory, code: 'safety', display: 'Safety' }] }],
      code: { text: `${SEVERITY_WORDS[finding.severity]}: ${finding.title}` },
      subject: { reference: `Patient/${patientId}` },
    };
  });
}
