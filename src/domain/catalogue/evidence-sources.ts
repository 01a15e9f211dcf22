// Where a piece of evidence comes from (docs/domain.md, "Evidence sources"). Only evidence that is not the
// carer's own account can verify an exclusion (Infant 1: the mother's "script" was accepted).
export const EVIDENCE_SOURCES = {
  observed: { label: 'Seen by the practitioner', independent: true },
  'agency-record': { label: "Another agency's record or system", independent: true },
  'third-party': { label: 'Wider family, neighbour or other third party', independent: true },
  'carer-account': { label: 'What the parent or carer says', independent: false },
  'professional-judgement': { label: 'Professional judgement', independent: true },
} as const;

export type EvidenceSource = keyof typeof EVIDENCE_SOURCES;

export const EVIDENCE_SOURCE_IDS = Object.keys(EVIDENCE_SOURCES) as EvidenceSource[];

export function isEvidenceSource(value: string): value is EvidenceSource {
  return Object.hasOwn(EVIDENCE_SOURCES, value);
}

/** True when the source can verify an exclusion: anything known but the carer's own account. */
export function isIndependentSource(source: string): boolean {
  return isEvidenceSource(source) && EVIDENCE_SOURCES[source].independent;
}
