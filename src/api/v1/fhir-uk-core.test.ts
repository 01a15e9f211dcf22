// The FHIR import tried with NHS England's own published UK Core examples (test/fixtures/fhir/uk-core,
// copied unchanged), posted as XML and as JSON inside Bundles built around them: a father and his
// baby in one transaction, the same again, a changed resource, one entered in error, and two babies
// sent resources with the same ids. Where an example cannot be taken as published, the test says why.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { Fhir } from 'fhir';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface Line {
  index: number;
  resource: string;
  code?: string;
  id?: string;
  caseId?: string;
}
interface ImportResult {
  patients: { index: number; match: string }[];
  stored: Line[];
  duplicates: Line[];
  corrected: Line[];
  rejected: Line[];
  skipped: Line[];
  issue?: { severity: string; details: { coding: { code: string }[] }; expression?: string[] }[];
  outcome: { issue: { severity: string; details: { coding: { code: string }[] }; expression?: string[] }[] };
}

const example = (name: string) => readFileSync(new URL(`../../../test/fixtures/fhir/uk-core/UKCore-${name}-Example.xml`, import.meta.url), 'utf8');
const fhir = new Fhir();
const asJson = (xml: string) => JSON.parse(fhir.xmlToJson(xml)) as Record<string, unknown>;

/** The father in the examples: Richard Smith, NHS number 9912003888 (valid). */
const FATHER_NHS = '9912003888';
/** The published baby's NHS number, 9912003890, fails its check digit: the baby's record here has this one instead. */
const PUBLISHED_BABY_NHS = '9912003890';
const BABY_NHS = '9434765919';
const TWIN_NHS = '4010232137';

const entryXml = (fullUrl: string, resourceXml: string) => `<entry><fullUrl value="${fullUrl}"/><resource>${resourceXml}</resource><request><method value="POST"/><url value="${/<(\w+) /.exec(resourceXml)![1]!}"/></request></entry>`;
const bundleXml = (...entries: string[]) => `<Bundle xmlns="http://hl7.org/fhir"><type value="transaction"/>${entries.join('')}</Bundle>`;
/** The published baby with the one change the import needs: an NHS number that passes its check. */
const babyXml = (nhsNumber: string) => example('Patient-BabyPatient').replace(`<value value="${PUBLISHED_BABY_NHS}" />`, `<value value="${nhsNumber}" />`);

const fatherAndBaby = () =>
  bundleXml(
    entryXml('urn:uuid:0c1d6a8e-1f0a-4b9e-9a51-2f3f6d7e8a01', example('Patient-RichardSmith')),
    entryXml('urn:uuid:0c1d6a8e-1f0a-4b9e-9a51-2f3f6d7e8a02', babyXml(BABY_NHS)),
    entryXml('urn:uuid:0c1d6a8e-1f0a-4b9e-9a51-2f3f6d7e8a03', example('Observation-HeavyDrinker')),
    entryXml('urn:uuid:0c1d6a8e-1f0a-4b9e-9a51-2f3f6d7e8a04', example('Observation-VitalSigns-BodyWeight')),
    entryXml('urn:uuid:0c1d6a8e-1f0a-4b9e-9a51-2f3f6d7e8a05', example('Observation-DrugUse')),
    entryXml('urn:uuid:0c1d6a8e-1f0a-4b9e-9a51-2f3f6d7e8a06', example('Encounter-InpatientEncounter')),
  );

