// Everything the record holds about a subject access request's subject (issue 21): in each case they
// appear in, the baby's details, the people, the chronology, the profile's factors and evidence and
// the findings of its current version, as items for the redaction rules
// (domain/subject-access/redaction-rules.ts), with what those rules need to know.
import { FACTORS } from '../../domain/catalogue/catalogue.ts';
import { EVENT_KINDS } from '../../domain/catalogue/event-kinds.ts';
import { FINDING_DEFINITIONS } from '../../domain/catalogue/finding-definitions.ts';
import { FACTOR_STATUSES, isFactorStatus } from '../../domain/catalogue/statuses.ts';
import { formatNhsNumber } from '../../domain/people/nhs-number.ts';
import { RELATIONSHIPS_TO_INFANT, isChildRelationship, isRelationshipToInfant } from '../../domain/people/relationships.ts';
import { dayInWords } from '../../domain/shared/calendar-date.ts';
import type { FoundItem, FoundPerson, RedactionContext } from '../../domain/subject-access/redaction-rules.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { Subject } from './subject.ts';

const kindLabel = new Map(EVENT_KINDS.map((kind) => [kind.id as string, kind.label]));
const factorLabel = new Map(FACTORS.map((factor) => [factor.id as string, factor.label]));
const findingTitle = new Map(FINDING_DEFINITIONS.map((finding) => [finding.id as string, finding.title]));
const named = (...parts: (string | null)[]) => parts.filter((part): part is string => part !== null && part.trim() !== '');
const sentence = (parts: (string | null | false)[]) => parts.filter((part): part is string => typeof part === 'string' && part !== '').join('. ');

export interface Material {
  items: FoundItem[];
  context: RedactionContext;
  /** The cases found, for the audit trail: each is a look at that case. */
  caseIds: string[];
}

