// The answer to a FHIR import: what became of each Patient and each resource of the Bundle, as
// lists and as a FHIR OperationOutcome with one issue a Bundle entry (stored, duplicate, corrected,
// refused with its reason and where in the Bundle, left out), followed for a baby's measurement
// the growth record could not take (its unit or its value) by an issue of its own saying why.
import { MEASUREMENT_PROBLEM_MESSAGES, type MeasurementProblemCode } from '../../domain/fhir/import/measurement-codes.ts';
import { PATIENT_MESSAGES, RECORDED_MESSAGES, type PatientMatchCode } from '../../domain/fhir/import/fhir-import-words.ts';
import type { ResourceNote } from '../../domain/fhir/import/fhir-import.types.ts';
import { operationOutcome, outcomeIssue, type IssueType, type OperationOutcome, type OutcomeIssue } from '../../domain/fhir/operation-outcome.ts';

export interface ImportedResource {
  /** The position of the resource in `Bundle.entry`: an inpatient Encounter gives two entries. */
  index: number;
  resource: string;
  kind: string;
  /** The chronology entry. */
  id: string;
  caseId: string;
  /** A correction that marks what was imported before as entered in error. */
  enteredInError?: true;
}

export interface ResourceOutcome {
  index: number;
  resource: string;
  code: string;
  message: string;
  details: { path: string; message: string }[];
}

/** A resource recorded about the baby whose measurement could not be read for the growth record. */
export interface MeasurementNote {
  index: number;
  code: MeasurementProblemCode;
  /** A JSON pointer to the unit or value. */
  path: string;
}

export interface PatientOutcome {
  index: number;
  match: PatientMatchCode;
  message: string;
}

export interface FhirImport {
  patients: PatientOutcome[];
  stored: ImportedResource[];
  duplicates: ImportedResource[];
  corrected: ImportedResource[];
  rejected: ResourceOutcome[];
  skipped: ResourceOutcome[];
  outcome: OperationOutcome;
}

const ISSUE_TYPES: Readonly<Record<string, IssueType>> = {
  'no-id': 'required',
  'no-date': 'required',
  'partial-date': 'value',
  'no-subject': 'required',
  'unknown-subject': 'not-found',
  'nhs-number-invalid': 'value',
  'not-uk-core': 'invalid',
  'patient-unconfirmed': 'not-found',
  'several-records': 'conflict',
  'before-pregnancy': 'business-rule',
  'invalid-entry': 'invalid',
  forbidden: 'forbidden',
  'not-found': 'not-found',
};

const PATIENT_SEVERITY: Readonly<Record<PatientMatchCode, { severity: OutcomeIssue['severity']; type: IssueType }>> = {
  infant: { severity: 'information', type: 'informational' },
  person: { severity: 'information', type: 'informational' },
  unmatched: { severity: 'warning', type: 'not-found' },
  'nhs-number-invalid': { severity: 'error', type: 'value' },
  'several-records': { severity: 'error', type: 'conflict' },
};

const NOT_UK_CORE = 'The Patient does not keep to its UK Core profile here; it is still matched by its NHS number.';
const NOT_IN_GROWTH_RECORD = 'Recorded in the chronology in words, but not added to the growth record.';

export const patientOutcome = (index: number, match: PatientMatchCode): PatientOutcome => ({ index, match, message: PATIENT_MESSAGES[match] });

/**
 * One issue a Bundle entry: its refusal if it has one, else the most a resource's entries became
 * (corrected, stored, duplicate), else why it was left out; then, for a resource recorded whose
 * measurement the growth record could not take, a warning saying why.
 */
export function importOutcome(answer: Omit<FhirImport, 'outcome'>, measurementNotes: readonly MeasurementNote[] = [], patientProblems: readonly ResourceNote<'not-uk-core'>[] = []): OperationOutcome {
  const issues = new Map<number, OutcomeIssue>();
  const first = (index: number, issue: OutcomeIssue) => {
    if (!issues.has(index)) issues.set(index, issue);
  };
  const entryPath = (index: number) => `/entry/${String(index)}/resource`;
  for (const patient of answer.patients) {
    const { severity, type } = PATIENT_SEVERITY[patient.match];
    first(patient.index, outcomeIssue(severity, type, patient.match, patient.message, entryPath(patient.index)));
  }
  const everyProblem = new Map<number, OutcomeIssue[]>();
  for (const refused of answer.rejected) {
    const severity = refused.code === 'patient-unconfirmed' ? 'warning' : 'error';
    first(refused.index, outcomeIssue(severity, ISSUE_TYPES[refused.code] ?? 'invalid', refused.code, refused.details[0]?.message ?? refused.message, refused.details[0]?.path ?? entryPath(refused.index)));
    // A resource not keeping to UK Core is refused with each of its problems named.
    if (refused.code === 'not-uk-core') everyProblem.set(refused.index, refused.details.slice(1).map((detail) => outcomeIssue('error', 'invalid', refused.code, detail.message, detail.path)));
  }
  for (const problem of patientProblems) everyProblem.set(problem.index, [...(everyProblem.get(problem.index) ?? []), outcomeIssue('warning', 'invalid', problem.code, problem.message ?? NOT_UK_CORE, problem.path)]);
  for (const [list, code] of [[answer.corrected, 'corrected'], [answer.stored, 'stored'], [answer.duplicates, 'duplicate']] as const) {
    for (const recorded of list) {
      const said = recorded.enteredInError ? 'marked-entered-in-error' : code;
      first(recorded.index, outcomeIssue('information', 'informational', said, RECORDED_MESSAGES[said], entryPath(recorded.index)));
    }
  }
  for (const left of answer.skipped) first(left.index, outcomeIssue('information', 'informational', left.code, left.message, left.details[0]?.path ?? entryPath(left.index)));
  const lines = [...issues].map(([index, issue]): [number, OutcomeIssue[]] => {
    const notes = measurementNotes.filter((note) => note.index === index).slice(0, 1);
    return [index, [issue, ...(everyProblem.get(index) ?? []), ...notes.map((note) => outcomeIssue('warning', 'value', note.code, `${NOT_IN_GROWTH_RECORD} ${MEASUREMENT_PROBLEM_MESSAGES[note.code]}`, note.path))]];
  });
  const all = lines.sort(([a], [b]) => a - b).flatMap(([, line]) => line);
  return operationOutcome(all.length > 0 ? all : [outcomeIssue('information', 'informational', 'nothing', 'The Bundle had nothing to import')]);
}
