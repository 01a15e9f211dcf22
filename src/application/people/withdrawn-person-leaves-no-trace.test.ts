// What the first redaction of a withdrawn person (ADR 0015) missed or took wrongly, each found in
// review: the person as the baby's mother on the case row (her NHS number there still found this baby
// when hers was searched for); notes and emails tied to the case through its alerts, and forms kept
// while typing on its pages (no case_id column of their own); a practitioner who shares the person's
// given name (their name on what they recorded became "[a person withdrawn…] Jones"); and a baby
// whose hyphenated name holds the person's ("Mary-Ann" when Ann is withdrawn).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { actorFor, apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { WITHDRAWN_PERSON_WORDS as GONE } from '../../domain/withdrawal/person-mentions.ts';
import { confirmPersonWithdrawal, proposePersonWithdrawal } from './withdraw-person.ts';

const NHS = '9434765919';

describe('a withdrawn person leaves no trace, and takes no one else’s name with them', () => {
  let t: TestApp;
  let caseId: string;
  let annId: string;
  let entryId: string;
  let alertId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let manager: Awaited<ReturnType<typeof makeUser>>;

  before(async () => {
    t = await createTestApp();
    const org = await makeOrganisation(t.ctx, 'health-visiting', 'Southby Health Visiting');
    lead = await makeUser(t.ctx, { organisationId: org.id, name: 'Ann Jones' });
    manager = await makeUser(t.ctx, { organisationId: org.id, role: 'manager' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Hart', teamUserIds: [lead.id] }));
    // Her name and date of birth as the mother's too, as a new record's form takes them (written another way).
    await t.ctx.db.updateTable('cases').set({ given_name: 'Mary-Ann', mother_nhs_number: NHS, mother_given_name: 'ann', mother_family_name: 'COLE', mother_date_of_birth: '1999-04-02' }).where('id', '=', caseId).execute();
    ({ id: annId } = await makePerson(t.ctx, caseId, { given_name: 'Ann', family_name: 'Cole', nhs_number: NHS, date_of_birth: '1999-04-02' }));
    await makePerson(t.ctx, caseId, { given_name: 'Sarah', family_name: 'Hart', relationship_to_infant: 'grandmother' });
    const token = await apiTokenFor(t.ctx, lead.email);
    const entry = await t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: { authorization: `Bearer ${token}` }, payload: { kind: 'home-visit', occurredAt: serviceToday(t.clock.now()), summary: 'Mary-Ann seen with Sarah; Ann\nCole answered the door', source: 'observed', babySeen: true } });
    assert.equal(entry.statusCode, 201, entry.body);
    entryId = entry.json<{ id: string }>().id;
    alertId = randomUUID();
    const now = t.clock.now();
    await t.ctx.db.insertInto('alerts').values({ case_id: caseId, id: alertId, reason: 'critical-finding', severity: 'critical', message: 'Check on Mary-Ann', steps: JSON.stringify([]), entry_id: null, finding_id: null, raised_at: now, escalated_at: null }).execute();
    await t.ctx.db.insertInto('alert_recipients').values({ alert_id: alertId, user_id: lead.id, reached_as: 'lead-professional', created_at: now, acknowledged_at: now, acknowledged_note: 'Spoke to Ann Cole at the door' }).execute();
    await t.ctx.db.insertInto('outbox').values({ id: randomUUID(), to_address: lead.email, subject: 'Alert: Ann Cole', body: 'Ann Cole (NHS number 943 476 5919) was seen', alert_id: alertId, created_at: now, attempts: 0, next_attempt_at: now }).execute();
    await t.ctx.db.insertInto('kept_forms').values({ id: randomUUID(), user_id: lead.id, path: `/cases/${caseId}/events/new`, fields: JSON.stringify({ summary: 'Ann Cole shouted at Mary-Ann' }), reason: 'signed-out', kept_at: now, expires_at: new Date(now.getTime() + 86_400_000) }).execute();
    const proposed = await proposePersonWithdrawal(t.ctx, actorFor({ id: lead.id, organisationId: org.id, role: 'practitioner' }), caseId, annId, 'Added to the wrong family');
    assert.ok(proposed.ok, JSON.stringify(proposed));
    const confirmed = await confirmPersonWithdrawal(t.ctx, actorFor({ id: manager.id, organisationId: org.id, role: 'manager' }), caseId, annId);
    assert.ok(confirmed.ok, JSON.stringify(confirmed));
  });
  after(async () => t.close());

  it('takes her NHS number off the case when she was recorded as its mother, so a search for it no longer finds this baby', async () => {
    const row = await t.ctx.db.selectFrom('cases').select(['mother_nhs_number', 'given_name', 'mother_given_name', 'mother_family_name', 'mother_date_of_birth']).where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { mother_nhs_number: null, given_name: 'Mary-Ann', mother_given_name: null, mother_family_name: null, mother_date_of_birth: null });
    const tombstone = await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'person.withdrawn').executeTakeFirstOrThrow();
    assert.equal((tombstone.details as { redacted: Record<string, number> }).redacted['cases'], 1);
  });

  it('redacts the notes and emails about the case’s alerts and the forms kept on its pages', async () => {
    const recipient = await t.ctx.db.selectFrom('alert_recipients').select('acknowledged_note').where('alert_id', '=', alertId).executeTakeFirstOrThrow();
    assert.equal(recipient.acknowledged_note, `Spoke to ${GONE} at the door`);
    const email = await t.ctx.db.selectFrom('outbox').select(['subject', 'body']).where('alert_id', '=', alertId).executeTakeFirstOrThrow();
    assert.deepEqual(email, { subject: `Alert: ${GONE}`, body: `${GONE} (NHS number ${GONE}) was seen` });
    const kept = await t.ctx.db.selectFrom('kept_forms').select('fields').where('path', '=', `/cases/${caseId}/events/new`).executeTakeFirstOrThrow();
    assert.deepEqual(kept.fields, { summary: `${GONE} shouted at Mary-Ann` });
  });

  it('leaves the baby’s hyphenated name, the practitioner who shares her given name, and finds her name split over a line', async () => {
    const entry = await t.ctx.db.selectFrom('chronology_entries').select(['summary', 'recorded_by_name']).where('id', '=', entryId).executeTakeFirstOrThrow();
    assert.deepEqual(entry, { summary: `Mary-Ann seen with Sarah; ${GONE} answered the door`, recorded_by_name: 'Ann Jones' });
  });
});
