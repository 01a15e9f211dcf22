import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fhirPathOf, IMPORT_OUTCOME_SYSTEM, operationOutcome, outcomeIssue, plainIssue } from './operation-outcome.ts';
import { ukCoreProblems } from './export/uk-core-rules.test-support.ts';

describe('the OperationOutcome, one builder for the import, the refusals and the searches', () => {
  it('names a place in a Bundle by FHIRPath, from the JSON pointer where the import found it', () => {
    assert.equal(fhirPathOf('/entry/2/resource/period/start'), 'Bundle.entry[2].resource.period.start');
    assert.equal(fhirPathOf('/'), 'Bundle');
    assert.equal(fhirPathOf('/entry/0/resource/a~1b/c~0d'), 'Bundle.entry[0].resource.a/b.c~d');
  });

  it('gives an import issue the import’s own code, its words and where it is', () => {
    assert.deepEqual(outcomeIssue('error', 'invalid', 'date-before-birth', 'Before the baby was born', '/entry/1/resource/period/start'), {
      severity: 'error',
      code: 'invalid',
      details: { coding: [{ system: IMPORT_OUTCOME_SYSTEM, code: 'date-before-birth' }], text: 'Before the baby was born' },
      expression: ['Bundle.entry[1].resource.period.start'],
    });
    assert.equal(outcomeIssue('information', 'informational', 'stored', 'Stored').expression, undefined);
  });

  it('says a refusal as an error and a note as information, naming what it is about', () => {
    assert.deepEqual(plainIssue('required', 'Name the baby', 'patient'), { severity: 'error', code: 'required', details: { text: 'Name the baby' }, expression: ['patient'] });
    assert.deepEqual(plainIssue('informational', 'More on the next page'), { severity: 'information', code: 'informational', details: { text: 'More on the next page' } });
  });

  it('is a UK Core OperationOutcome whose narrative has a paragraph an issue, escaped', () => {
    const outcome = operationOutcome([plainIssue('forbidden', 'Outside the team <b>'), outcomeIssue('information', 'informational', 'stored', 'Stored')]);
    assert.deepEqual(outcome.meta.profile, ['https://fhir.hl7.org.uk/StructureDefinition/UKCore-OperationOutcome']);
    assert.equal(outcome.text.div, '<div xmlns="http://www.w3.org/1999/xhtml"><p>Outside the team &lt;b&gt;</p><p>Stored</p></div>');
    assert.deepEqual(ukCoreProblems({ ...outcome }), []);
  });

  it('has at least one issue', () => {
    assert.throws(() => operationOutcome([]), /at least one issue/);
  });
});
