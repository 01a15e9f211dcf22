// Every API operation on a case, read from the app's own route table (so a new operation is walked
// too), sent by someone outside the team around the baby, an administrator, someone reading the
// record in an emergency (a change), a token without the scope needed and no token, and sent for a
// case that is not one. Each refusal has a status its operation publishes in the OpenAPI document,
// in a media type published for it, says nothing of the record, and is audited exactly once: denied,
// on the case, under the action refused (the change's for a change, the reading's for a read:
// docs/domain.md, Audit), or for an id that is no case, a failure naming the id asked. A case the
// caller may not see at all and a case there is not get one answer, byte for byte, so the API never
// tells whether a case exists (docs/adr/0024-refused-requests-audited.md). The API's refusals are its
// error shape ({ error: { code, message, details } }); a FHIR route's, an OperationOutcome.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import type { TokenScope } from '../src/domain/shared/token-scopes.ts';
import { ERROR_MEANINGS } from '../src/api/v1/schemas.ts';
import { NO_SUCH_CASE } from '../src/api/v1/unseen-case.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from './helpers/factories.ts';
import { routeTable, type RouteEntry } from './helpers/route-table.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';

/** The action each refusal is audited under, by operation. A new operation on a case needs its line here. */
const REFUSED_AS: Record<string, string> = {
  'GET /api/v1/cases/:caseId': 'case.view',
  'GET /api/v1/cases/:caseId/people': 'case.view',
  'POST /api/v1/cases/:caseId/people': 'person.add',
  'PUT /api/v1/cases/:caseId/people/:personId': 'person.update',
  'POST /api/v1/cases/:caseId/people/:personId/withdrawal': 'person.withdrawal-propose',
  'POST /api/v1/cases/:caseId/people/:personId/withdrawal/confirm': 'person.withdrawal-confirm',
  'POST /api/v1/cases/:caseId/team': 'team.add',
  'PUT /api/v1/cases/:caseId/details': 'case.details-update',
  'PUT /api/v1/cases/:caseId/birth-details': 'case.birth-details-corrected',
  'GET /api/v1/cases/:caseId/address': 'case.address-reveal',
  'GET /api/v1/cases/:caseId/profile': 'profile.view',
  'PUT /api/v1/cases/:caseId/profile/factors/:factorId': 'profile.factor-update',
  'PUT /api/v1/cases/:caseId/profile/subjects/:subjectKey': 'profile.subject-assess',
  'GET /api/v1/cases/:caseId/profile/versions': 'profile.history-view',
  'GET /api/v1/cases/:caseId/profile/compare': 'profile.history-view',
  'GET /api/v1/cases/:caseId/profile/decisions': 'profile.view',
  'POST /api/v1/cases/:caseId/profile/decisions': 'profile.decision',
  'GET /api/v1/cases/:caseId/profile/decision-leads': 'profile.view',
  'POST /api/v1/cases/:caseId/profile/decisions/:decisionId/confirmation': 'profile.decision-confirmation',
  'POST /api/v1/cases/:caseId/profile/review': 'profile.review',
  'PUT /api/v1/cases/:caseId/level': 'case.level-change',
  'GET /api/v1/cases/:caseId/level-proposals': 'level-proposals.view',
  'POST /api/v1/cases/:caseId/level-proposals': 'case.level-proposal',
  'POST /api/v1/cases/:caseId/level-proposals/:proposalId/decision': 'case.level-proposal-decision',
  'GET /api/v1/cases/:caseId/plan': 'plan.view',
  'PUT /api/v1/cases/:caseId/plan': 'plan.update',
  'GET /api/v1/cases/:caseId/timescales': 'timescales.view',
  'GET /api/v1/cases/:caseId/transfer': 'case.transfer-view',
  'POST /api/v1/cases/:caseId/transfer': 'case.transfer',
  'POST /api/v1/cases/:caseId/transfer/receipt': 'case.transfer-receipt',
  'POST /api/v1/cases/:caseId/transfer/cancellation': 'case.transfer-cancel',
  'GET /api/v1/cases/:caseId/discharge-plans': 'discharge-plan.list',
  'POST /api/v1/cases/:caseId/discharge-plans': 'discharge-plan.record',
  'GET /api/v1/cases/:caseId/meetings': 'meeting.list',
  'POST /api/v1/cases/:caseId/meetings': 'meeting.record',
  'GET /api/v1/cases/:caseId/supervisions': 'supervision.list',
  'POST /api/v1/cases/:caseId/supervisions': 'supervision.record',
  'GET /api/v1/cases/:caseId/supervisions/:supervisionId': 'supervision.view',
  'GET /api/v1/cases/:caseId/consents': 'consent.list',
  'POST /api/v1/cases/:caseId/consents': 'consent.record',
  'POST /api/v1/cases/:caseId/holds': 'legal-hold.place',
  'DELETE /api/v1/cases/:caseId/holds/:holdId': 'legal-hold.lift',
  'GET /api/v1/cases/:caseId/retention': 'legal-hold.list',
  'GET /api/v1/cases/:caseId/growth/measurements': 'growth.list',
  'POST /api/v1/cases/:caseId/growth/measurements': 'growth.record',
  'GET /api/v1/cases/:caseId/events': 'chronology.view',
  'POST /api/v1/cases/:caseId/events': 'chronology.record',
  'POST /api/v1/cases/:caseId/events/:eventId/disputes': 'chronology.dispute',
  'POST /api/v1/cases/:caseId/withdrawal': 'case.withdrawal-propose',
  'POST /api/v1/cases/:caseId/withdrawal/confirm': 'case.withdrawal-confirm',
  'GET /api/v1/fhir/Patient/:caseId': 'case.view',
  'GET /api/v1/fhir/Patient/:caseId/$everything': 'case.view',
  // FHIR searches name the case as ?patient=.
  'GET /api/v1/fhir/RelatedPerson': 'case.view',
  'GET /api/v1/fhir/Flag': 'case.view',
  'GET /api/v1/fhir/CarePlan': 'case.view',
  'GET /api/v1/fhir/CareTeam': 'case.view',
  'GET /api/v1/fhir/Consent': 'case.view',
  'GET /api/v1/fhir/Encounter': 'case.view',
  'GET /api/v1/fhir/Observation': 'case.view',
  'GET /api/v1/fhir/AuditEvent': 'case.view',
};

