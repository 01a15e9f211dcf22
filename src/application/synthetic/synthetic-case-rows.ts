// Synthetic families as table rows, ready for multi-row inserts.
import type { Insertable } from 'kysely';
import type { Database } from '../../infrastructure/db/schema.ts';
import type { SyntheticFamily } from '../../synthetic/synthetic.types.ts';

export interface CaseRows {
  cases: Insertable<Database['cases']>[];
  people: Insertable<Database['people']>[];
  relationships: Insertable<Database['person_relationships']>[];
  team: Insertable<Database['case_team']>[];
  assessments: Insertable<Database['profile_assessments']>[];
  evidence: Insertable<Database['profile_evidence']>[];
  entries: Insertable<Database['chronology_entries']>[];
  measurements: Insertable<Database['growth_measurements']>[];
}

const EMPTY = '[]';
const json = (ids: readonly unknown[]) => (ids.length === 0 ? EMPTY : JSON.stringify(ids));

export function caseRows(families: readonly SyntheticFamily[]): CaseRows {
  const rows: CaseRows = { cases: [], people: [], relationships: [], team: [], assessments: [], evidence: [], entries: [], measurements: [] };
  for (const { record, people, relationships, team, assessments, entries, measurements } of families) {
    const caseId = record.id;
    const createdAt = record.createdAt;
    rows.cases.push({
      id: caseId,
      status: record.status,
      given_name: record.givenName,
      family_name: record.familyName,
      sex: record.sex,
      nhs_number: record.nhsNumber,
      date_of_birth: record.dateOfBirth,
      expected_delivery_date: record.expectedDeliveryDate,
      gestation_at_birth_weeks: record.gestationAtBirthWeeks,
      birth_weight_grams: record.birthWeightGrams,
      multiple_birth: record.multipleBirth,
      independently_mobile: record.independentlyMobile,
      level: record.level,
      created_by: record.createdBy,
      updated_by: record.createdBy,
      created_at: createdAt,
      updated_at: createdAt,
      profile_version: 0,
    });
    for (const p of people) {
      rows.people.push({
        case_id: caseId,
        id: p.id,
        given_name: p.givenName,
        family_name: p.familyName,
        date_of_birth: p.dateOfBirth,
        nhs_number: null,
        sex: p.sex,
        relationship_to_infant: p.relationship,
        lives_in_household: p.livesInHousehold,
        cares_for_infant: p.caresForInfant,
        visits_regularly: p.visitsRegularly,
        parental_responsibility: p.parentalResponsibility,
        paternity_confirmed: p.paternityConfirmed,
        identity_known: p.identityKnown,
        description: p.description,
        history_checked: p.historyChecked,
        updated_by: record.createdBy,
        created_at: createdAt,
        updated_at: createdAt,
      });
    }
    for (const r of relationships) {
      rows.relationships.push({ case_id: caseId, id: r.id, person_id: r.personId, other_person_id: r.otherPersonId, kind: r.kind, created_at: createdAt, created_by: record.createdBy });
    }
    for (const member of team) rows.team.push({ case_id: caseId, user_id: member.userId, role: member.role, added_at: createdAt, added_by: record.createdBy });
    for (const a of assessments) {
      rows.assessments.push({
        case_id: caseId,
        factor_id: a.factorId,
        subject_key: a.subjectKey,
        person_id: a.personId,
        status: a.status,
        detail: a.detail,
        pattern: a.pattern,
        reason: a.reason,
        protection: a.protection === null ? null : JSON.stringify(a.protection),
        updated_at: a.updatedAt,
        updated_by: a.updatedBy,
      });
      for (const e of a.evidence) {
        rows.evidence.push({
          case_id: caseId,
          id: e.id,
          factor_id: a.factorId,
          subject_key: a.subjectKey,
          source: e.source,
          note: e.note,
          indicates: e.indicates,
          given_by: null,
          recorded_at: e.recordedAt,
          recorded_by: e.recordedBy,
          recorded_by_name: e.recordedByName,
          agency: e.agency,
          event_id: null,
        });
      }
    }
    for (const e of entries) {
      rows.entries.push({
        case_id: caseId,
        id: e.id,
        kind: e.kind,
        occurred_on: e.occurredOn,
        occurred_at: null,
        recorded_at: e.recordedAt,
        recorded_by: e.recordedBy,
        recorded_by_name: e.recordedByName,
        organisation_id: e.organisationId,
        agency: e.agency,
        agency_kind: e.agencyKind,
        summary: e.summary,
        source: e.source,
        person_ids: json(e.personIds),
        present_ids: EMPTY,
        victim_ids: json(e.victimIds),
        perpetrator_ids: json(e.perpetratorIds),
        indicates: json(e.indicates),
        significant: e.significant,
        baby_seen: e.babySeen,
        substance: e.substance,
        gestation_weeks: e.gestationWeeks,
        details: '{}',
        corrects: null,
        correction_reason: null,
        external_id: null,
      });
    }
    for (const m of measurements) {
      rows.measurements.push({
        case_id: caseId,
        id: m.id,
        kind: m.kind,
        value: m.value,
        measured_on: m.measuredOn,
        recorded_at: m.recordedAt,
        recorded_by: m.recordedBy,
        recorded_by_name: m.recordedByName,
        organisation_id: m.organisationId,
        agency: m.agency,
        source: 'page',
        entry_id: null,
      });
    }
  }
  return rows;
}
