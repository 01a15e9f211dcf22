// A case's profile versions written from the kept readings (its events' reading and its patterns fed
// batch by batch, ADR 0020) hold exactly the findings a full evaluation of the chronology read whole
// from the database gives: after batches in date order (fed), a correction and an entry dated before
// the last (both read again), and more batches fed after them. The whole evaluation is read only at
// the end, since reading the chronology afresh would start every kept reading again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { addDays } from '../../domain/shared/calendar-date.ts';
import type { UserActor } from '../actor.ts';
import { recordBatch } from '../chronology/record-batch.ts';
import type { EntryInput } from '../chronology/write-entry.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { evaluateStoredProfile, snapshotFindings } from './profile-facts.ts';

describe('profile versions from the kept readings', () => {
  let t: TestApp;
  let officer: UserActor;
  let caseId: string;
  let mum: string;
  let dad: string;

  before(async () => {
    t = await createTestApp();
    const police = await makeOrganisation(t.ctx, 'police', 'County Police');
    const user = await makeUser(t.ctx, { organisationId: police.id, name: 'PC Lane' });
    officer = actorFor(user);
    caseId = (await makeCase(t.ctx, { teamUserIds: [user.id] })).id;
    mum = (await makePerson(t.ctx, caseId)).id;
    dad = (await makePerson(t.ctx, caseId, { given_name: 'Dan', relationship_to_infant: 'father' })).id;
  });
  after(async () => t.close());

  let n = 0;
  const day = (daysAgo: number) => addDays(serviceToday(t.clock.now()), -daysAgo);
  const incident = (daysAgo: number): EntryInput => ({ kind: 'police-domestic-abuse-incident', occurredAt: day(daysAgo), summary: `Incident ${String((n += 1))}`, source: 'agency-record', victimIds: [mum], perpetratorIds: [dad], externalId: `feed-${String(n)}` });
  const other = (kind: string, daysAgo: number, extra: Partial<EntryInput> = {}): EntryInput => ({ kind, occurredAt: day(daysAgo), summary: `Entry ${String((n += 1))}`, source: 'agency-record', personIds: [mum], externalId: `feed-${String(n)}`, ...extra });
  const batch = async (entries: EntryInput[]) => {
    t.clock.advanceMinutes(30);
    const outcome = await recordBatch(t.ctx, officer, entries.map((entry, index) => ({ index, caseId, entry })));
    assert.deepEqual(outcome.rejected, []);
    return outcome.stored.map((s) => s.id);
  };

  it('holds the findings a full evaluation gives, after batches fed, read again and fed again', async () => {
    const first = await batch([incident(60), other('home-visit', 59), other('substance-use-increase', 58, { substance: 'alcohol' })]);
    await batch([incident(40), other('emergency-attendance', 39), other('injury-observed', 38)]);
    await batch([{ ...incident(30), corrects: first[0]!, correctionReason: 'Wrong day' }, other('home-visit', 29)]);
    await batch([incident(20), other('was-not-brought', 19)]);
    await batch([other('gp-informed', 45), incident(10)]);
    await batch([incident(5), other('home-visit', 4)]);
    await batch([incident(2), other('substance-use-increase', 1)]);

    const { profile_version: version } = await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow();
    const stored = await t.ctx.db.selectFrom('profile_versions').select('findings').where('case_id', '=', caseId).where('version', '=', version).executeTakeFirstOrThrow();
    const full = await evaluateStoredProfile(t.ctx.db, caseId, serviceToday(t.clock.now()), (await settingsInForce(t.ctx)).settings);
    assert.ok(full);
    assert.equal(full.stored.chronology.length, 16);
    const findings = snapshotFindings(full.evaluation);
    assert.ok(findings.some((f) => f.id === 'domestic-abuse'), 'the incidents make a finding to compare');
    assert.deepEqual(stored.findings, findings);
  });
});
