// A FHIR route's JSON body that cannot be read (empty, not well formed, JSON but not an object) is a
// 400 OperationOutcome saying what is wrong and what to send, in either JSON media type; the API's
// own routes that share the FHIR JSON parser (POST .../transfer) keep the API's error shape.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiTokenFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface Outcome {
  resourceType: string;
  issue: { severity: string; code: string; details: { coding: { code: string }[]; text: string } }[];
}

const FHIR_ROUTES = ['/api/v1/fhir/Bundle', '/api/v1/transfers'];
const JSON_TYPES = ['application/fhir+json', 'application/json'];
const WHAT_TO_SEND = 'Send one JSON object, a FHIR Bundle such as {"resourceType": "Bundle", "entry": [...]}';

describe('FHIR routes: a JSON body that cannot be read', () => {
  let t: TestApp;
  let token: string;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const hospital = await makeOrganisation(t.ctx, 'hospital', 'City Hospital');
    const clerk = await makeUser(t.ctx, { organisationId: hospital.id, name: 'Ward Clerk' });
    token = await apiTokenFor(t.ctx, clerk.email);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [clerk.id] }));
  });
  after(async () => t.close());

  const post = (url: string, contentType: string, payload: string) => t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, payload });

  async function refusal(url: string, contentType: string, payload: string): Promise<string> {
    const response = await post(url, contentType, payload);
    const where = `${url} ${contentType} ${JSON.stringify(payload)}`;
    assert.equal(response.statusCode, 400, `${where}: ${response.body}`);
    assert.match(String(response.headers['content-type']), /^application\/fhir\+json/, where);
    const outcome = response.json<Outcome>();
    assert.equal(outcome.resourceType, 'OperationOutcome', where);
    assert.deepEqual(outcome.issue.map((issue) => [issue.severity, issue.code, issue.details.coding[0]?.code]), [['fatal', 'structure', 'unreadable']], where);
    const text = outcome.issue[0]!.details.text;
    assert.doesNotMatch(text, /content-type is set/, `${where}: Fastify's own words`);
    assert.ok(text.endsWith(WHAT_TO_SEND), `${where} says what to send: ${text}`);
    return text;
  }

  it('answers JSON that is not well formed with where JSON.parse stopped', async () => {
    for (const url of FHIR_ROUTES) {
      assert.match(await refusal(url, 'application/fhir+json', '{"resourceType": "Bundle",, }'), /^The body is not well-formed JSON \(.*position 26.*\)\. Send/);
      assert.match(await refusal(url, 'application/fhir+json', '{"resourceType": '), /^The body is not well-formed JSON \(Unexpected end of JSON input\)/);
      // application/json on /transfers is Fastify's parser, shared with the API's routes: it does not say where.
      const where = url === '/api/v1/transfers' ? '' : ' \\(Unexpected end of JSON input\\)';
      assert.match(await refusal(url, 'application/json', '{"resourceType": '), new RegExp(`^The body is not well-formed JSON${where}\\. Send`));
    }
  });

  it('answers an empty body as empty, in either JSON type', async () => {
    for (const url of FHIR_ROUTES) for (const type of JSON_TYPES) assert.match(await refusal(url, type, ''), /^The body is empty\. Send/);
    assert.match(await refusal('/api/v1/fhir/Bundle', 'application/fhir+json', '  \n'), /^The body is empty\./);
  });

  it('answers JSON that is not an object (an array, a string, a number, null) as not an object', async () => {
    for (const url of FHIR_ROUTES) for (const type of JSON_TYPES) for (const payload of ['[{"resourceType": "Bundle"}]', '"Bundle"', '12', 'null']) {
      assert.match(await refusal(url, type, payload), /^The body is JSON but not an object\. Send/);
    }
  });

  it('still refuses a "__proto__" key, saying so', async () => {
    assert.match(await refusal('/api/v1/fhir/Bundle', 'application/fhir+json', '{"resourceType": "Bundle", "__proto__": {"x": 1}}'), /"__proto__" is not allowed/);
  });

  it('keeps the API’s own error shape on POST /cases/{caseId}/transfer, which shares the FHIR JSON parser', async () => {
    for (const type of JSON_TYPES) for (const payload of ['', '{"toArea": ']) {
      const response = await post(`/api/v1/cases/${caseId}/transfer`, type, payload);
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      assert.equal(response.json<{ error: { code: string } }>().error.code, 'bad-request');
    }
    const array = await post(`/api/v1/cases/${caseId}/transfer`, 'application/fhir+json', '[]');
    assert.equal(array.json<{ error: { code: string } }>().error.code, 'validation-failed');
  });
});
