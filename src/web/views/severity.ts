// How a severity and a finding are named on every page: a tag whose text says the severity (colour
// is never the only sign), and a finding's title from the catalogue, even for an id a later
// catalogue no longer has (kept in an old version or decision).
import { SEVERITY_LABELS } from '../../domain/alerts/alert-words.ts';
import { findingDefinition } from '../../domain/catalogue/catalogue.ts';
import { FINDING_IDS, type FindingId, type Severity } from '../../domain/catalogue/finding-definitions.ts';

const TAG_CLASSES: Readonly<Record<Severity, string>> = { critical: 'govuk-tag--red', high: 'govuk-tag--orange', attention: 'govuk-tag--yellow' };

export function severityTag(severity: Severity): { text: string; classes: string } {
  return { text: SEVERITY_LABELS[severity], classes: TAG_CLASSES[severity] };
}

export function findingTitle(id: string): string {
  return (FINDING_IDS as readonly string[]).includes(id) ? findingDefinition(id as FindingId).title : id;
}
