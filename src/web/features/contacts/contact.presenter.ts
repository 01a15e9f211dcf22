// What the contact pages show: the choices on the form, and the confirmation of a recorded contact
// in plain words (what went into the chronology and the profile, and what needs doing).
import type { CasePerson } from '../../../application/cases/view-case.ts';
import type { ContactView } from '../../../application/chronology/view-contact.ts';
import { eventKindById, factorById } from '../../../domain/catalogue/catalogue.ts';
import { CONTACT_KINDS, isCall } from '../../../domain/chronology/contact-record.ts';
import { livedExperienceOf } from '../../../domain/chronology/lived-experience.ts';
import { livedExperienceRows } from '../chronology/lived-experience.presenter.ts';
import { personDisplayName, RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../../../domain/people/relationships.ts';
import { formatDate, formatDateTime } from '../../views/london-time.ts';
import { PLAN_CHECK_OUTCOME_LABELS } from '../../../domain/plan/plan-checks.ts';
import { notPossibleOnACall, sightNeeded } from '../../../domain/plan/checks-on-a-call.ts';
import { CHECK_FREQUENCY_LABELS, type CheckItem } from '../../../domain/plan/plan.types.ts';
import { checkNoteField, checkOutcomeField, UNKNOWN_ADULT } from './contact.schema.ts';

export const kindItems = CONTACT_KINDS.map((kind) => ({ value: kind, text: eventKindById(kind)?.label ?? kind }));

/** Everyone in the record who could have been there, then an adult the practitioner did not know. */
export function presentItems(people: readonly CasePerson[]) {
  return [
    ...people
      .filter((person) => !person.deceased)
      .map((person) => ({ value: person.id, text: personDisplayName(person), hint: { text: RELATIONSHIPS_TO_INFANT[person.relationshipToInfant as RelationshipToInfant] ?? '' } })),
    { value: UNKNOWN_ADULT, text: 'An adult I did not know', hint: { text: 'Describe them below' } },
  ];
}

/**
 * The plan's check items due at this contact, each in plain words with its question and the names of
 * its two fields. An item that needs the baby or the home seen says a call cannot check it and find no concern: the form
 * is one page for every kind of contact, so it says so whatever kind is chosen.
 */
export function planCheckItems(items: readonly CheckItem[]) {
  return items.map((item) => {
    const need = sightNeeded(item);
    return {
      id: item.id,
      text: item.text,
      question: item.question,
      onACall: need === null ? null : `${notPossibleOnACall(need)} On a phone or video call, choose “${PLAN_CHECK_OUTCOME_LABELS.concern}” for a concern you saw or heard, or “${PLAN_CHECK_OUTCOME_LABELS['not-checked']}”.`,
      often: CHECK_FREQUENCY_LABELS[item.frequency].toLowerCase(),
      outcomeName: checkOutcomeField(item.id),
      noteName: checkNoteField(item.id),
      outcomes: [
        { value: 'no-concern', text: PLAN_CHECK_OUTCOME_LABELS['no-concern'] },
        { value: 'concern', text: PLAN_CHECK_OUTCOME_LABELS.concern, hint: { text: 'Say what you saw or heard below' } },
        { value: 'not-checked', text: PLAN_CHECK_OUTCOME_LABELS['not-checked'], hint: { text: 'Say why below' } },
      ],
    };
  });
}

const yesNo = (value: boolean | null) => (value === null ? 'Not asked before the birth' : value ? 'Yes' : 'No');

/** Whether the baby was seen, in words: a call says why it is never seeing the baby. */
const babySeenWords = (kind: string, seen: boolean | null) => (isCall(kind) && seen === false ? 'No: a phone or video call never counts as seeing the baby' : yesNo(seen));

export function presentRecorded(caseId: string, view: ContactView) {
  const { contact, names } = view;
  const subjectName = (key: string) => (key === 'household' ? 'the household' : key === 'infant' ? 'the baby' : (names[key] ?? 'a person no longer in the record'));
  const notice = <C extends ContactView['notices'][number]['code']>(code: C) => view.notices.find((n): n is Extract<ContactView['notices'][number], { code: C }> => n.code === code);
  return {
    caseId,
    rows: [
      { key: { text: 'Contact' }, value: { text: eventKindById(contact.kind)?.label ?? contact.kind } },
      ...(view.details.jointWith ? [{ key: { text: 'With' }, value: { text: view.details.jointWith } }] : []),
      // A contact dated to the minute shows its time.
      { key: { text: 'Date' }, value: { text: contact.occurredAt.length > 10 ? formatDateTime(contact.occurredAt) : formatDate(contact.occurredAt) } },
      { key: { text: 'Baby seen' }, value: { text: babySeenWords(contact.kind, view.details.babySeen) } },
      { key: { text: 'Who else was there' }, value: { text: [...contact.presentIds.map((id) => names[id] ?? id), ...(view.details.unknownAdult ? [`an adult not known: ${view.details.unknownAdult}`] : [])].join(', ') || 'Nobody recorded' } },
      { key: { text: 'Summary' }, value: { text: contact.summary } },
    ],
    // The baby's lived experience as recorded, in the words the chronology, its print and CSV use.
    lived: livedExperienceRows(livedExperienceOf(view.details)).map((row) => ({ key: { text: row.label }, value: { text: row.text } })),
    entries: [contact, ...view.discussions].map((entry) => ({ id: entry.id, label: eventKindById(entry.kind)?.label ?? entry.kind, summary: entry.summary, significant: entry.significant })),
    // Risks first, then what protects the baby.
    evidence: [...view.evidence].sort((a, b) => Number(factorById(a.factorId)?.kind !== 'risk') - Number(factorById(b.factorId)?.kind !== 'risk')).map((e) => ({
      factor: factorById(e.factorId)?.label ?? e.factorId,
      subject: subjectName(e.subjectKey),
      direction: e.indicates === 'present' ? 'it is there' : 'it is not',
      note: e.note,
    })),
    planChecks: (view.details.planChecks ?? []).map((check) => ({ text: check.text, outcome: PLAN_CHECK_OUTCOME_LABELS[check.outcome], note: check.note })),
    babyNotSeen: notice('baby-not-seen'),
    unsafeSleep: notice('unsafe-sleep-seen'),
    unknownAdult: notice('unknown-adult'),
  };
}
