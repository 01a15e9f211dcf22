// The shape of one factor in the catalogue, and the helper that fills in the defaults so each
// data file lists only what is particular to a factor.
import { citationList, type Citation, type Cites } from './sources.ts';
import type { CinMapping } from './cin-codes.ts';
import type { FactorId } from './factor-ids.ts';
import type { Subject } from './subjects.ts';

export type FactorKind = 'risk' | 'protective';

export interface FactorDefinition {
  id: FactorId;
  subject: Subject;
  kind: FactorKind;
  label: string;
  /** A noun phrase that reads after a possessive: "Sarah Hartley's alcohol misuse", "the household's unsafe sleep". */
  phrase: string;
  /** Plain words: what the factor is and why it matters. */
  help: string;
  /** What a practitioner should ask or check to assess it. */
  questions: readonly string[];
  /** The publications and sections it comes from (docs/domain.md, Sources). */
  citations: readonly Citation[];
  /** "V" in docs/profile-catalogue.md: an exclusion counts only when some evidence is not the carer's own account. */
  needsVerification: boolean;
  /** Fills itself from the record; never stored by hand. */
  derived: boolean;
  /** Present needs a pattern: stable or chaotic. */
  substanceUse: boolean;
  /** A pressure on the household that can meet a carer's harmful response to stress. */
  stressor: boolean;
  /** Children in Need census factor code, or null where none fits. */
  cin: CinMapping | null;
}

export interface FactorContent {
  label: string;
  phrase: string;
  help: string;
  questions: readonly string[];
  citations: Cites;
  needsVerification?: boolean;
  derived?: boolean;
  substanceUse?: boolean;
  stressor?: boolean;
  cin?: CinMapping;
}

/** One full definition, with the defaults filled in. */
export function defineFactor(id: FactorId, subject: Subject, kind: FactorKind, content: FactorContent): FactorDefinition {
  return {
    id,
    subject,
    kind,
    label: content.label,
    phrase: content.phrase,
    help: content.help,
    questions: content.questions,
    citations: citationList(content.citations),
    needsVerification: content.needsVerification ?? false,
    derived: content.derived ?? false,
    substanceUse: content.substanceUse ?? false,
    stressor: content.stressor ?? false,
    cin: content.cin ?? null,
  };
}

/** Turns `{ id: content }` (in catalogue order) into full definitions for one subject and kind. */
export function defineFactors<Id extends FactorId>(subject: Subject, kind: FactorKind, contents: Record<Id, FactorContent>): readonly FactorDefinition[] {
  return (Object.entries(contents) as [Id, FactorContent][]).map(([id, content]) => defineFactor(id, subject, kind, content));
}
