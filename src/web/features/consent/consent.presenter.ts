// Turns the consent view into what the consent page shows: the GP last told in words, one line a
// consent or sharing with a tag for its status, the records of sharing without consent in full (what,
// with whom, the basis, who decided and why), and the choices of the forms.
import type { ConsentView } from '../../../application/consent/view-consent.ts';
import { basisInWords } from '../../../domain/consent/consent-summary.ts';
import { LAWFUL_BASES, LAWFUL_BASIS_LABELS } from '../../../domain/consent/consent.types.ts';
import { gpToldInWords } from '../../../domain/consent/gp-told.ts';
import { dayInWords } from '../../../domain/shared/calendar-date.ts';
import { SOMEONE_ELSE } from './consent.form.ts';

const TAGS = {
  given: { text: 'Given', classes: 'govuk-tag--green' },
  refused: { text: 'Refused', classes: 'govuk-tag--red' },
  withdrawn: { text: 'Withdrawn', classes: 'govuk-tag--orange' },
  'shared-without-consent': { text: 'Shared without consent', classes: 'govuk-tag--purple' },
} as const;

export function presentConsent(view: ConsentView) {
  const byId = new Map(view.records.map((record) => [record.id, record]));
  return {
    caseId: view.caseId,
    babyName: view.babyName,
    canChange: view.canChange,
    gpLastTold: gpToldInWords(view.gpLastTold),
    gpShared: view.gpLastTold?.shared ?? null,
    lines: view.lines.map((line) => {
      const record = byId.get(line.id);
      const details: { key: string; value: string }[] = [];
      if (record?.kind === 'shared-without-consent') {
        details.push({ key: 'What was shared', value: record.sharedWhat }, { key: 'Lawful basis', value: basisInWords(record) }, { key: 'Who decided', value: record.decidedByName }, { key: 'Why', value: record.reason });
      }
      if (record?.note) details.push({ key: 'Note', value: record.note });
      if (record) details.push({ key: 'Recorded by', value: `${record.recordedBy}, ${dayInWords(record.recordedAt.slice(0, 10))}` });
      return { id: line.id, text: line.text, tag: TAGS[line.status], details };
    }),
    stillGiven: view.stillGiven.map((line) => ({ id: line.id, text: line.text })),
  };
}

export function formChoices(view: ConsentView, values: Record<string, string>) {
  return {
    askedItems: [
      { value: '', text: 'Choose who was asked', selected: (values['askedPersonId'] ?? '') === '' },
      ...view.people.map((p) => ({ value: p.id, text: p.name, selected: values['askedPersonId'] === p.id })),
      { value: SOMEONE_ELSE, text: 'Someone else (enter their name below)', selected: values['askedPersonId'] === SOMEONE_ELSE },
    ],
    answerItems: [
      { value: 'given', text: 'Given', checked: values['answer'] === 'given' },
      { value: 'refused', text: 'Refused', checked: values['answer'] === 'refused' },
    ],
    withdrawItems: view.stillGiven.map((line) => ({ value: line.id, text: line.text, checked: values['withdraws'] === line.id })),
    basisItems: LAWFUL_BASES.map((basis) => ({ value: basis, text: basis === 'other' ? 'Another basis (say which below)' : LAWFUL_BASIS_LABELS[basis], checked: values['basis'] === basis })),
    deciderItems: [
      { value: '', text: 'Choose who decided', selected: (values['decidedBy'] ?? '') === '' },
      ...view.deciders.map((u) => ({ value: u.id, text: u.name, selected: values['decidedBy'] === u.id })),
    ],
  };
}
