// Whether a clinical finding says something is there or that it is not. A sender codes a finding
// (SNOMED CT), gives it a value (yes, no, absent, negative, normal) or writes it in words; read
// wrongly, "no bruising seen" becomes a bruise and a critical alert. So words count only clause by
// clause: a clause that names the thing counts when nothing in that clause says it was absent, and
// nothing says it is about the thing in general (a risk assessment, advice, a history) rather than
// something seen. Phrases that only look like a denial ("no explanation offered") are set aside
// first, as they say nothing about whether the thing was there.
import { listAt, stringAt } from './fhir-json.ts';

export const SNOMED_CT = 'http://snomed.info/sct';

/** SNOMED CT qualifiers a coded value gives for "not there": Absent, No, Negative. */
const ABSENT_VALUE_CODES: ReadonlySet<string> = new Set(['2667000', '373067005', '260385009']);

/** HL7 v3 ObservationInterpretation: negative, normal, not detected. */
const ABSENT_INTERPRETATION_CODES: ReadonlySet<string> = new Set(['NEG', 'N', 'ND']);

/** What a resource says of a finding, gathered from wherever it says it. */
export interface FindingFacts {
  /** The SNOMED CT codes of what was found: the resource's code and a coded value. */
  snomedCodes: readonly string[];
  /** The words for what it is about: the code's text and displays, the body site. */
  topic: readonly string[];
  /** The value in words: a coded value's text and displays, a string value. */
  values: readonly string[];
  /** A coded value or interpretation, or a boolean value, says it was not there. */
  absentByCode: boolean;
  /** It has a value of any kind, which answers its code when the code is a question. */
  hasValue: boolean;
}

/** The SNOMED CT codes a CodeableConcept carries. */
export function snomedCodesOf(concept: unknown): string[] {
  return listAt(concept, 'coding')
    .filter((coding) => stringAt(coding, 'system') === SNOMED_CT)
    .map((coding) => stringAt(coding, 'code'))
    .filter((code): code is string => code !== undefined);
}

/** Whether a coded value (a CodeableConcept) is Absent, No or Negative. */
export function isAbsentCode(concept: unknown): boolean {
  return snomedCodesOf(concept).some((code) => ABSENT_VALUE_CODES.has(code));
}

/** Whether an interpretation (a CodeableConcept) is negative, normal or not detected. */
export function isAbsentInterpretation(concept: unknown): boolean {
  return listAt(concept, 'coding').some((coding) => ABSENT_INTERPRETATION_CODES.has(stringAt(coding, 'code')?.toUpperCase() ?? ''));
}

// Phrases that contain a denial word but do not deny the finding itself.
const LOOKS_LIKE_DENIAL =
  /\b(no|not|without)\s+(clear\s+|plausible\s+|adequate\s+|consistent\s+|known\s+)?(explanation|account|reason|cause|mechanism|idea|knowledge|history of (trauma|injury|accident|a fall|fall))s?\b(\s+(given|offered|provided|known))?|\b(no|not|without)\s+(a\s+)?(clear|plausible|adequate|consistent)\s+history\b|\botherwise\s+(normal|unremarkable|well|nad)\b|\bnot\s+(explained|accounted for)\b|\bunexplained\b|\b(could not|cannot|can't|couldn't|unable to|did not|didn't|does not|doesn't|do not|don't)\s+(explain|say|account for|know|remember)\b|\bnot\s+(known|sure|clear)\s+(how|why|what|when)\b|\bdenie[sd]\s+(causing|knowing|knowledge|any knowledge|how|that)\b/gi;

const DENIAL_BEFORE = /\b(no|not|nil|none|never|without|absent|denie[sd]|negative for|free of|ruled out|excluded|resolved)\b/i;

/** Words that make the thing past or not so only when they come right before it: "ex-smoker", "non-smoker", "stopped drinking" (not "non-accidental injury"). */
const PAST_RIGHT_BEFORE = /\b(ex|non|former|stopped|quit|gave up)[\s-]*$/i;

const DENIAL_AFTER = /\b(no|none|nil|absent|not\s+(seen|present|found|observed|noted|identified|detected|known)|ruled out|excluded|negative|normal|unremarkable|nad|resolved|ended|closed|ceased|discontinued)\b/i;

/** Words that make a clause about the thing in general, not one seen. */
const IN_GENERAL = /\b(risks?|at risk|assessment|screen(ing)?|advice|advised|prevention|leaflet|education|history|previous(ly)?|h\/o)\b/i;

/** Words that make the code a question whose answer is the value: "Smoking status", "Skin examination". */
const QUESTION = /\b(status|behaviou?r|examination|exam|consumption|intake|use|check|findings?)\s*$/i;

/** A value that by itself says the thing was not there: "No", "None seen", "Absent", "Normal". */
const ABSENT_VALUE = /^\s*(no|none|nil|absent|negative|normal|nad|not (seen|present|found|observed|detected|known)|ruled out|excluded|never)\b/i;

function clauses(text: string): string[] {
  return text
    .replace(LOOKS_LIKE_DENIAL, ' ')
    .split(/[.;,|\n()]+|\b(?:but|however|although|though|whereas)\b/i)
    .map((clause) => clause.trim())
    .filter((clause) => clause !== '');
}

/**
 * Whether the words report `term` as there: some clause names it, with no denial before it or
 * after it in that clause, and nothing in the clause making it about the thing in general.
 */
export function wordsReport(words: readonly string[], term: RegExp): boolean {
  return words.some((text) =>
    clauses(text).some((clause) => {
      const found = new RegExp(term.source, term.flags.replace('g', '')).exec(clause);
      if (found === null) return false;
      const before = clause.slice(0, found.index);
      const after = clause.slice(found.index + found[0].length);
      return !DENIAL_BEFORE.test(before) && !PAST_RIGHT_BEFORE.test(before) && !DENIAL_AFTER.test(after) && !IN_GENERAL.test(clause);
    }),
  );
}

/** Whether a value in words says the thing was not there. */
export function isAbsentValue(text: string): boolean {
  return ABSENT_VALUE.test(text.replace(LOOKS_LIKE_DENIAL, ' ').trim());
}

/** Whether the words are about the thing in general (a risk, advice, a history) rather than something seen. */
export function isInGeneral(words: readonly string[]): boolean {
  return words.some((text) => IN_GENERAL.test(text.replace(LOOKS_LIKE_DENIAL, ' ')));
}

/**
 * Whether a finding is reported as there: its SNOMED CT code is one of `codes`, or its words name
 * `term`; and its value does not say it was absent, and its words are not about the thing in general.
 * When the code is a question ("Smoking status") and a value answers it, only the answer's words
 * count: "Tobacco smoking behaviour: Never smoked" does not report smoking.
 */
export function reportsFinding(facts: FindingFacts, codes: ReadonlySet<string>, term: RegExp): boolean {
  if (facts.absentByCode || facts.values.some(isAbsentValue)) return false;
  if (facts.snomedCodes.some((code) => codes.has(code))) return !isInGeneral(facts.topic);
  const isQuestion = facts.hasValue && facts.topic.some((words) => QUESTION.test(words));
  return wordsReport(isQuestion ? facts.values : [...facts.topic, ...facts.values], term);
}