/** What the sampler reads of a JSON Schema as the document publishes it. */
interface Schema {
  $ref?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  type?: string | string[];
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  minItems?: number;
  minimum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
}
interface Operation {
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema & { title?: string } }> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** The least value of a schema's shape: required fields only, so that the request reaches the access rules. */
function sample(schema: Schema, doc: Doc, day: string): unknown {
  if (schema.$ref) return sample(doc.components.schemas[schema.$ref.split('/').pop()!]!, doc, day);
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return sample(options.find((option) => option.type !== 'null')!, doc, day);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (type === 'object') return Object.fromEntries((schema.required ?? []).map((key) => [key, sample(schema.properties?.[key] ?? {}, doc, day)]));
  if (type === 'array') return Array.from({ length: schema.minItems ?? 0 }, () => sample(schema.items ?? {}, doc, day));
  if (type === 'integer' || type === 'number') return schema.minimum ?? 1;
  if (type === 'boolean') return false;
  if (schema.format === 'uuid') return randomUUID();
  if (schema.format === 'date' || schema.maxLength === 10) return day;
  if (schema.format === 'date-time') return `${day}T10:00:00Z`;
  return 'x'.repeat(Math.min(Math.max(schema.minLength ?? 1, 12), schema.maxLength ?? 12));
}

