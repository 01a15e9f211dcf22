import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../test/helpers/case-api.ts';
import { apiTokenFor, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import type { TestApp } from '../../../test/helpers/test-app.ts';
import { laterPackOf, packRecord, transferAreas, withPackRecord, type TransferAreas } from '../../../test/helpers/transfer-areas.ts';
import { WebClient } from '../../../test/helpers/web-client.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { isUnverifiedReceived, type ReceivedAssessmentMark } from '../../domain/transfer/transfer-record.ts';
import { receiptDueOn } from '../../domain/transfer/transfer-rules.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';

type Who = 'lead' | 'member' | 'manager';
interface Pack {
  resourceType: string;
  type: string;
  entry: { resource: { resourceType: string; content?: { attachment: { url: string } }[]; securityLabel?: { text: string }[] } }[];
}
interface Outcome {
  resourceType: string;
  issue: { details: { text: string }; expression?: string[] }[];
}

describe('transfer to another area: from one instance of the service to another (two databases)', () => {
  let areas: TransferAreas;
  let sending: TestApp;
  let receiving: TestApp;
  let receive: TransferAreas['receive'];
  let caseId: string;
  let motherId: string;
  let partnerId: string;
  let injuryId: string;
  const tokens = {} as Record<Who, string>;
  const ids = {} as Record<Who, string>;
  let receiver: string;
  let receivingUser: TransferAreas['receiver'];
  let pack: Pack;
  let receivedId: string;

  before(async () => {
    areas = await transferAreas({
      motherNhsNumber: '9434765919',
      alsoOnTeam: async (app, healthId) => {
        const police = await makeOrganisation(app.ctx, 'police', 'Southby Police');
        const member = await makeUser(app.ctx, { organisationId: police.id, name: 'Pat Police' });
        const manager = await makeUser(app.ctx, { organisationId: healthId, role: 'manager' });
        for (const [who, user] of [['member', member], ['manager', manager]] as const) {
          ids[who] = user.id;
          tokens[who] = await apiTokenFor(app.ctx, user.email);
        }
        return [member.id];
      },
    });
    ({ sending, receiving, caseId, motherId, receiver: receivingUser, receive } = areas);
    ids.lead = areas.lead.id;
    tokens.lead = areas.leadToken;
    ({ id: partnerId } = await makePerson(sending.ctx, caseId, { given_name: 'Sam', family_name: 'Partner', relationship_to_infant: 'mothers-partner', lives_in_household: true, cares_for_infant: false }));
    await sending.ctx.db.insertInto('person_relationships').values({ case_id: caseId, id: 'rel-1', person_id: motherId, other_person_id: partnerId, kind: 'partners', created_at: sending.clock.now(), created_by: ids.lead }).execute();
    const today = serviceToday(sending.clock.now());
    const visit = await call('lead', 'POST', 'events', { kind: 'home-visit', occurredAt: today, summary: 'Visited at home', source: 'observed', personIds: [motherId], presentIds: [motherId], babySeen: true });
    assert.equal(visit.statusCode, 201, visit.body);
    const injury = await call('member', 'POST', 'events', { kind: 'injury-observed', occurredAt: today, summary: 'Bruise on the cheek', source: 'observed', personIds: [motherId] });
    assert.equal(injury.statusCode, 201, injury.body);
    injuryId = injury.json<{ id: string }>().id;
    const disputed = await call('lead', 'POST', `events/${injuryId}/disputes`, { disputedBy: 'the mother, Zoë Mover', text: 'It was a birthmark, not a bruise' });
    assert.equal(disputed.statusCode, 201, disputed.body);
    const mentalHealth = await call('lead', 'PUT', 'profile/factors/mental-health', { personId: motherId, status: 'present', detail: 'Postnatal depression, on medication', evidence: [{ source: 'agency-record', note: 'GP letter of 2 November' }], version: 0 });
    assert.equal(mentalHealth.statusCode, 200, mentalHealth.body);
    const alcohol = await call('lead', 'PUT', 'profile/factors/alcohol-misuse', { personId: partnerId, status: 'excluded', evidence: [{ source: 'observed', note: 'No sign of drink at three visits' }], version: 0 });
    assert.equal(alcohol.statusCode, 200, alcohol.body);
    const meeting = await call('lead', 'POST', 'meetings', {
      kind: 'child-in-need-meeting',
      heldOn: addDays(today, -1),
      chair: 'Sol Worker, social worker',
      parentsPresent: true,
      attendees: [{ name: 'Health visitor', agency: 'health-visiting' }, { name: 'PC Lane', agency: 'police' }],
      decisions: ['Child in need plan'],
      actions: [{ text: 'Refer Zoë to perinatal mental health', owner: 'Health visitor', dueOn: addDays(today, 7) }],
    });
    assert.equal(meeting.statusCode, 201, meeting.body);
    const plan = (await call('lead', 'GET', 'plan')).json<{ version: number; level: string; outcomes: string[]; checkItems: object[]; actions: object[] }>();
    const planned = await call('lead', 'PUT', 'plan', {
      ...plan,
      checkItems: [{ text: 'How Zoë’s mood is', question: 'Ask Zoë how she has been sleeping and feeling', factorId: 'mental-health', personId: motherId, checkedBy: [], frequency: 'every-contact' }],
      actions: [...plan.actions, { text: 'Safe sleep talk', owner: { userId: ids.lead }, dueOn: addDays(today, 3), status: 'open' }],
    });
    assert.equal(planned.statusCode, 200, planned.body);
    const corrected = await call('lead', 'POST', 'events', { kind: 'home-visit', occurredAt: today, summary: 'Visited at home; the partner was there too', source: 'observed', personIds: [motherId], corrects: visit.json<{ id: string }>().id, correctionReason: 'Left out who was there' });
    assert.equal(corrected.statusCode, 201, corrected.body);
    receiver = areas.receiverToken;
  });
  after(async () => areas.close());

  function call(who: Who, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object) {
    return sending.app.inject({ method, url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) });
  }
  const audits = async (action: string) => (await sending.ctx.db.selectFrom('audit_log').select(['outcome', 'actor_user_id', 'details']).where('action', '=', action).where('case_id', '=', caseId).orderBy('seq').execute()).map((a) => [a.outcome, a.actor_user_id, (a.details as { reason?: string }).reason]);

  it('refuses, audited and storing nothing: anyone but the lead professional, an empty area, a receipt before any transfer', async () => {
    for (const who of ['member', 'manager'] as const) {
      const refused = await call(who, 'POST', 'transfer', { toArea: 'Northshire County Council', contact: 'Duty team' });
      assert.equal(refused.statusCode, 403, who);
      assert.equal(refused.json<ApiErrorBody>().error.code, 'not-lead-professional');
    }
    const blank = await call('lead', 'POST', 'transfer', { toArea: '   ', contact: 'Duty team' });
    assert.equal(blank.statusCode, 422);
    assert.deepEqual(blank.json<ApiErrorBody>().error.details?.map((d) => d.path), ['/toArea']);
    const early = await call('lead', 'POST', 'transfer/receipt', { note: 'Phoned' });
    assert.equal(early.statusCode, 409);
    assert.equal(early.json<ApiErrorBody>().error.code, 'not-transferred');
    assert.equal((await call('lead', 'GET', 'transfer')).statusCode, 404);
    assert.equal((await sending.ctx.db.selectFrom('case_transfers').select('case_id').execute()).length, 0);
    assert.deepEqual(await audits('case.transfer'), [
      ['denied', ids.member, 'not-lead-professional'],
      ['denied', ids.manager, 'not-lead-professional'],
      ['failure', ids.lead, 'area-missing'],
    ]);
    assert.deepEqual(await audits('case.transfer-receipt'), [['denied', ids.lead, 'not-transferred']]);
  });

  it('closes the case for the lead professional: 201 with the pack (a FHIR Bundle linking the marked PDF), what was sent kept, and the receipt task due in 5 working days', async () => {
    const closed = await call('lead', 'POST', 'transfer', { toArea: 'Northshire County Council', contact: 'Rita Receiver, duty team, 01234 567890' });
    assert.equal(closed.statusCode, 201, closed.body);
    assert.match(closed.headers['content-type'] as string, /^application\/fhir\+json/);
    assert.match(closed.headers.link as string, new RegExp(`/cases/${caseId}/print/transfer\\.pdf>; rel="alternate"; type="application/pdf"`));
    pack = closed.json<Pack>();
    assert.equal(pack.type, 'collection');
    const types = pack.entry.map((e) => e.resource.resourceType);
    for (const type of ['Patient', 'RelatedPerson', 'Flag', 'CareTeam', 'Encounter', 'DocumentReference', 'Binary']) assert.ok(types.includes(type), type);
    assert.ok(!types.includes('AuditEvent'), 'the access log stays here');
    const pdf = pack.entry.find((e) => e.resource.resourceType === 'DocumentReference')!.resource;
    assert.match(pdf.content![0]!.attachment.url, new RegExp(`/cases/${caseId}/print/transfer\\.pdf$`));
    assert.equal(pdf.securityLabel![0]!.text, 'OFFICIAL-SENSITIVE');

    const today = serviceToday(sending.clock.now());
    const status = await call('lead', 'GET', 'transfer');
    assert.equal(status.statusCode, 200);
    assert.deepEqual({ ...status.json<Record<string, unknown>>(), sentAt: undefined }, {
      caseId,
      toArea: 'Northshire County Council',
      contact: 'Rita Receiver, duty team, 01234 567890',
      fromArea: 'Southby Health Visiting',
      sentAt: undefined,
      receiptDueOn: receiptDueOn(today),
      receiptConfirmedAt: null,
      cancellation: null,
      task: 'due',
      earlier: [],
    });
    const row = await sending.ctx.db.selectFrom('case_transfers').select(['sent', 'sent_by']).where('case_id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual(row.sent, { parts: ['fhir-bundle', 'pdf'], entries: 3, people: 2, findings: (row.sent as { findings: number }).findings });
    assert.ok((row.sent as { findings: number }).findings > 0);
    assert.equal(row.sent_by, ids.lead);

    const again = await call('lead', 'POST', 'transfer', { toArea: 'Elsewhere', contact: 'Someone' });
    assert.equal(again.statusCode, 409);
    assert.equal(again.json<ApiErrorBody>().error.code, 'already-transferred');
    assert.deepEqual((await audits('case.transfer')).slice(3), [[null, ids.lead, undefined], ['denied', ids.lead, 'already-transferred']].map(([outcome, who, reason]) => [outcome ?? 'success', who, reason]));
  });

  it('receives the pack in another instance: every person, entry and finding, each entry showing the sending area as its source and the day received', async () => {
    const received = await receive(pack);
    assert.equal(received.statusCode, 201, received.body);
    const { caseId: newId, entries, people } = received.json<{ caseId: string; entries: number; people: number }>();
    receivedId = newId;
    assert.deepEqual([entries, people], [3, 2]);
    const today = serviceToday(receiving.clock.now());

    const got = await receiving.app.inject({ method: 'GET', url: `/api/v1/cases/${newId}/events`, headers: { authorization: `Bearer ${receiver}` } });
    assert.equal(got.statusCode, 200, got.body);
    const sent = await call('lead', 'GET', 'events');
    const summaries = (body: string) => (JSON.parse(body) as { events: { summary: string; agency: string }[] }).events.map((e) => `${e.agency}: ${e.summary}`).sort();
    assert.deepEqual(summaries(got.body), summaries(sent.body));
    for (const event of got.json<{ events: { receivedFrom?: { area: string; receivedOn: string } }[] }>().events) assert.deepEqual({ ...event.receivedFrom, sentId: undefined }, { area: 'Southby Health Visiting', receivedOn: today, sentId: undefined });
    const stored = await receiving.ctx.db.selectFrom('chronology_entries').select(['id', 'details', 'recorded_by_name', 'corrects']).where('case_id', '=', newId).execute();
    assert.equal(stored.length, 3);
    for (const entry of stored) assert.deepEqual({ ...(entry.details['receivedFrom'] as object), sentId: undefined }, { area: 'Southby Health Visiting', receivedOn: today, sentId: undefined });
    assert.deepEqual(stored.map((e) => e.recorded_by_name).sort(), ['Lena Lead', 'Lena Lead', 'Pat Police']);
    assert.equal(stored.filter((e) => e.corrects !== null).length, 1, 'the correction still points at the entry it corrects');

    const receiverPage = await WebClient.signedIn(receiving.app, receivingUser);
    const entryPage = await receiverPage.get(`/cases/${newId}/chronology/${stored[0]!.id}`);
    assert.equal(entryPage.statusCode, 200);
    assert.match(entryPage.body, /Received from Southby Health Visiting on \d{1,2} \w+ \d{4}/);
    const names = (await receiving.ctx.db.selectFrom('people').select(['given_name', 'relationship_to_infant']).where('case_id', '=', newId).orderBy('given_name').execute()).map((p) => `${p.given_name ?? ''} ${p.relationship_to_infant}`);
    assert.deepEqual(names, ['Sam mothers-partner', 'Zoë mother']);
    const sentFindings = (await sending.ctx.profiles.read(sending.ctx, caseId))!.evaluation.findings.map((f) => f.id).sort();
    const hereFindings = (await receiving.ctx.profiles.read(receiving.ctx, newId))!.evaluation.findings.map((f) => f.id).sort();
    for (const finding of sentFindings) assert.ok(hereFindings.includes(finding), `finding ${finding} found again`);
    const kept = await receiving.ctx.db.selectFrom('received_transfers').select(['from_area', 'sending_case_id', 'findings']).where('case_id', '=', newId).executeTakeFirstOrThrow();
    assert.deepEqual([kept.from_area, kept.sending_case_id, kept.findings.length], ['Southby Health Visiting', caseId, sentFindings.length]);
    const lead = await receiving.ctx.db.selectFrom('case_team').select('role').where('case_id', '=', newId).executeTakeFirstOrThrow();
    assert.equal(lead.role, 'lead-professional');
  });

  it('rebuilds in the receiving instance every relationship, factor assessment (the sending area’s, unverified until re-assessed here), plan action and check, meeting and dispute, each marked as received', async () => {
    const today = serviceToday(receiving.clock.now());
    const mark = { area: 'Southby Health Visiting', receivedOn: today };
    const here = receiving.ctx.db;
    const people = new Map((await here.selectFrom('people').select(['id', 'given_name']).where('case_id', '=', receivedId).execute()).map((p) => [p.given_name, p.id]));
    const [mother, partner] = [people.get('Zoë')!, people.get('Sam')!];

    const relationships = await here.selectFrom('person_relationships').select(['person_id', 'other_person_id', 'kind', 'received_from']).where('case_id', '=', receivedId).execute();
    assert.deepEqual(relationships, [{ person_id: mother, other_person_id: partner, kind: 'partners', received_from: mark }]);

    const sentAssessments = await sending.ctx.db.selectFrom('profile_assessments').select(['factor_id', 'status', 'detail', 'updated_at']).where('case_id', '=', caseId).orderBy('factor_id').execute();
    const assessments = await here.selectFrom('profile_assessments').select(['factor_id', 'person_id', 'status', 'detail', 'version', 'updated_by', 'updated_at', 'received_from']).where('case_id', '=', receivedId).orderBy('factor_id').execute();
    assert.deepEqual(assessments.map((a) => [a.factor_id, a.status, a.detail, a.updated_at.toISOString()]), sentAssessments.map((a) => [a.factor_id, a.status, a.detail, a.updated_at.toISOString()]));
    assert.deepEqual(assessments.map((a) => [a.factor_id, a.person_id]), [['alcohol-misuse', partner], ['mental-health', mother]]);
    for (const a of assessments) {
      const received = a.received_from as unknown as ReceivedAssessmentMark;
      assert.deepEqual({ ...received, assessedAt: undefined }, { ...mark, assessedAt: undefined, assessedBy: { name: 'Lena Lead', role: 'practitioner', agency: 'Southby Health Visiting', agencyKind: 'health-visiting' }, version: 1 });
      assert.equal(a.updated_by, null, 'no account here assessed it');
      assert.equal(isUnverifiedReceived(received, a.version), true);
    }
    const evidence = await here.selectFrom('profile_evidence').select(['factor_id', 'note', 'recorded_by', 'recorded_by_name', 'agency']).where('case_id', '=', receivedId).orderBy('factor_id').execute();
    assert.deepEqual(evidence, [
      { factor_id: 'alcohol-misuse', note: 'No sign of drink at three visits', recorded_by: null, recorded_by_name: 'Lena Lead', agency: 'Southby Health Visiting' },
      { factor_id: 'mental-health', note: 'GP letter of 2 November', recorded_by: null, recorded_by_name: 'Lena Lead', agency: 'Southby Health Visiting' },
    ]);
    // The profile here is evaluated on them: the received exclusion and presence stand as sent.
    const profile = (await receiving.ctx.profiles.read(receiving.ctx, receivedId))!;
    const statusOf = (factorId: string) => profile.stored.facts.assessments.find((a) => a.factorId === factorId)?.status;
    assert.deepEqual([statusOf('mental-health'), statusOf('alcohol-misuse')], ['present', 'excluded']);

    const meetings = await here.selectFrom('case_meetings').select(['id', 'kind', 'held_on', 'attendees', 'decisions', 'recorded_by', 'received_from']).where('case_id', '=', receivedId).execute();
    assert.equal(meetings.length, 1);
    assert.deepEqual({ ...meetings[0]!, id: undefined }, { id: undefined, kind: 'child-in-need-meeting', held_on: addDays(serviceToday(sending.clock.now()), -1), attendees: [{ name: 'Health visitor', agency: 'health-visiting' }, { name: 'PC Lane', agency: 'police' }], decisions: ['Child in need plan'], recorded_by: null, received_from: mark });

    const plan = await here.selectFrom('case_plans').selectAll().where('case_id', '=', receivedId).execute();
    assert.equal(plan.length, 1);
    assert.deepEqual([plan[0]!.version, plan[0]!.recorded_by, plan[0]!.received_from], [1, null, mark]);
    const actions = plan[0]!.actions as { text: string; owner: { name?: string; userId?: string }; fromMeeting?: { id: string } }[];
    assert.deepEqual(actions.map((a) => [a.text, a.owner, a.fromMeeting?.id]), [
      ['Refer Zoë to perinatal mental health', { name: 'Health visitor' }, meetings[0]!.id],
      ['Safe sleep talk', { name: 'Lena Lead, Southby Health Visiting' }, undefined],
    ]);
    assert.deepEqual((plan[0]!.check_items as { personId?: string; factorId?: string }[]).map((c) => [c.factorId, c.personId]), [['mental-health', mother]]);

    const events = await receiving.app.inject({ method: 'GET', url: `/api/v1/cases/${receivedId}/events`, headers: { authorization: `Bearer ${receiver}` } });
    const disputed = events.json<{ events: { summary: string; disputes?: { disputedBy: string; text: string; agency: string }[] }[] }>().events.filter((e) => (e.disputes ?? []).length > 0);
    assert.deepEqual(disputed.map((e) => [e.summary, e.disputes!.map((d) => [d.disputedBy, d.text, d.agency])]), [['Bruise on the cheek', [['the mother, Zoë Mover', 'It was a birthmark, not a bruise', 'Southby Health Visiting']]]]);
    const dispute = await here.selectFrom('chronology_disputes').select('received_from').where('case_id', '=', receivedId).executeTakeFirstOrThrow();
    assert.deepEqual(dispute.received_from, mark);
    const audit = await here.selectFrom('audit_log').select('details').where('action', '=', 'transfer.receive').where('case_id', '=', receivedId).where('outcome', '=', 'success').executeTakeFirstOrThrow();
    assert.deepEqual({ ...(audit.details as object), profileVersion: undefined, alerts: undefined, sendingCaseId: undefined }, {
      fromArea: 'Southby Health Visiting', sendingCaseId: undefined, entries: 3, people: 2, peopleMatched: 0, peopleProposed: 0, relationships: 1, assessments: 2, assessmentsKeptHere: 0, plan: 'received', meetings: 1, disputes: 1, findings: (audit.details as { findings: number }).findings, profileVersion: undefined, alerts: undefined,
    });

    // Re-assessed here (the same status confirmed), the assessment is this area's own.
    const confirmed = await receiving.app.inject({ method: 'PUT', url: `/api/v1/cases/${receivedId}/profile/factors/mental-health`, headers: { authorization: `Bearer ${receiver}` }, payload: { personId: mother, status: 'present', detail: 'Postnatal depression, on medication', evidence: [{ source: 'observed', note: 'Seen low in mood at our first visit' }], version: 1 } });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    const after = await here.selectFrom('profile_assessments').select(['version', 'received_from']).where('case_id', '=', receivedId).where('factor_id', '=', 'mental-health').executeTakeFirstOrThrow();
    assert.equal(isUnverifiedReceived(after.received_from as unknown as ReceivedAssessmentMark, after.version), false);
  });

  it('answers a likely duplicate with a 409 that says the two ways on, and takes either: a different baby (with a reason, audited) or the history added to the record here', async () => {
    const twice = await receive(pack);
    assert.equal(twice.statusCode, 409);
    const said = twice.json<Outcome>().issue.map((i) => i.details.text).join(' ');
    assert.match(said, new RegExp(receivedId));
    assert.match(said, /confirmedNoDuplicate=true, checkedCaseIds .* and differentBabyReason .*mergeInto=/);

    const noReason = await receive(pack, `?confirmedNoDuplicate=true&checkedCaseIds=${receivedId}`);
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.json<Outcome>().issue[0]!.details.text, /Say why none of the possible matches is this baby/);
    const both = await receive(pack, `?confirmedNoDuplicate=true&checkedCaseIds=${receivedId}&differentBabyReason=x&mergeInto=${receivedId}`);
    assert.equal(both.statusCode, 422);
    const nowhere = await receive(pack, '?mergeInto=no-such-case');
    assert.equal(nowhere.statusCode, 404);
    assert.equal(nowhere.json<Outcome>().resourceType, 'OperationOutcome');

    // A record here with another NHS number than the pack's baby is not the same baby: refused, audited, nothing added.
    await receiving.ctx.db.updateTable('cases').set({ nhs_number: '4010232137' }).where('id', '=', receivedId).execute();
    const record = packRecord(pack);
    const otherBaby = withPackRecord(pack, { ...record, baby: { ...record.baby, nhsNumber: '9434765870' } });
    const mismatch = await receive(otherBaby, `?mergeInto=${receivedId}`);
    assert.equal(mismatch.statusCode, 422);
    assert.match(mismatch.json<Outcome>().issue[0]!.details.text, /another NHS number than the baby in the pack/);
    const refusals = await receiving.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'transfer.receive').where('case_id', '=', receivedId).where('outcome', '!=', 'success').execute();
    assert.deepEqual(refusals.map((a) => [a.outcome, (a.details as { reason?: string }).reason]), [['failure', 'merge-mismatch']]);
    assert.equal((await receiving.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', receivedId).execute()).length, 3);
    await receiving.ctx.db.updateTable('cases').set({ nhs_number: null }).where('id', '=', receivedId).execute();

    // The record was made from this very pack: adding it again would double its history. Nothing is added, and the answer says so (audited).
    const entriesBefore = (await receiving.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', receivedId).execute()).length;
    const same = await receive(pack, `?mergeInto=${receivedId}`);
    assert.equal(same.statusCode, 409, same.body);
    assert.match(same.json<Outcome>().issue[0]!.details.text, /in this record already/);
    assert.equal((await receiving.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', receivedId).execute()).length, entriesBefore);
    assert.equal((await receiving.ctx.db.selectFrom('fhir_proposed_people').select('id').where('case_id', '=', receivedId).execute()).length, 0);

    // A later pack of the same record whose entries are not here yet: they are added; its meeting, received before, is not.
    const later = laterPackOf(pack);
    const merged = await receive(later, `?mergeInto=${receivedId}`);
    assert.equal(merged.statusCode, 201, merged.body);
    assert.deepEqual(merged.json<Record<string, unknown>>(), { caseId: receivedId, merged: true, entries: 3, people: 2, peopleMatched: 1, peopleProposed: 1, relationships: 0, assessments: 1, assessmentsKeptHere: 1, plan: 'kept-here', meetings: 0, disputes: 1 });
    const names = async () => (await receiving.ctx.db.selectFrom('people').select('given_name').where('case_id', '=', receivedId).execute()).map((p) => p.given_name).sort();
    assert.deepEqual(await names(), ['Sam', 'Zoë'], 'the mother found by her NHS number; the partner, with none, not added');
    // The partner is proposed, as a FHIR import proposes people, for someone here to confirm or reject.
    const proposals = await receiving.ctx.db.selectFrom('fhir_proposed_people').select(['id', 'given_name', 'agency', 'relationship_to_infant', 'nhs_number', 'decision']).where('case_id', '=', receivedId).execute();
    assert.deepEqual(proposals.map((p) => [p.given_name, p.agency, p.relationship_to_infant, p.nhs_number, p.decision]), [['Sam', 'Southby Health Visiting', 'mothers-partner', null, null]]);
    const proposalId = proposals[0]!.id;
    const partnerAssessment = await receiving.ctx.db.selectFrom('profile_assessments').select('person_id').where('case_id', '=', receivedId).where('factor_id', '=', 'alcohol-misuse').where('person_id', '=', proposalId).execute();
    assert.equal(partnerAssessment.length, 1, 'the received assessment names the proposed person');
    // The mother's factor is assessed here already (kept, the received evidence beside it, not twice); the added partner's is received.
    const evidence = await receiving.ctx.db.selectFrom('profile_evidence').select('note').where('case_id', '=', receivedId).where('factor_id', '=', 'mental-health').orderBy('recorded_at').orderBy('note').execute();
    assert.deepEqual(evidence.map((e) => e.note).sort(), ['GP letter of 2 November', 'Seen low in mood at our first visit']);
    assert.equal((await receiving.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', receivedId).execute()).length, 6);

    // Confirmed as a new person on the proposals page: added as the other area recorded them, under the
    // id the received assessment names, with the relationship sent to the mother here; audited.
    const page = await WebClient.signedIn(receiving.app, receivingUser);
    assert.match((await page.get(`/cases/${receivedId}/proposed-people`)).body, /Sam Partner/);
    const added = await page.post(`/cases/${receivedId}/proposed-people/${proposalId}`, { decision: 'new-person', relationshipToInfant: 'mothers-partner' });
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(added.headers.location, `/cases/${receivedId}/people/${proposalId}`);
    assert.deepEqual(await names(), ['Sam', 'Sam', 'Zoë']);
    const partnerHere = await receiving.ctx.db.selectFrom('people').select(['family_name', 'lives_in_household']).where('case_id', '=', receivedId).where('id', '=', proposalId).executeTakeFirstOrThrow();
    assert.deepEqual(partnerHere, { family_name: 'Partner', lives_in_household: true });
    const motherHere = (await receiving.ctx.db.selectFrom('people').select('id').where('case_id', '=', receivedId).where('given_name', '=', 'Zoë').executeTakeFirstOrThrow()).id;
    const relationships = await receiving.ctx.db.selectFrom('person_relationships').select(['person_id', 'other_person_id', 'kind', 'received_from']).where('case_id', '=', receivedId).where('other_person_id', '=', proposalId).execute();
    assert.deepEqual(relationships, [{ person_id: motherHere, other_person_id: proposalId, kind: 'partners', received_from: { area: 'Southby Health Visiting', receivedOn: serviceToday(receiving.clock.now()) } }]);
    const decided = await receiving.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'person.proposal-decide').where('case_id', '=', receivedId).execute();
    assert.deepEqual(decided.map((a) => [a.outcome, (a.details as { decision: string }).decision, (a.details as { personId?: string }).personId]), [['success', 'new-person', proposalId]]);
    const counted = async () => Promise.all(['chronology_entries', 'chronology_disputes', 'profile_evidence', 'case_meetings', 'fhir_proposed_people', 'person_relationships'].map(async (table) => (await receiving.ctx.db.selectFrom(table as 'chronology_entries').select('case_id').where('case_id', '=', receivedId).execute()).length));
    const beforeAgain = await counted();
    const againMerged = await receive(later, `?mergeInto=${receivedId}`);
    assert.equal(againMerged.statusCode, 409, 'the same pack merged again adds nothing');
    assert.deepEqual(await counted(), beforeAgain);
    const merges = await receiving.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('action', '=', 'transfer.receive').where('case_id', '=', receivedId).where('outcome', '=', 'failure').orderBy('seq').execute();
    assert.deepEqual(merges.map((a) => (a.details as { reason?: string }).reason), ['merge-mismatch', 'already-merged', 'already-merged']);

    const cases = (await receiving.ctx.db.selectFrom('cases').select('id').execute()).length;
    const different = await receive(pack, `?confirmedNoDuplicate=true&checkedCaseIds=${receivedId}&differentBabyReason=${encodeURIComponent('Another mother; checked with the GP')}`);
    assert.equal(different.statusCode, 201, different.body);
    assert.equal((await receiving.ctx.db.selectFrom('cases').select('id').execute()).length, cases + 1);
    const audit = await receiving.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'transfer.receive').where('case_id', '=', different.json<{ caseId: string }>().caseId).where('outcome', '=', 'success').executeTakeFirstOrThrow();
    assert.deepEqual((audit.details as { differentBaby?: unknown }).differentBaby, { reason: 'Another mother; checked with the GP', checkedCaseIds: [receivedId] });
  });

  it('refuses a bad pack with an OperationOutcome, storing nothing, and records the receipt on the sending side to close the task', async () => {
    const before = (await receiving.ctx.db.selectFrom('cases').select('id').execute()).length;
    const notPack = await receive({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: { resourceType: 'Patient', id: 'x' } }] });
    assert.equal(notPack.statusCode, 422);
    assert.equal(notPack.json<Outcome>().resourceType, 'OperationOutcome');
    assert.match(notPack.json<Outcome>().issue[0]!.details.text, /not a transfer pack/);
    const record = packRecord(pack);
    record.entries[0]!.occurredAt = 'last Tuesday';
    const broken = withPackRecord(pack, record);
    const bad = await receive(broken, '?confirmedNoDuplicate=true&differentBabyReason=Checked');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json<Outcome>().issue[0]!.details.text, /\/entries\/0\/occurredAt/);
    assert.equal((await receiving.ctx.db.selectFrom('cases').select('id').execute()).length, before);
    const failures = await receiving.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'transfer.receive').where('outcome', '=', 'failure').execute();
    assert.ok(failures.length >= 2);

    const member = await call('member', 'POST', 'transfer/receipt', { note: 'They have it' });
    assert.equal(member.statusCode, 403);
    const confirmed = await call('lead', 'POST', 'transfer/receipt', { note: 'Rita Receiver confirmed by phone that the pack arrived' });
    assert.equal(confirmed.statusCode, 200, confirmed.body);
    assert.equal(confirmed.json<{ task: string }>().task, 'done');
    assert.equal((await call('lead', 'POST', 'transfer/receipt', { note: 'Again' })).json<ApiErrorBody>().error.code, 'receipt-confirmed-already');
  });

  it('leaves the audit chains of both instances verifying', async () => {
    for (const app of [sending, receiving]) {
      await sealAuditTrail(app.ctx.db, app.ctx.auditKeys, { wait: true });
      assert.equal((await verifyAuditChain(app.ctx.db, app.ctx.auditKeys)).intact, true);
    }
  });
});
