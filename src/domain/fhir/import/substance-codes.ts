// Drinking, drug use and smoking reported by another agency, by SNOMED CT code first and then by
// words (finding-codes.ts), and what each means for the profile: drinking above the UK Chief Medical
// Officers' low-risk guideline (14 units a week) and any illicit drug use are more drinking or drug
// use by whoever the record is about; smoking is a carer smoking in the baby's home, which matters
// for safe sleep. A code that says the person does not drink, has stopped or never smoked reports
// nothing, and neither do words that say so.
import { isObject, stringAt, type JsonObject } from './fhir-json.ts';
import { reportsFinding, snomedCodesOf, type FindingFacts } from './finding-codes.ts';

export type SubstanceUse = 'alcohol' | 'drugs' | 'smoking';

/** More than this many units a week is above the low-risk guideline. */
export const LOW_RISK_UNITS_A_WEEK = 14;

const ALCOHOL_CODES: ReadonlySet<string> = new Set([
  '86933000', // Heavy drinker
  '228278007', // Fairly heavy drinker
  '228279004', // Very heavy drinker
  '228315001', // Binge drinker
  '777631000000108', // Increasing risk alcohol drinking
  '777651000000101', // Higher risk alcohol drinking
  '198421000000108', // Hazardous alcohol use
  '198431000000105', // Harmful alcohol use
  '15167005', // Alcohol abuse
  '66590003', // Alcohol dependence
  '7200002', // Alcoholism
]);

const DRUG_CODES: ReadonlySet<string> = new Set([
  '307052004', // Illicit drug use
  '26416006', // Drug abuse
  '191816009', // Drug dependence
]);

const SMOKING_CODES: ReadonlySet<string> = new Set([
  '77176002', // Smoker
  '65568007', // Cigarette smoker
  '82302008', // Pipe smoker
  '59978006', // Cigar smoker
  '160619003', // Rolls own cigarettes
  '230065006', // Chain smoker
  '230059006', // Occasional cigarette smoker
  '230060001', // Light cigarette smoker
  '230062009', // Moderate cigarette smoker
  '230063004', // Heavy cigarette smoker
  '160603005', // Light cigarette smoker (1 to 9 a day)
  '160604004', // Moderate cigarette smoker (10 to 19 a day)
  '160605003', // Heavy cigarette smoker (20 to 39 a day)
  '449868002', // Smokes tobacco daily
  '428041000124106', // Occasional tobacco smoker
  '428061000124105', // Light tobacco smoker
  '428071000124103', // Heavy tobacco smoker
  '266929003', // Smoking restarted
]);

const ALCOHOL_WORDS =
  /\b(heavy|binge|problem|harmful|hazardous|higher risk|increasing risk|dependent|excessive|chaotic) (drinker|drinking|alcohol use)\b|\balcohol(ic|ism| misuse| abuse| dependen(ce|cy|t)| problems?| use disorder)\b|\bdrinks? (heavily|to excess|daily)\b|\b(drunk|intoxicated)\b/i;

const DRUG_WORDS =
  /\b(illicit|illegal|recreational|street) (drugs?|substances?)( use)?\b|\b(drug|substance) (use|user|misuse|abuse|dependen(ce|cy|t))\b|\b(cannabis|heroin|cocaine|crack|spice|ketamine|amphetamines?|methamphetamine|mdma|ecstasy)\b/i;

const SMOKING_WORDS = /\bsmok(er|ers|es|ing)\b|\b(cigarettes?|cigars?|roll-ups|pipe tobacco)\b/i;

// Quantities: alcohol units a day or a week, and tobacco smoked.
const ALCOHOL_UNITS_A_DAY = '1082631000000102';
const ALCOHOL_UNITS_A_WEEK = '1082641000000106';
const ALCOHOL_INTAKE = new Set(['160573003', '897148007']); // Alcohol intake, Alcoholic beverage intake
const PIPE_TOBACCO_CONSUMPTION = '230058003';
const TOBACCO_QUANTITY_WORDS = /\b(cigarette|cigar|pipe tobacco|tobacco) (consumption|smoked)\b|\bcigarettes (a|per) day\b/i;

/** Units a week from an alcohol quantity, when the code or the UCUM unit says per day or per week. */
function unitsAWeek(codes: readonly string[], quantity: JsonObject): number | undefined {
  const value = quantity['value'];
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const unit = stringAt(quantity, 'code');
  if (codes.includes(ALCOHOL_UNITS_A_DAY)) return value * 7;
  if (codes.includes(ALCOHOL_UNITS_A_WEEK)) return value;
  if (!codes.some((code) => ALCOHOL_INTAKE.has(code))) return undefined;
  return unit === '/d' ? value * 7 : unit === '/wk' ? value : undefined;
}

function smokesAny(codes: readonly string[], topic: readonly string[], quantity: JsonObject): boolean | undefined {
  const value = quantity['value'];
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  if (!codes.includes(PIPE_TOBACCO_CONSUMPTION) && !topic.some((words) => TOBACCO_QUANTITY_WORDS.test(words))) return undefined;
  return value > 0;
}

export interface SubstanceReading {
  substance: SubstanceUse;
  /** Why, when a quantity gave it: "above the low-risk guideline of 14 units a week". */
  why?: string;
}

/**
 * What an Observation (or Condition) reports of drinking, drug use or smoking, or undefined when it
 * reports none. `code` is the resource's code; `quantity` its valueQuantity, when it has one.
 */
export function readSubstanceUse(facts: FindingFacts, code: unknown, quantity: unknown): SubstanceReading | undefined {
  const codes = snomedCodesOf(code);
  if (isObject(quantity)) {
    const weekly = unitsAWeek(codes, quantity);
    if (weekly !== undefined) return weekly > LOW_RISK_UNITS_A_WEEK ? { substance: 'alcohol', why: `above the low-risk guideline of ${LOW_RISK_UNITS_A_WEEK} units a week` } : undefined;
    const smokes = smokesAny(codes, facts.topic, quantity);
    if (smokes !== undefined) return smokes ? { substance: 'smoking' } : undefined;
  }
  if (reportsFinding(facts, ALCOHOL_CODES, ALCOHOL_WORDS)) return { substance: 'alcohol' };
  if (reportsFinding(facts, DRUG_CODES, DRUG_WORDS)) return { substance: 'drugs' };
  if (reportsFinding(facts, SMOKING_CODES, SMOKING_WORDS)) return { substance: 'smoking' };
  return undefined;
}