describe('every API operation on a case, refused to someone outside its team', () => {
  let t: TestApp;
  let doc: Doc;
  let caseId: string;
  let personId: string;
  let leadId: string;
  let operations: RouteEntry[];
  const tokens = {} as Record<'outsider' | 'admin' | 'emergency' | 'readOnly' | 'feedOnly' | 'member', string>;
  const RECORD = /Walkfamily|Walkmother|Lena Lead|lena\.lead|9434765919|4010232137|Walk Street/;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Walk Health Visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    const lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Lena Lead', email: 'lena.lead@test.example' });
    const member = await makeUser(t.ctx, { organisationId: health.id });
    leadId = lead.id;
    caseId = (await makeCase(t.ctx, { familyName: 'Walkfamily', teamUserIds: [lead.id, member.id] })).id;
    await t.ctx.db.updateTable('cases').set({ nhs_number: '9434765919' }).where('id', '=', caseId).execute();
    personId = (await makePerson(t.ctx, caseId, { given_name: 'Walkmother', nhs_number: '4010232137', address: '1 Walk Street' })).id;
    const token = async (user: { email: string }, scopes?: TokenScope[]) => apiTokenFor(t.ctx, user.email, scopes);
    const outsider = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: police.id });
    tokens.outsider = await token(outsider);
    tokens.readOnly = await token(outsider, ['read']);
    tokens.feedOnly = await token(outsider, ['feed']);
    tokens.admin = await token(await makeUser(t.ctx, { role: 'admin', organisationId: health.id }));
    tokens.member = await token(member);
    const emergency = await makeUser(t.ctx, { organisationId: police.id });
    const now = t.clock.now();
    await t.ctx.db.insertInto('break_glass_access').values({ case_id: caseId, id: randomUUID(), user_id: emergency.id, reason: 'walk test emergency', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();
    tokens.emergency = await token(emergency);
    doc = (await t.app.inject({ url: '/api/openapi.json' })).json<Doc>();
    operations = routeTable(t.app).filter((route) => route.path.startsWith('/api/') && (route.path.includes(':caseId') || operationOf(route).parameters?.some((p) => p.name === 'patient')));
  });
  after(() => t.close());

  const docPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');
  const operationOf = (route: RouteEntry): Operation => doc.paths[docPath(route.path)]?.[route.method.toLowerCase()] ?? { responses: {} };
  const nameOf = (route: RouteEntry) => `${route.method} ${route.path}`;
  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const auditSince = (seq: string | number | bigint) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'case_id', 'details']).where('seq', '>', String(seq)).orderBy('seq').execute();

  /** The operation sent with a body and query of its shape, to this case (or another id), with this token (or none). */
  async function send(route: RouteEntry, token: string | undefined, onCase = caseId) {
    const operation = operationOf(route);
    const day = serviceToday(t.clock.now());
    const query = new URLSearchParams();
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in !== 'query') continue;
      if (parameter.name === 'patient') query.set('patient', onCase);
      else if (parameter.required) query.set(parameter.name, String(sample(parameter.schema, doc, day)));
    }
    const path = route.path.replace(':caseId', onCase).replace(':personId', personId).replace(/:\w+/g, () => randomUUID());
    const body = operation.requestBody?.content['application/json']?.schema;
    const payload = body ? sample(body, doc, day) : route.method === 'GET' || route.method === 'DELETE' ? undefined : {};
    const before = await lastSeq();
    const response = await t.app.inject({
      method: route.method as 'GET',
      url: query.size > 0 ? `${path}?${query.toString()}` : path,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const audit = await auditSince(before);
    return { response, entries: audit, audit: audit.map((entry) => `${entry.action}/${entry.outcome}/${entry.case_id === caseId ? 'case' : String(entry.case_id)}`).join(', ') };
  }

  /** What is wrong with a refusal's status, media type and body, or null. */
  function problemOf(route: RouteEntry, response: Awaited<ReturnType<typeof send>>['response'], status: number, code: string): string | null {
    const published = operationOf(route).responses[String(status)];
    const type = String(response.headers['content-type']).split(';')[0]!;
    if (response.statusCode !== status) return `answered ${String(response.statusCode)}: ${response.body.slice(0, 200)}`;
    if (!published) return `answered ${String(status)}, which its operation does not publish`;
    if (!Object.keys(published.content ?? {}).includes(type)) return `answered ${type}, publishes ${Object.keys(published.content ?? {}).join(', ')}`;
    if (RECORD.test(response.body)) return `told something of the record: ${response.body}`;
    const body = response.json<{ error?: { code: string }; resourceType?: string; issue?: { code: string }[] }>();
    const said = type === 'application/fhir+json' ? body.issue?.[0]?.code : body.error?.code;
    if (said !== code) return `said ${said ?? 'no code'}, not ${code}`;
    // The published words name the API's code; a FHIR route's describe its own OperationOutcome.
    if (type === 'application/json' && !published.description.includes(`${code}:`)) return `published '${published.description}', which does not name ${code}`;
    return null;
  }

  it('names the action of each operation’s refusal: a new operation on a case needs its line in REFUSED_AS', () => {
    assert.deepEqual(operations.map(nameOf).filter((name) => !(name in REFUSED_AS)), []);
    assert.deepEqual(Object.keys(REFUSED_AS).filter((name) => !operations.some((route) => nameOf(route) === name)), [], 'no line for an operation that is gone');
  });

  it('publishes each refusal’s meaning and body: 401, 403 and 404 in the API’s words with its error shape, or a FHIR route’s own with an OperationOutcome', () => {
    const wrong: string[] = [];
    for (const route of operations) {
      for (const status of ['401', '403', '404']) {
        const published = operationOf(route).responses[status];
        const json = published?.content?.['application/json']?.schema.$ref;
        const fhir = published?.content?.['application/fhir+json']?.schema.title;
        if (!published) wrong.push(`${nameOf(route)}: publishes no ${status}`);
        else if (fhir !== undefined ? fhir !== 'OperationOutcome' || published.description === 'Default Response' : json !== '#/components/schemas/Error' || published.description !== ERROR_MEANINGS[Number(status)])
          wrong.push(`${nameOf(route)}: ${status} published as '${published.description}' with ${JSON.stringify(published.content)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  for (const who of ['outsider', 'admin'] as const) {
    it(`answers each to ${who === 'admin' ? 'an administrator' : 'someone outside the team'} as a case there is not (its published 404), nothing of the record, audited once under the action refused`, async () => {
      const wrong: string[] = [];
      for (const route of operations) {
        const { response, audit } = await send(route, tokens[who]);
        const problem = problemOf(route, response, 404, 'not-found');
        if (problem) wrong.push(`${nameOf(route)}: ${problem}`);
        // An administrator's role gives no access to records, in an emergency or not (docs/domain.md): nothing offers it.
        else if (/emergency/i.test(response.body)) wrong.push(`${nameOf(route)}: offered emergency access: ${response.body}`);
        if (audit !== `${REFUSED_AS[nameOf(route)]!}/denied/case`) wrong.push(`${nameOf(route)}: audited ${audit || 'nothing'}`);
      }
      assert.deepEqual(wrong, []);
    });
  }

  it('answers a case the caller may not see and a case there is not alike: the same status, media type and body, byte for byte; each audited once', async () => {
    const wrong: string[] = [];
    for (const route of operations) {
      const unseen = await send(route, tokens.outsider);
      const asked = randomUUID();
      const unknown = await send(route, tokens.outsider, asked);
      const problem = problemOf(route, unknown.response, 404, 'not-found');
      if (problem) wrong.push(`${nameOf(route)}: unknown: ${problem}`);
      const shown = (r: typeof unseen.response) => `${String(r.statusCode)} ${String(r.headers['content-type'])} ${r.body}`;
      if (shown(unseen.response) !== shown(unknown.response)) wrong.push(`${nameOf(route)}: unseen answered ${shown(unseen.response)}, unknown ${shown(unknown.response)}`);
      if (!unknown.response.body.includes(NO_SUCH_CASE)) wrong.push(`${nameOf(route)}: not in the one wording: ${unknown.response.body}`);
      // The unknown id: one failure, no case, naming the id asked, the operation by its route template.
      const entries = unknown.entries.map((entry) => ({ action: entry.action, outcome: entry.outcome, case_id: entry.case_id, details: entry.details }));
      const expected = [{ action: 'request.unknown-case', outcome: 'failure', case_id: null, details: { method: route.method, route: route.path, caseIdAsked: asked, tokenId: entries[0]?.details?.['tokenId'] } }];
      if (!isDeepStrictEqual(entries, expected) || typeof expected[0]!.details.tokenId !== 'string') wrong.push(`${nameOf(route)}: unknown audited ${JSON.stringify(entries)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses each change to someone reading the record in an emergency, audited as the change', async () => {
    const wrong: string[] = [];
    for (const route of operations.filter((route) => route.method !== 'GET')) {
      const { response, audit } = await send(route, tokens.emergency);
      const problem = problemOf(route, response, 403, 'forbidden');
      if (problem) wrong.push(`${nameOf(route)}: ${problem}`);
      if (audit !== `${REFUSED_AS[nameOf(route)]!}/denied/case`) wrong.push(`${nameOf(route)}: audited ${audit || 'nothing'}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses a token without the scope an operation needs with its published 403 insufficient-scope, audited once as the token’s refusal', async () => {
    const wrong: string[] = [];
    for (const route of operations) {
      // A read needs `read`; a change `write` (an event `feed`, which a read-only token lacks too).
      const { response, audit } = await send(route, route.method === 'GET' ? tokens.feedOnly : tokens.readOnly);
      const problem = problemOf(route, response, 403, 'insufficient-scope');
      if (problem) wrong.push(`${nameOf(route)}: ${problem}`);
      if (audit !== 'api-token.scope/denied/case') wrong.push(`${nameOf(route)}: audited ${audit || 'nothing'}`);
    }
    assert.deepEqual(wrong, []);
    // The entry names the operation by its route template; an id that is no case is not named.
    const route = { method: 'POST', path: '/api/v1/cases/:caseId/events' };
    const seq = await lastSeq();
    await send(route, tokens.readOnly, randomUUID());
    const entry = await t.ctx.db.selectFrom('audit_log').select(['case_id', 'details']).where('seq', '>', seq).executeTakeFirstOrThrow();
    assert.deepEqual(entry, { case_id: null, details: { needed: 'feed', method: 'POST', route: route.path } });
  });

  it('answers each sent without a token with its published 401, auditing nothing', async () => {
    const wrong: string[] = [];
    for (const route of operations) {
      const { response, audit } = await send(route, undefined);
      const problem = problemOf(route, response, 401, 'unauthorised');
      if (problem) wrong.push(`${nameOf(route)}: ${problem}`);
      if (response.headers['www-authenticate'] !== 'Bearer') wrong.push(`${nameOf(route)}: no WWW-Authenticate: Bearer`);
      if (audit !== '') wrong.push(`${nameOf(route)}: audited ${audit}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('answers each for a case there is not with its published 404, to a member of another case’s team, audited once as a failure naming the id asked', async () => {
    const wrong: string[] = [];
    for (const route of operations) {
      const asked = randomUUID();
      const { response, entries } = await send(route, tokens.member, asked);
      const problem = problemOf(route, response, 404, 'not-found');
      if (problem) wrong.push(`${nameOf(route)}: ${problem}`);
      if (entries.length !== 1 || entries[0]!.action !== 'request.unknown-case' || entries[0]!.details?.['caseIdAsked'] !== asked) wrong.push(`${nameOf(route)}: audited ${JSON.stringify(entries)}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('names an id asked only when it is of the shape of an id: a FHIR ?patient= that is not one is recorded as not-an-id', async () => {
    const seq = await lastSeq();
    const response = await t.app.inject({ url: '/api/v1/fhir/Flag?patient=9434765919', headers: { authorization: `Bearer ${tokens.member}` } });
    assert.equal(response.statusCode, 404);
    const entries = await auditSince(seq);
    assert.deepEqual(entries.map((entry) => [entry.action, entry.details?.['caseIdAsked']]), [['request.unknown-case', 'not-an-id']]);
    assert.ok(!JSON.stringify(entries).includes('9434765919'));
  });

  it('refuses each entry of POST /events:batch naming a case the caller may not see exactly as one naming a case there is not, each case audited once, and stores the rest', async () => {
    const unseenId = (await makeCase(t.ctx, { familyName: 'Batchfamily', teamUserIds: [leadId] })).id;
    const [unknownId, otherUnknownId] = [randomUUID(), randomUUID()];
    const occurredAt = new Date(t.clock.now().getTime() - 3_600_000).toISOString();
    const entry = (onCase: string, n: number) => ({ caseId: onCase, kind: 'clinic-contact', occurredAt, summary: `Batch walk ${String(n)}`, source: 'agency-record' });
    const seq = await lastSeq();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/events:batch',
      headers: { authorization: `Bearer ${tokens.member}` },
      payload: { entries: [entry(unseenId, 0), entry(caseId, 1), entry(unknownId, 2), entry(unseenId, 3), entry(unknownId, 4), entry(otherUnknownId, 5)] },
    });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<{ stored: { index: number }[]; rejected: { index: number; code: string; message: string; details: { path: string; message: string }[] }[] }>();
    // The batch's rule: each entry stored or refused on its own.
    assert.deepEqual(result.stored.map((stored) => stored.index), [1]);
    assert.deepEqual(result.rejected, [0, 2, 3, 4, 5].map((index) => ({ index, code: 'not-found', message: NO_SUCH_CASE, details: [{ path: `/entries/${String(index)}/caseId`, message: NO_SUCH_CASE }] })));
    assert.ok(!/Batchfamily/.test(response.body));
    const entries = (await auditSince(seq)).filter((e) => e.case_id !== caseId).map((e) => ({ action: e.action, outcome: e.outcome, onUnseen: e.case_id === unseenId, asked: e.details?.['caseIdAsked'], entries: e.details?.['entries'] }));
    const sorted = entries.sort((a, b) => String(a.asked).localeCompare(String(b.asked)));
    const expected = [
      { action: 'chronology.batch', outcome: 'denied', onUnseen: true, asked: undefined, entries: undefined },
      { action: 'request.unknown-case', outcome: 'failure', onUnseen: false, asked: unknownId, entries: [2, 4] },
      { action: 'request.unknown-case', outcome: 'failure', onUnseen: false, asked: otherUnknownId, entries: [5] },
    ].sort((a, b) => String(a.asked).localeCompare(String(b.asked)));
    assert.deepEqual(sorted, expected);
  });
});
