// Whether a finding reports an injury seen: by its SNOMED CT code first (injury-codes.ts), then by
// its words. An injury-observed entry is a trigger and, for a baby who is not yet mobile, raises the
// critical non-mobile-injury protocol, so the words count only where a clause names an injury and
// nothing in it says it was absent or that it is about injuries in general (finding-codes.ts):
// "Bruise to left cheek, no explanation offered" is an injury; "No bruising seen" and "Bruise check
// normal" are not. Anything else stays a case note, with the same words for a practitioner to read.
import { reportsFinding, type FindingFacts } from './finding-codes.ts';
import { INJURY_CODES } from './injury-codes.ts';

// Bleeding after a birth or in pregnancy is the mother's, and not an injury.
const INJURY = new RegExp(
  [
    String.raw`\bbruis(e|es|ed|ing)\b`,
    String.raw`\bcontusions?\b`,
    String.raw`\bpetechia(e|l)?\b`,
    String.raw`\binjur(y|ies|ed)\b`,
    String.raw`\bfractur(e|es|ed)\b`,
    String.raw`\bburn(s|ed)?\b`,
    String.raw`\bscald(s|ed)?\b`,
    String.raw`\blacerations?\b`,
    String.raw`\babrasions?\b`,
    String.raw`\b(grip|finger|fingertip|slap|bite|pinch|ligature|hand) ?marks?\b`,
    String.raw`\b(torn|tear(ing)? of( the)?) frenulum\b|\bfrenulum (tear|torn)\b`,
    String.raw`(?<!(post-?partum|ante-?partum|vaginal|menstrual|pv|withdrawal) )\bbleed(s|ing)?\b`,
    String.raw`\bblood (from|in) (the )?(mouth|nose|ear|ears)\b`,
    String.raw`\b(epistaxis|nosebleeds?)\b`,
    String.raw`\b(subdural|retinal|intracranial) (haemorrhages?|hemorrhages?|haematomas?|hematomas?|bleeds?)\b`,
  ].join('|'),
  'i',
);

export function reportsInjury(facts: FindingFacts): boolean {
  return reportsFinding(facts, INJURY_CODES, INJURY);
}
