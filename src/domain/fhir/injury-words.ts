// Whether an Observation's words report an injury seen on the baby. Deliberately conservative:
// an injury-observed entry is a trigger and, for a baby who is not yet mobile, raises the critical
// non-mobile-injury protocol, so the words must name an injury and nothing may say it was absent
// or that this is about injuries in general (a risk assessment, advice, history). Anything else
// stays a case note, with the same words in its summary for a practitioner to read.
const INJURY = /\b(bruis(e|es|ed|ing)|injur(y|ies|ed)|fractur(e|es|ed)|burn(s|ed)?|scald(s|ed)?|lacerations?|bite marks?)\b/i;

const NOT_AN_INJURY_SEEN = /\b(no|not|nil|none|without|absent|denie[sd]|negative|ruled out|unremarkable|risk|assessment|screen(ing)?|advice|prevention|history|previous)\b/i;

export function reportsInjury(words: readonly string[], valueBoolean: unknown): boolean {
  const text = words.join(' | ');
  return INJURY.test(text) && !NOT_AN_INJURY_SEEN.test(text) && valueBoolean !== false;
}
