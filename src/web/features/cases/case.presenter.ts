// Turns a case view into what the case page shows: ages in words, labels, warnings.
import type { CasePerson, CaseView } from '../../../application/cases/view-case.ts';
import type { GenogramInput } from '../../drawings/genogram/render-genogram.ts';
import { cachedGenogram } from './genogram-cache.ts';
import { mayManageTeam } from '../../../domain/access/case-access.ts';
import type { ChronologyEntry } from '../../../domain/chronology/chronology.types.ts';
import { currentEntries } from '../../../domain/chronology/current-entries.ts';
import { ageInDays, correctedAge, describeAgeInDays, gestationInWords, gestationToday } from '../../../domain/people/age.ts';
import { gestationAtBirthForReading } from '../../../domain/people/birth-details.ts';
import type { YesNoNotKnown } from '../../../domain/people/person-rules.ts';
import { infantDisplayName } from '../../../domain/people/infant-name.ts';
import { formatNhsNumber } from '../../../domain/people/nhs-number.ts';
import { caseLevelLabel } from '../../../domain/shared/case-levels.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { isChildRelationship, personDisplayName, RELATIONSHIPS_TO_INFANT, type RelationshipToInfant } from '../../../domain/people/relationships.ts';
import { occurredInWords } from '../chronology/chronology.presenter.ts';
import { kindLabel } from '../chronology/entry-kinds.ts';
import type { PlanVersion } from '../../../domain/plan/plan.types.ts';
import { planSummary } from '../plan/plan.presenter.ts';

const ACCESS_LABELS = {
  'lead-professional': 'You are the lead professional',
  'team-member': 'You are in the team around the family',
  'organisation-oversight': "You oversee your organisation's work on this case",
  'break-glass': 'Emergency access',
} as const;

function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}

/** "Not known" is an answer given; "Not recorded", a question never answered (person-rules.ts). */
function answerWords(value: YesNoNotKnown | null): string {
  return value === null ? 'Not recorded' : { yes: 'Yes', no: 'No', 'not-known': 'Not known' }[value];
}

function personRow(person: CasePerson, today: string) {
  return {
    id: person.id,
    name: personDisplayName(person),
    identityKnown: person.identityKnown,
    historyChecked: person.historyChecked,
    relationship: RELATIONSHIPS_TO_INFANT[person.relationshipToInfant as RelationshipToInfant] ?? person.relationshipToInfant,
    age: person.dateOfBirth ? describeAgeInDays(ageInDays(person.dateOfBirth, today)) : 'Not known',
    livesInHousehold: yesNo(person.livesInHousehold),
    caresForInfant: yesNo(person.caresForInfant),
    visitsRegularly: yesNo(person.visitsRegularly),
    parentalResponsibility: answerWords(person.parentalResponsibility),
    paternityConfirmed: person.relationshipToInfant === 'father' ? answerWords(person.paternityConfirmed) : null,
    deceased: person.deceased,
    address: person.address,
    addressWithheld: person.addressRestricted && person.address === null,
  };
}

function genogramInput(view: CaseView): GenogramInput {
  const sex = (value: string | null) => (value === 'female' || value === 'male' ? value : 'unknown');
  return {
    infant: { id: view.record.id, label: infantDisplayName(view.record), sex: sex(view.record.sex), unborn: view.record.status === 'unborn' },
    people: view.people.map((p) => ({
      id: p.id,
      label: personDisplayName(p),
      sex: sex(p.sex),
      relationshipToInfant: p.relationshipToInfant as RelationshipToInfant,
      livesInHousehold: p.livesInHousehold,
      caresForInfant: p.caresForInfant,
      identityKnown: p.identityKnown,
      deceased: p.deceased,
      dateOfBirth: p.dateOfBirth,
    })),
    relationships: view.relationships.map((r) => ({ personId: r.personId, otherPersonId: r.otherPersonId, kind: r.kind })),
    hrefFor: (personId) => (personId === view.record.id ? '#about-the-baby' : `#person-${personId}`),
  };
}

