// The baby's lived experience in the API's chronology: GET /cases/{caseId}/events carries what a
// contact recorded with the contact form (every reply is checked against its published schema), the
// OpenAPI document publishes exactly its answers, and an agency's entry cannot pass its own details
// off as a contact's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordContact } from '../../application/chronology/record-contact.ts';
import { LIVED_EXPERIENCE_FIELDS } from '../../domain/chronology/lived-experience.ts';
import { actorFor, makePerson } from '../../../test/helpers/factories.ts';
import { caseApi, type CaseApi } from '../../../test/helpers/case-api.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

describe("the baby's lived experience in the API's chronology", () => {
  let t: TestApp;
  let api: CaseApi;

  before(async () => {
    t = await createTestApp();
    api = await caseApi(t, [{ name: 'Visitor', scopes: ['read', 'feed'] }]);
    await makePerson(t.ctx, api.caseId, { id: 'mum' });
    const visitor = await t.ctx.db.selectFrom('users').select(['id', 'organisation_id']).where('id', '=', api.users['Visitor']!).executeTakeFirstOrThrow();
    const contact = await recordContact(t.ctx, actorFor({ id: visitor.id, organisationId: visitor.organisation_id, role: 'practitioner' }), api.caseId, {
      kind: 'home-visit',
      occurredOn: '2026-11-20',
      babySeen: 'yes',
      awakeOrAsleep: 'asleep',
      interaction: 'Mum picked him up when he stirred',
      dressed: 'Clean, warm',
      demeanour: 'Settled',
      whereKept: 'Moses basket',
      presentIds: ['mum'],
      sleepingSeen: 'no',
      safeSleepAdvice: 'no',
      cryingAdvice: 'no',
      siblingsSaid: 'Ella said he is her baby',
      summary: 'Visit',
    });
    assert.ok(contact.ok, JSON.stringify(contact));
  });
  after(async () => t.close());

  it("lists a contact with the answers it recorded, and no answers on any other entry, whatever its details say", async () => {
    const sent = await api.call('Visitor', 'POST', 'events', {
      kind: 'case-note',
      occurredAt: '2026-11-21',
      summary: 'Agency note',
      source: 'agency-record',
      details: { awakeOrAsleep: 'awake', interaction: 'Sent by an agency' },
    });
    assert.equal(sent.statusCode, 201, sent.body);
    assert.equal(sent.json<{ livedExperience?: unknown }>().livedExperience, undefined);
    const reply = await api.call('Visitor', 'GET', 'events');
    assert.equal(reply.statusCode, 200, reply.body);
    const events = reply.json<{ events: { kind: string; livedExperience?: unknown }[] }>().events;
    assert.deepEqual(events.find((e) => e.kind === 'home-visit')!.livedExperience, {
      awakeOrAsleep: 'asleep',
      interaction: 'Mum picked him up when he stirred',
      dressed: 'Clean, warm',
      demeanour: 'Settled',
      whereKept: 'Moses basket',
      siblingsSaid: 'Ella said he is her baby',
    });
    assert.equal(events.find((e) => e.kind === 'case-note')!.livedExperience, undefined);
  });

  it('publishes exactly the answers the domain keeps, each optional, in the OpenAPI document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>> }>();
    const list = document.paths['/api/v1/cases/{caseId}/events']!['get']!.responses['200']!.content['application/json']!.schema as {
      properties: { events: { items: { properties: { livedExperience: { type: string; properties: Record<string, unknown>; required?: string[]; description: string } } } } };
    };
    const lived = list.properties.events.items.properties.livedExperience;
    assert.equal(lived.type, 'object');
    assert.deepEqual(Object.keys(lived.properties), [...LIVED_EXPERIENCE_FIELDS]);
    assert.equal(lived.required, undefined);
    assert.match(lived.description, /lived experience/);
  });
});
