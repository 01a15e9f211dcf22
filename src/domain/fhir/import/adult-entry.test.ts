import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryAboutAnAdult } from './adult-entry.ts';
import type { ImportedEntry } from './fhir-import.types.ts';

const entry = (fields: Partial<ImportedEntry>): ImportedEntry => ({ kind: 'case-note', occurredAt: '2026-11-20', summary: 'Bruise to left cheek', source: 'agency-record', externalId: 'fhir:Observation/o-1', ...fields });

describe('an entry read from an adult’s record', () => {
  it('keeps drinking, drug use, smoking, a safeguarding flag and notes as read', () => {
    for (const fields of [
      { kind: 'substance-use-increase', substance: 'alcohol' },
      { kind: 'case-note', indicates: [{ factorId: 'smoking-in-home' }] },
      { kind: 'safeguarding-flag' },
      { kind: 'case-note' },
    ] as const) {
      assert.deepEqual(entryAboutAnAdult(entry(fields)), entry(fields), fields.kind);
    }
  });

  it('makes what would be about the baby a case note that keeps it in words: never the baby’s injury, attendance, discharge, contact or missed appointment', () => {
    for (const [kind, label] of [
      ['injury-observed', 'Injury seen'],
      ['emergency-attendance', 'Emergency department attendance'],
      ['hospital-admission', 'Admitted to hospital'],
      ['hospital-discharge', 'Discharged from hospital'],
      ['neonatal-admission', 'Admitted to a neonatal unit'],
      ['neonatal-discharge', 'Discharged from a neonatal unit'],
      ['clinic-contact', 'Clinic contact'],
      ['home-visit', 'Home visit'],
      ['was-not-brought', 'Not brought to an appointment'],
    ] as const) {
      const adult = entryAboutAnAdult(entry({ kind, agency: 'City Hospital' }));
      assert.deepEqual(adult, entry({ kind: 'case-note', agency: 'City Hospital', summary: `${label} (an adult's record). Bruise to left cheek` }), kind);
    }
  });
});