/** The address (a restricted one never: only its reveal shows it), GP practice, birth hospital and mother's NHS number, in words. */
function presentRecordDetails(details: CaseView['record']['details']) {
  const address = [details.address, details.postcode].filter(Boolean).join('\n');
  return {
    withheld: details.addressWithheld,
    address: address || null,
    gpPractice: details.gpPracticeName ? `${details.gpPracticeName}${details.gpPracticeOdsCode ? ` (${details.gpPracticeOdsCode})` : ''}` : null,
    birthHospital: details.birthHospital,
    motherNhsNumber: details.motherNhsNumber ? formatNhsNumber(details.motherNhsNumber) : null,
  };
}

export function presentCase(view: CaseView, now: Date) {
  // The London day, as every other page counts ages and due dates: not the UTC one, a day behind
  // between midnight and one in the morning in summer.
  const today = serviceToday(now);
  const { record } = view;
  const born = record.status === 'born' && record.dateOfBirth !== null;
  const age = born ? describeAgeInDays(ageInDays(record.dateOfBirth!, today)) : null;
  const corrected = born ? correctedAge(record.dateOfBirth!, record.gestationAtBirthWeeks, today) : { applies: false as const };
  const gestation = !born && record.expectedDeliveryDate ? gestationToday(record.expectedDeliveryDate, today) : null;
  const nameById = new Map(view.people.map((p) => [p.id, personDisplayName(p)]));
  const lead = view.team.find((m) => m.role === 'lead-professional') ?? null;
  return {
    id: record.id,
    name: infantDisplayName(record),
    record,
    born,
    age,
    correctedAge: corrected.applies ? corrected.description : null,
    gestation: gestation ? gestationInWords(gestation) : null,
    gestationAtBirth: gestationAtBirthForReading(record.gestationAtBirthWeeks, record.gestationAtBirthDays),
    nhsNumber: record.nhsNumber ? formatNhsNumber(record.nhsNumber) : null,
    details: presentRecordDetails(record.details),
    level: caseLevelLabel(record.level),
    accessLabel: ACCESS_LABELS[view.access.basis],
    canManageTeam: mayManageTeam(view.access),
    canChange: view.access.canChange,
    access: view.access,
    adults: view.people.filter((p) => !isChildRelationship(p.relationshipToInfant)).map((p) => personRow(p, today)),
    children: view.people.filter((p) => isChildRelationship(p.relationshipToInfant)).map((p) => personRow(p, today)),
    unknownAdults: view.people.filter((p) => !p.identityKnown).map((p) => personDisplayName(p)),
    relationships: view.relationships.map((r) => ({
      id: r.id,
      text:
        r.kind === 'parent-of'
          ? `${nameById.get(r.personId) ?? 'Someone'} is a parent of ${nameById.get(r.otherPersonId) ?? 'someone'}`
          : `${nameById.get(r.personId) ?? 'Someone'} and ${nameById.get(r.otherPersonId) ?? 'someone'} ${r.kind === 'partners' ? 'are partners' : r.kind === 'separated' ? 'are separated' : 'are former partners'}`,
    })),
    genogram: cachedGenogram(genogramInput(view)),
    lead,
    members: view.team.filter((m) => m.role === 'member'),
  };
}

/** The three most recent entries still current (not corrected), newest first, for the case page. */
export function presentRecentEntries(entries: readonly ChronologyEntry[]) {
  return currentEntries(entries)
    .slice(-3)
    .reverse()
    .map((entry) => ({ id: entry.id, occurred: occurredInWords(entry.occurredAt), kind: kindLabel(entry.kind), agency: entry.agency, summary: entry.summary, significant: entry.significant }));
}

/** The plan's summary on the case page (the plan page has the rest); null while there is none. */
export function presentPlanSummary(plan: PlanVersion | null, today: string, entries: readonly ChronologyEntry[] = []) {
  return planSummary(plan, today, entries);
}
