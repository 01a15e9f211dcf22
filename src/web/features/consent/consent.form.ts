// The consent page's four forms: a consent sought, a withdrawal, information shared without consent,
// and the GP told. Each form's fields have names of their own (so one page can hold all four and an
// error links to the right field), read into what the domain takes, and the domain's problems turned
// into GOV.UK errors on the field they are about, with everything typed kept (a date that could not
// be read worded as every date input words it, web/forms/refused-date.ts, on the part in error).
import { CONSENT_PROBLEM_MESSAGES, type ConsentProblem } from '../../../domain/consent/consent-rules.ts';
import type { ConsentDraft } from '../../../domain/consent/consent.types.ts';
import { GP_TOLD_PROBLEM_MESSAGES, type GpToldDraft, type GpToldProblem } from '../../../domain/consent/gp-told.ts';
import type { DatePartErrors } from '../../forms/date-input.ts';
import { refusedDate, typedDay } from '../../forms/refused-date.ts';
import { formErrors, type FormErrors } from '../../forms/validate-form.ts';

export const CONSENT_FORMS = ['consent', 'withdrawal', 'sharing', 'gp-told'] as const;
export type ConsentForm = (typeof CONSENT_FORMS)[number];

/** Every field of each form, as the page names it. */
const FIELDS: Record<ConsentForm, readonly string[]> = {
  consent: ['askedPersonId', 'askedName', 'purpose', 'soughtOn-day', 'soughtOn-month', 'soughtOn-year', 'answer', 'consentNote'],
  withdrawal: ['withdraws', 'withdrawnOn-day', 'withdrawnOn-month', 'withdrawnOn-year', 'withdrawalNote'],
  sharing: ['sharedWhat', 'sharedWith', 'sharedOn-day', 'sharedOn-month', 'sharedOn-year', 'basis', 'basisOther', 'decidedBy', 'reason', 'sharingNote'],
  'gp-told': ['toldOn-day', 'toldOn-month', 'toldOn-year', 'toldBy', 'gpShared'],
};

export type FormValues = Record<string, string>;

/** The form's fields as typed (dates trimmed), nothing else from the body. */
export function readForm(form: ConsentForm, raw: unknown): FormValues {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return Object.fromEntries(
    FIELDS[form].map((field) => {
      const value = body[field];
      // Exactly as typed, however long: a form given back must hold all of it (the domain refuses what is too long).
      const text = typeof value === 'string' ? value : '';
      return [field, field.endsWith('-day') || field.endsWith('-month') || field.endsWith('-year') ? text.trim() : text];
    }),
  );
}

const sent = (value: string | undefined) => (value !== undefined && value.trim() !== '' ? value : undefined);

/** "Someone else" in the list of people: the name typed is who was asked. */
export const SOMEONE_ELSE = 'someone-else';

/** The record as the domain takes it, from one of the first three forms. */
export function draftFrom(form: Exclude<ConsentForm, 'gp-told'>, values: FormValues): ConsentDraft {
  const draft: Record<string, string | undefined> =
    form === 'consent'
      ? {
          kind: 'consent',
          askedPersonId: values['askedPersonId'] === SOMEONE_ELSE ? undefined : sent(values['askedPersonId']),
          askedName: sent(values['askedName']),
          purpose: values['purpose'],
          soughtOn: typedDay(values, 'soughtOn'),
          answer: values['answer'],
          note: sent(values['consentNote']),
        }
      : form === 'withdrawal'
        ? { kind: 'withdrawal', withdraws: values['withdraws'], withdrawnOn: typedDay(values, 'withdrawnOn'), note: sent(values['withdrawalNote']) }
        : {
            kind: 'shared-without-consent',
            sharedWhat: values['sharedWhat'],
            sharedWith: values['sharedWith'],
            sharedOn: typedDay(values, 'sharedOn'),
            basis: values['basis'],
            basisOther: sent(values['basisOther']),
            decidedBy: values['decidedBy'],
            reason: values['reason'],
            note: sent(values['sharingNote']),
          };
  return Object.fromEntries(Object.entries(draft).filter(([, value]) => value !== undefined)) as unknown as ConsentDraft;
}

export function gpDraftFrom(values: FormValues): GpToldDraft {
  return { toldOn: typedDay(values, 'toldOn'), toldBy: values['toldBy'] ?? '', shared: values['gpShared'] ?? '' };
}

const DATE_FIELDS: Record<string, string> = { '/soughtOn': 'soughtOn-day', '/withdrawnOn': 'withdrawnOn-day', '/sharedOn': 'sharedOn-day', '/toldOn': 'toldOn-day' };
const NOTE_FIELDS: Record<Exclude<ConsentForm, 'gp-told'>, string> = { consent: 'consentNote', withdrawal: 'withdrawalNote', sharing: 'sharingNote' };

/** The field a problem's path points at on the page. */
export function fieldFor(form: ConsentForm, problem: ConsentProblem | GpToldProblem): string {
  const name = problem.path.slice(1);
  if (DATE_FIELDS[problem.path]) return DATE_FIELDS[problem.path]!;
  if (form === 'gp-told') return name === 'shared' ? 'gpShared' : name;
  if (name === 'note') return NOTE_FIELDS[form];
  if (problem.code === 'asked-needed' || problem.code === 'asked-twice') return 'askedPersonId';
  return FIELDS[form].includes(name) ? name : (FIELDS[form][0] ?? name);
}

/** How each date is named in the domain's messages, by its prefix. */
const DATE_LABELS: Record<string, string> = { soughtOn: 'The date', withdrawnOn: 'The date', sharedOn: 'The date', toldOn: 'The date the GP was told' };

/** The domain's problems as GOV.UK errors, the summary in the order found, each field its message; a date's on the part in error, only the parts in error marked. */
export function pageErrors(form: ConsentForm, problems: readonly (ConsentProblem | GpToldProblem)[], values: FormValues): FormErrors & { dateParts: DatePartErrors } {
  const errors: Record<string, string> = {};
  const dateParts: DatePartErrors = {};
  for (const problem of problems) {
    const message = form === 'gp-told' ? GP_TOLD_PROBLEM_MESSAGES[(problem as GpToldProblem).code] : CONSENT_PROBLEM_MESSAGES[(problem as ConsentProblem).code];
    const field = fieldFor(form, problem);
    const prefix = problem.path.slice(1);
    const label = DATE_FIELDS[problem.path] ? DATE_LABELS[prefix] : undefined;
    if (label === undefined) {
      errors[field] ??= message;
      continue;
    }
    if (prefix in dateParts) continue;
    const refused = refusedDate(values, prefix, label, message);
    errors[refused.field] = refused.text;
    dateParts[prefix] = refused.parts;
  }
  return { ...formErrors(errors), dateParts };
}