/** The cases the subject appears in, every item of each, and the rules' context. */
export async function materialFor(db: Queryable, subject: Subject, controller: RedactionContext['controller']): Promise<Material> {
  const caseIds = [...new Set([...subject.babyOf, ...subject.rows.map((row) => row.caseId)])].sort();
  if (caseIds.length === 0) return { items: [], caseIds, context: { controller, requester: new Set(), ownNames: [], people: [] } };
  const [cases, people, entries, assessments, evidence, versions] = await Promise.all([
    db.selectFrom('cases').select(['id', 'given_name', 'family_name', 'date_of_birth', 'expected_delivery_date', 'nhs_number', 'address', 'postcode']).where('id', 'in', caseIds).orderBy('id').execute(),
    db.selectFrom('people').select(['case_id', 'id', 'given_name', 'family_name', 'date_of_birth', 'nhs_number', 'relationship_to_infant', 'description', 'address', 'identity_known']).where('case_id', 'in', caseIds).orderBy('case_id').orderBy('created_at').orderBy('id').execute(),
    db.selectFrom('chronology_entries').select(['case_id', 'id', 'kind', 'occurred_on', 'agency', 'organisation_id', 'summary', 'source', 'person_ids', 'present_ids', 'victim_ids', 'perpetrator_ids']).where('case_id', 'in', caseIds).orderBy('case_id').orderBy('occurred_on').orderBy('recorded_at').orderBy('id').execute(),
    db.selectFrom('profile_assessments').select(['case_id', 'factor_id', 'subject_key', 'person_id', 'status', 'detail', 'reason']).where('case_id', 'in', caseIds).where('status', '!=', 'not-assessed').orderBy('case_id').orderBy('factor_id').orderBy('subject_key').execute(),
    db.selectFrom('profile_evidence').select(['case_id', 'id', 'factor_id', 'subject_key', 'source', 'note', 'given_by', 'agency', 'recorded_at']).where('case_id', 'in', caseIds).orderBy('case_id').orderBy('recorded_at').orderBy('id').execute(),
    db.selectFrom('profile_versions').select(['case_id', 'version', 'findings']).where('case_id', 'in', caseIds).where('findings', 'is not', null).orderBy('case_id').orderBy('version', 'desc').execute(),
  ]);

  const key = (caseId: string, personId: string) => `${caseId}/${personId}`;
  const requester = new Set([...subject.rows, ...subject.parentRows].map((row) => key(row.caseId, row.personId)));
  const ownNames = [
    ...cases.flatMap((c) => named(c.given_name, c.family_name)),
    ...people.filter((p) => requester.has(key(p.case_id, p.id))).flatMap((p) => named(p.given_name, p.family_name)),
  ];
  const foundPeople: FoundPerson[] = people.map((p) => ({ key: key(p.case_id, p.id), names: p.identity_known ? named(p.given_name, p.family_name) : [], child: isChildRelationship(p.relationship_to_infant) }));
  const adultOf = (caseId: string, subjectKey: string) => (subjectKey === 'infant' || subjectKey === 'household' ? [] : [key(caseId, subjectKey)]);

  const items: FoundItem[] = [
    ...cases.map((c) => ({
      key: `case:${c.id}`,
      caseId: c.id,
      section: 'people' as const,
      heading: `${named(c.given_name, c.family_name).join(' ') || 'Baby, name not known'} (the baby)`,
      text: sentence([c.date_of_birth ? `Born ${dayInWords(c.date_of_birth)}` : c.expected_delivery_date ? `Due ${dayInWords(c.expected_delivery_date)}` : null, c.nhs_number ? `NHS number ${formatNhsNumber(c.nhs_number)}` : null, c.address ? `Address ${named(c.address, c.postcode).join(', ')}` : null]),
      aboutPeople: [],
    })),
    ...people.map((p) => ({
      key: `person:${key(p.case_id, p.id)}`,
      caseId: p.case_id,
      section: 'people' as const,
      heading: `${p.identity_known ? named(p.given_name, p.family_name).join(' ') || 'Name not known' : (p.description ?? 'Identity not known')} (${isRelationshipToInfant(p.relationship_to_infant) ? RELATIONSHIPS_TO_INFANT[p.relationship_to_infant] : p.relationship_to_infant})`,
      text: sentence([p.date_of_birth ? `Born ${dayInWords(p.date_of_birth)}` : null, p.nhs_number ? `NHS number ${formatNhsNumber(p.nhs_number)}` : null, p.address ? `Address ${p.address}` : null]),
      detailsOf: key(p.case_id, p.id),
      aboutPeople: [],
    })),
    ...entries.map((e) => ({
      key: `entry:${key(e.case_id, e.id)}`,
      caseId: e.case_id,
      section: 'chronology' as const,
      heading: `${dayInWords(e.occurred_on)}: ${kindLabel.get(e.kind) ?? e.kind} (${e.agency})`,
      text: e.summary,
      aboutPeople: [...new Set([...e.person_ids, ...e.present_ids, ...e.victim_ids, ...e.perpetrator_ids])].map((id) => key(e.case_id, id)),
      source: e.source,
      agency: { organisationId: e.organisation_id, name: e.agency },
    })),
    ...assessments.map((a) => ({
      key: `factor:${key(a.case_id, a.factor_id)}/${a.subject_key}`,
      caseId: a.case_id,
      section: 'profile' as const,
      heading: factorLabel.get(a.factor_id) ?? a.factor_id,
      text: sentence([isFactorStatus(a.status) ? FACTOR_STATUSES[a.status].label : a.status, a.detail, a.reason]),
      aboutPeople: a.person_id ? [key(a.case_id, a.person_id)] : adultOf(a.case_id, a.subject_key),
    })),
    ...evidence.map((e) => ({
      key: `evidence:${key(e.case_id, e.id)}`,
      caseId: e.case_id,
      section: 'profile' as const,
      heading: `Evidence on ${(factorLabel.get(e.factor_id) ?? e.factor_id).toLocaleLowerCase('en-GB')} (${e.agency}, ${dayInWords(e.recorded_at.toISOString())})`,
      text: sentence([e.note, e.given_by ? `Given by ${e.given_by}` : null]),
      aboutPeople: adultOf(e.case_id, e.subject_key),
      source: e.source,
      agency: { name: e.agency },
    })),
    ...cases.flatMap((c) => {
      const latest = versions.find((v) => v.case_id === c.id);
      return (latest?.findings ?? []).map((f) => ({ key: `finding:${key(c.id, f.id)}`, caseId: c.id, section: 'findings' as const, heading: findingTitle.get(f.id) ?? f.id, text: f.rationale, aboutPeople: [] }));
    }),
  ];
  return { items, caseIds, context: { controller, requester, ownNames, people: foundPeople } };
}