describe('the FHIR import with NHS England’s published UK Core examples', () => {
  let t: TestApp;
  let token: string;
  let caseId: string;
  let twinCaseId: string;
  let fatherId: string;

  before(async () => {
    t = await createTestApp();
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'Leeds Teaching Hospitals');
    const clerk = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Ward Clerk' });
    token = await apiTokenFor(t.ctx, clerk.email);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [clerk.id] }));
    ({ id: twinCaseId } = await makeCase(t.ctx, { teamUserIds: [clerk.id] }));
    // Born in the summer of 2023, so that the examples' date (10 August 2023) is in the baby's life.
    await t.ctx.db.updateTable('cases').set({ nhs_number: BABY_NHS, date_of_birth: '2023-06-01', gestation_at_birth_weeks: 39 }).where('id', '=', caseId).execute();
    await t.ctx.db.updateTable('cases').set({ nhs_number: TWIN_NHS, date_of_birth: '2023-06-01', gestation_at_birth_weeks: 39 }).where('id', '=', twinCaseId).execute();
    ({ id: fatherId } = await makePerson(t.ctx, caseId, { given_name: 'Richard', family_name: 'Smith', sex: 'male', relationship_to_infant: 'father', nhs_number: FATHER_NHS }));
  });
  after(async () => t.close());

  const post = async (body: string, contentType: string, status = 200) => {
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/fhir/Bundle', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload: body });
    assert.equal(response.statusCode, status, response.body);
    return response.json<ImportResult>();
  };
  /** The OperationOutcome's lines: in a 200 answer its `outcome`, in a refusal the answer itself. */
  const lines = (result: ImportResult) => (result.issue ?? result.outcome.issue).map((issue) => [issue.details.coding[0]?.code, issue.expression?.[0]]);

  it('takes a father and his baby in one XML transaction: the father’s drinking and weight on him, and says why it refuses the rest', async () => {
    const result = await post(fatherAndBaby(), 'application/fhir+xml');
    assert.deepEqual(result.patients.map((p) => p.match), ['person', 'infant']);
    assert.deepEqual(result.stored.map((s) => [s.index, s.resource]), [[2, 'Observation/UKCore-Observation-HeavyDrinker-Example'], [3, 'Observation/UKCore-Observation-VitalSigns-BodyWeight-Example']]);
    // The drug use example gives no date; the inpatient stay was in December 2019, before this baby's pregnancy.
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code]), [[4, 'no-date'], [5, 'before-pregnancy']]);
    assert.equal(lines(result).length, 6, 'one line a Bundle entry');
    const onFather = await t.ctx.db.selectFrom('chronology_entries').select(['person_ids', 'external_id']).where('case_id', '=', caseId).orderBy('external_id').execute();
    assert.deepEqual(onFather, [
      { person_ids: [fatherId], external_id: `fhir:person/${fatherId}/Observation/UKCore-Observation-HeavyDrinker-Example` },
      { person_ids: [fatherId], external_id: `fhir:person/${fatherId}/Observation/UKCore-Observation-VitalSigns-BodyWeight-Example` },
    ]);
  });

  it('knows the same transaction sent again as JSON, storing nothing twice', async () => {
    const again = await post(JSON.stringify(asJson(fatherAndBaby())), 'application/fhir+json');
    assert.deepEqual(again.stored, []);
    assert.deepEqual(again.duplicates.map((d) => d.index), [2, 3]);
  });

  it('records a changed weight as a correction, and the weight entered in error as marked so', async () => {
    const changed = fatherAndBaby().replace('<value value="90" />', '<value value="92" />');
    assert.notEqual(changed, fatherAndBaby(), 'the test changes the published weight, 90 kg, to 92 kg');
    assert.deepEqual((await post(changed, 'application/xml')).corrected.map((c) => c.index), [3]);
    const inError = asJson(changed);
    const weight = (inError['entry'] as { resource: Record<string, unknown> }[])[3]!.resource;
    weight['status'] = 'entered-in-error';
    const marked = await post(JSON.stringify(inError), 'application/json');
    assert.deepEqual(marked.corrected.map((c) => c.index), [3]);
    assert.deepEqual(lines(marked)[3], ['marked-entered-in-error', 'Bundle.entry[3].resource']);
  });

  it('refuses the published baby as it is: its NHS number fails its check digit', async () => {
    const result = await post(bundleXml(entryXml('urn:uuid:1', example('Patient-BabyPatient'))), 'application/fhir+xml', 422);
    assert.deepEqual(lines(result), [['nhs-number-invalid', 'Bundle.entry[0].resource']]);
  });

  it('stores resources with the same example ids for two babies, each on its own record', async () => {
    // The head circumference example is about the adult example patient; here it is pointed at each baby in turn.
    const forBaby = (nhsNumber: string) => bundleXml(entryXml('urn:uuid:baby', babyXml(nhsNumber)), entryXml('urn:uuid:obs', example('Observation-VitalSigns-HeadCircumference').replace('Patient/UKCore-Patient-RichardSmith-Example', 'Patient/UKCore-Patient-BabyPatient-Example')));
    const first = await post(forBaby(BABY_NHS), 'application/fhir+xml');
    const second = await post(JSON.stringify(asJson(forBaby(TWIN_NHS))), 'application/fhir+json');
    assert.deepEqual([first.stored.map((s) => s.caseId), second.stored.map((s) => s.caseId)], [[caseId], [twinCaseId]]);
    assert.deepEqual(second.duplicates, []);
  });

  it('says, line by line, why nothing of the published NEWS2 Bundle can be imported: its patient is a reference to no Patient in it', async () => {
    const result = await post(example('Bundle-NEWS2Observations'), 'application/fhir+xml', 422);
    assert.equal(lines(result).length, 8);
    assert.ok(lines(result).every(([code]) => code === 'unknown-subject'));
  });
});
