import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EVENT_KIND_IDS } from '../../domain/catalogue/event-kinds.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface Entry {
  id: string;
  kind: string;
  agency: string;
  agencyKind: string;
  source: string;
  significant: boolean;
  correctedBy?: string[];
  corrects?: string;
}

describe('chronology events API', () => {
  let t: TestApp;
  let caseId: string;
  const tokens: Record<string, string> = {};
  before(async () => {
    t = await createTestApp();
    const police = await makeOrganisation(t.ctx, 'police', 'County Police');
    const users = {
      lead: await makeUser(t.ctx, { name: 'Hana Visitor' }),
      officer: await makeUser(t.ctx, { name: 'PC Lane', organisationId: police.id }),
      outsider: await makeUser(t.ctx, { name: 'Out Sider' }),
    };
    for (const [name, user] of Object.entries(users)) {
      tokens[name] = await apiTokenFor(t.ctx, user.email);
    }
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [users.lead.id, users.officer.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
    await makePerson(t.ctx, caseId, { id: 'dad', given_name: 'Dan', relationship_to_infant: 'father', sex: 'male', history_checked: true });
  });
  after(async () => t.close());

  const call = (who: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1/cases/${caseId}${url}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  const incident = { kind: 'police-domestic-abuse-incident', occurredAt: '2026-11-20T23:10:00+00:00', summary: 'Neighbours called police: shouting, a broken door', source: 'agency-record', personIds: ['mum', 'dad'], victimIds: ['mum'], perpetratorIds: ['dad'], externalId: 'CAD-1234' };

  it('records an entry from the caller’s agency, significant because it is a trigger, and it feeds the profile at once', async () => {
    const created = await call('officer', 'POST', '/events', incident);
    assert.equal(created.statusCode, 201, created.body);
    const entry = created.json<Entry>();
    assert.equal(entry.agency, 'County Police');
    assert.equal(entry.agencyKind, 'police');
    assert.equal(entry.significant, true);
    const profile = (await call('lead', 'GET', '/profile')).json<{ findings: { id: string; personIds: string[] }[]; factors: { factorId: string; personId?: string; evidence: { source: string; eventId?: string }[] }[] }>();
    const victim = profile.factors.find((f) => f.factorId === 'domestic-abuse-victim' && f.personId === 'mum');
    assert.deepEqual(victim?.evidence.map((e) => [e.source, e.eventId]), [['agency-record', entry.id]]);
    const perpetrator = profile.factors.find((f) => f.factorId === 'domestic-abuse-perpetrator' && f.personId === 'dad');
    assert.equal(perpetrator?.evidence.length, 1);
    assert.ok(profile.findings.some((f) => f.id === 'domestic-abuse'));
  });

  it('returns the stored entry, and writes nothing, when the same external id comes again', async () => {
    const again = await call('officer', 'POST', '/events', incident);
    assert.equal(again.statusCode, 200);
    const listed = (await call('lead', 'GET', '/events')).json<{ events: Entry[] }>();
    assert.equal(listed.events.length, 1);
    assert.equal(again.json<Entry>().id, listed.events[0]?.id);
  });

  it('names each problem with its path and keeps nothing', async () => {
    // A kind or source not on the published lists breaks the schema (400), naming the values allowed.
    const unlisted = await call('lead', 'POST', '/events', { kind: 'tea-party', occurredAt: '2026-11-20', summary: 'A note', source: 'rumour' });
    assert.equal(unlisted.statusCode, 400);
    const listed = unlisted.json<{ error: { details: { path: string; message: string }[] } }>().error.details;
    assert.deepEqual(listed.map((d) => d.path), ['/kind', '/source']);
    assert.match(listed[0]!.message, /^must be one of .*"home-visit"/);
    assert.match(listed[1]!.message, /^must be one of .*"carer-account"/);
    const bad = await call('lead', 'POST', '/events', { kind: 'case-note', occurredAt: '2026-02-30', summary: 'A note', source: 'observed', personIds: ['mum', 'ghost'], indicates: [{ factorId: 'prematurity' }, { factorId: 'unsafe-sleep', personId: 'mum' }] });
    assert.equal(bad.statusCode, 422);
    const error = bad.json<{ error: { code: string; details: { path: string; message: string }[] } }>().error;
    assert.equal(error.code, 'invalid-entry');
    assert.deepEqual(error.details.map((d) => d.path), ['/occurredAt', '/personIds/1', '/indicates/0/factorId', '/indicates/1/personId']);
    const blank = await call('lead', 'POST', '/events', { kind: 'case-note', occurredAt: '2026-11-20', summary: ' ', source: 'observed' });
    assert.equal(blank.statusCode, 400, 'a blank summary breaks the published schema');
    assert.deepEqual(blank.json<{ error: { details: { path: string }[] } }>().error.details.map((d) => d.path), ['/summary']);
    const future = await call('lead', 'POST', '/events', { ...incident, externalId: undefined, occurredAt: '2099-01-01' });
    assert.match(future.json<{ error: { details: { message: string }[] } }>().error.details[0]!.message, /today or in the past/);
    for (const occurredAt of ['0001-01-01', '1899-12-31T23:00:00Z']) {
      const ancient = await call('lead', 'POST', '/events', { ...incident, externalId: undefined, occurredAt });
      assert.equal(ancient.statusCode, 422, occurredAt);
      const { code, details } = ancient.json<{ error: { code: string; details: { path: string; message: string }[] } }>().error;
      assert.equal(code, 'invalid-entry');
      assert.deepEqual(details, [{ path: '/occurredAt', message: 'Enter when it happened as a real date in 1900 or later, for example 2026-11-03, or a date and time with its offset' }], occurredAt);
    }
    assert.equal((await call('lead', 'POST', '/events', { kind: 'home-visit' })).statusCode, 400);
    assert.equal((await call('lead', 'GET', '/events')).json<{ events: Entry[] }>().events.length, 1);
  });

  it('corrects an entry with a new one and a reason; both stay, the old one marked and no longer feeding the profile', async () => {
    const [original] = (await call('lead', 'GET', '/events')).json<{ events: Entry[] }>().events;
    const noReason = await call('officer', 'POST', '/events', { ...incident, externalId: 'CAD-1234-c', corrects: original!.id });
    assert.equal(noReason.statusCode, 422);
    const corrected = await call('officer', 'POST', '/events', { ...incident, kind: 'police-incident', summary: 'Noise complaint; no abuse found', externalId: 'CAD-1234-c', victimIds: [], perpetratorIds: [], corrects: original!.id, correctionReason: 'Wrong incident type' });
    assert.equal(corrected.statusCode, 201, corrected.body);
    const events = (await call('lead', 'GET', '/events')).json<{ events: Entry[] }>().events;
    assert.equal(events.length, 2);
    assert.deepEqual(events.find((e) => e.id === original!.id)?.correctedBy, [corrected.json<Entry>().id]);
    const profile = (await call('lead', 'GET', '/profile')).json<{ findings: { id: string }[] }>();
    assert.ok(!profile.findings.some((f) => f.id === 'domestic-abuse'));
    const unknown = await call('lead', 'POST', '/events', { ...incident, externalId: undefined, corrects: 'nope', correctionReason: 'x' });
    assert.equal(unknown.statusCode, 422);
    const twice = await call('lead', 'POST', '/events', { ...incident, externalId: undefined, corrects: original!.id, correctionReason: 'Again' });
    assert.equal(twice.statusCode, 409);
    assert.equal(twice.json<{ error: { code: string } }>().error.code, 'already-corrected');
    const second = await call('lead', 'POST', '/events', { ...incident, externalId: undefined, kind: 'police-incident', summary: 'Noise complaint, 11pm', victimIds: [], perpetratorIds: [], corrects: corrected.json<Entry>().id, correctionReason: 'Time added' });
    assert.equal(second.statusCode, 201, second.body);
    assert.deepEqual([second.json<Entry>().agency, second.json<Entry>().agencyKind], ['County Police', 'police'], 'a correction stays the information of the agency it came from');
  });

  it('filters by agency (name or kind), kind, person and period', async () => {
    await call('lead', 'POST', '/events', { kind: 'home-visit', occurredAt: '2026-11-01', summary: 'Baby seen awake in a cot', source: 'observed', personIds: ['mum'], babySeen: true });
    const count = async (query: string) => (await call('lead', 'GET', `/events${query}`)).json<{ events: Entry[] }>().events.length;
    assert.equal(await count('?agency=police'), 3);
    assert.equal(await count('?agency=County%20Police'), 3);
    assert.equal(await count('?kind=home-visit'), 1);
    assert.equal(await count('?personId=dad'), 3);
    assert.equal(await count('?from=2026-11-02'), 3);
    assert.equal(await count('?to=2026-11-01'), 1);
    assert.equal((await call('lead', 'GET', '/events?from=yesterday')).statusCode, 400);
  });

  it('refuses a kind filter that is not a kind an entry can be, naming the kinds allowed as the POST does', async () => {
    const unknown = await call('lead', 'GET', '/events?kind=tea-party');
    assert.equal(unknown.statusCode, 400);
    const { error } = unknown.json<{ error: { code: string; details: { path: string; message: string }[] } }>();
    assert.equal(error.code, 'validation-failed');
    assert.deepEqual(error.details.map((d) => d.path), ['/kind']);
    assert.match(error.details[0]!.message, /^must be one of .*"home-visit"/);
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, { get: { parameters: { name: string; schema: { anyOf?: { const?: string; enum?: string[] }[]; enum?: string[] } }[] }}> }>();
    const events = doc.paths['/api/v1/cases/{caseId}/events']!;
    const filter = events.get.parameters.find((p) => p.name === 'kind')!.schema;
    const published = filter.enum ?? filter.anyOf?.map((one) => one.const ?? one.enum?.[0]);
    assert.deepEqual(published, EVENT_KIND_IDS, 'the filter publishes the same kinds as the entry');
  });

  it('refuses someone outside the team, and audits it', async () => {
    assert.equal((await call('outsider', 'GET', '/events')).statusCode, 404);
    assert.equal((await call('outsider', 'POST', '/events', { ...incident, externalId: 'X-1' })).statusCode, 404);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied.map((d) => d.action).sort(), ['chronology.record', 'chronology.view']);
  });

  it('refuses details that would pass an agency entry off as a contact answering the plan’s checks, and keeps nothing', async () => {
    const before = (await call('lead', 'GET', '/events')).json<{ events: Entry[] }>().events.length;
    for (const [details, paths] of [
      [{ form: 'contact', planChecks: [{ itemId: 'any', outcome: 'no-concern', note: '' }] }, ['/details/form', '/details/planChecks']],
      [{ planChecks: [] }, ['/details/planChecks']],
      [{ form: 'contact', ourRef: 'x' }, ['/details/form']],
    ] as const) {
      const forged = await call('lead', 'POST', '/events', { kind: 'home-visit', occurredAt: '2026-11-20', summary: 'Seen at home', source: 'observed', details });
      assert.equal(forged.statusCode, 400, JSON.stringify(details));
      assert.deepEqual(forged.json<{ error: { details: { path: string; message: string }[] } }>().error.details, paths.map((path) => ({ path, message: 'is a name this field may not use' })), JSON.stringify(details));
    }
    const own = await call('lead', 'POST', '/events', { kind: 'case-note', occurredAt: '2026-11-20', summary: 'A note', source: 'observed', details: { ourRef: 'A-17' } });
    assert.equal(own.statusCode, 201, 'other details are kept as sent');
    assert.equal((await call('lead', 'GET', '/events')).json<{ events: Entry[] }>().events.length, before + 1);
  });

  it('takes the contact kinds practitioners use (issue 14), and records a phone or video call as not seeing the baby whatever it says', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ components?: unknown; paths: unknown }>();
    const kinds = ['new-birth-visit', 'six-to-eight-week-review', 'antenatal-appointment', 'phone-or-video-call', 'joint-visit', 'unannounced-visit'];
    for (const kind of kinds) assert.ok(JSON.stringify(doc).includes(kind), `the API's description lists ${kind}`);
    const seen: Record<string, boolean | null> = {};
    for (const kind of kinds) {
      const posted = await call('lead', 'POST', '/events', { kind, occurredAt: '2026-11-21T10:30:00+00:00', summary: 'Contact', source: 'observed', babySeen: true });
      assert.equal(posted.statusCode, 201, kind);
      seen[kind] = posted.json<{ babySeen: boolean | null }>().babySeen;
    }
    assert.deepEqual(seen, { 'new-birth-visit': true, 'six-to-eight-week-review': true, 'antenatal-appointment': true, 'phone-or-video-call': false, 'joint-visit': true, 'unannounced-visit': true });
  });
});
