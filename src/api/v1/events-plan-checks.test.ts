// Plan check answers on the events API and the batch (issue 13): taken as the contact form takes them
// (domain/chronology/contact-record.ts, answerPlanChecks), stored in the contact's details, a concern
// adding evidence in the same step; a wrong answer refuses the entry (422 with paths, or the batch's
// entry alone), stores nothing of it and is audited.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { updatePlan } from '../../application/plan/update-plan.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { actorFor, apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';

interface Entry {
  id: string;
  summary: string;
  significant: boolean;
  planChecks?: { itemId: string; text: string; outcome: string; note: string; factorId?: string; personId?: string }[];
}
interface ApiError {
  error: { code: string; details: { path: string; message: string }[] };
}
interface BatchResult {
  stored: { index: number; id: string }[];
  duplicates: { index: number; id: string }[];
  rejected: { index: number; code: string; message: string; details: { path: string; message: string }[] }[];
}

describe('plan check answers on the events API and the batch', () => {
  let t: TestApp;
  let caseId: string;
  let token: string;
  let today: string;
  const items = { sleep: '', drink: '', stay: '' };

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const housing = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'housing', 'Feed Housing')).id, name: 'Ola Housing' });
    token = await apiTokenFor(t.ctx, housing.email);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [housing.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', given_name: 'Grace', history_checked: true });
    const plan = await updatePlan(t.ctx, actorFor(housing), caseId, {
      version: 0,
      plan: {
        level: 'child-in-need',
        outcomes: ['Ruby sleeps safely'],
        checkItems: [
          { text: 'Where the baby sleeps', question: 'Ask to see where the baby sleeps', factorId: 'unsafe-sleep', checkedBy: [], frequency: 'every-contact' },
          { text: 'Is Grace drinking', question: 'Any cans or bottles about?', factorId: 'alcohol-misuse', personId: 'mum', checkedBy: ['health-visiting'], frequency: 'every-contact' },
          { text: 'Who is staying at the flat', question: 'Ask who stayed last night', checkedBy: ['housing'], frequency: 'weekly' },
        ],
        actions: [],
      },
    });
    assert.ok(plan.ok, JSON.stringify(plan));
    [items.sleep, items.drink, items.stay] = plan.value.checkItems.map((item) => item.id) as [string, string, string];
  });
  after(async () => t.close());

  const post = (payload: object) => t.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/events`, headers: { authorization: `Bearer ${token}` }, payload });
  const batch = (payload: object) => t.app.inject({ method: 'POST', url: '/api/v1/events:batch', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const visit = (extra: object = {}) => ({ kind: 'home-visit', occurredAt: today, summary: 'Visit about the damp', source: 'observed', ...extra });
  const entryCount = async () => (await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute()).length;
  const evidenceCount = async () => (await t.ctx.db.selectFrom('profile_evidence').select('id').where('case_id', '=', caseId).execute()).length;

  it('stores the answers with the contact as the form does, and a concern adds evidence to its factor in the same step', async () => {
    const created = await post(
      visit({
        externalId: 'HV-1',
        planChecks: [
          { itemId: items.sleep, outcome: 'concern', note: 'Baby asleep on the sofa' },
          { itemId: items.stay, outcome: 'not-checked', note: 'Mum would not say' },
          { itemId: items.drink, outcome: 'no-concern' },
        ],
      }),
    );
    assert.equal(created.statusCode, 201, created.body);
    const entry = created.json<Entry>();
    assert.equal(entry.significant, true, 'a concern makes the contact significant');
    assert.equal(entry.summary, 'Visit about the damp. Plan check, Where the baby sleeps: concern: Baby asleep on the sofa. Plan check, Who is staying at the flat: could not check: Mum would not say.');
    assert.deepEqual(entry.planChecks, [
      { itemId: items.sleep, text: 'Where the baby sleeps', outcome: 'concern', note: 'Baby asleep on the sofa', factorId: 'unsafe-sleep' },
      { itemId: items.stay, text: 'Who is staying at the flat', outcome: 'not-checked', note: 'Mum would not say' },
      { itemId: items.drink, text: 'Is Grace drinking', outcome: 'no-concern', note: '', factorId: 'alcohol-misuse', personId: 'mum' },
    ]);
    const evidence = await t.ctx.db.selectFrom('profile_evidence').select(['factor_id', 'subject_key', 'indicates', 'source', 'agency', 'event_id', 'note']).where('case_id', '=', caseId).execute();
    assert.deepEqual(evidence, [{ factor_id: 'unsafe-sleep', subject_key: 'household', indicates: 'present', source: 'observed', agency: 'Feed Housing', event_id: entry.id, note: `Plan check at the home visit on 22 November 2026, Where the baby sleeps: Baby asleep on the sofa.` }]);
    const version = await t.ctx.db.selectFrom('profile_versions').select('version').where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
    const audit = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'chronology.record').where('outcome', '=', 'success').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual((audit.details as { planChecks: unknown }).planChecks, [
      { itemId: items.sleep, outcome: 'concern' },
      { itemId: items.stay, outcome: 'not-checked' },
      { itemId: items.drink, outcome: 'no-concern' },
    ]);
    assert.equal((audit.details as { profileVersion: number }).profileVersion, version.version, 'the evidence is in the version the entry wrote');

    const listed = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/events`, headers: { authorization: `Bearer ${token}` } })).json<{ events: Entry[] }>();
    assert.deepEqual(listed.events.find((e) => e.id === entry.id)?.planChecks?.map((c) => c.outcome), ['concern', 'not-checked', 'no-concern']);
    const plan = (await t.app.inject({ method: 'GET', url: `/api/v1/cases/${caseId}/plan`, headers: { authorization: `Bearer ${token}` } }));
    assert.equal(plan.statusCode, 200);

    const again = await post(visit({ externalId: 'HV-1', planChecks: [{ itemId: items.sleep, outcome: 'concern', note: 'Baby asleep on the sofa' }] }));
    assert.equal(again.statusCode, 200, 'a retry is the stored entry');
    assert.equal(await evidenceCount(), 1, 'and adds no evidence again');
  });

  it('refuses an item not in the plan and a concern or could-not-check without a note, with paths, beside the entry’s own problems; stores nothing and audits it', async () => {
    const [entriesBefore, evidenceBefore] = [await entryCount(), await evidenceCount()];
    const refused = await post(
      visit({
        occurredAt: '2099-01-01',
        planChecks: [
          { itemId: 'not-in-the-plan', outcome: 'no-concern' },
          { itemId: items.sleep, outcome: 'concern', note: '  ' },
          { itemId: items.stay, outcome: 'not-checked' },
        ],
      }),
    );
    assert.equal(refused.statusCode, 422, refused.body);
    const error = refused.json<ApiError>().error;
    assert.equal(error.code, 'invalid-entry');
    assert.deepEqual(
      error.details.map((d) => [d.path, d.message]),
      [
        ['/occurredAt', 'When it happened must be today or in the past'],
        ['/planChecks/0/itemId', 'A check answer for an item not in the plan: the plan may have changed, so look at it again.'],
        ['/planChecks/1/note', 'Say what you saw or heard about the item that is a concern.'],
        ['/planChecks/2/note', 'Say why you could not check the item.'],
      ],
    );
    const twice = await post(visit({ planChecks: [{ itemId: items.sleep, outcome: 'no-concern' }, { itemId: items.sleep, outcome: 'no-concern' }] }));
    assert.deepEqual(twice.json<ApiError>().error.details.map((d) => d.path), ['/planChecks/1/itemId']);
    const notAContact = await post({ kind: 'police-incident', occurredAt: today, summary: 'Called out', source: 'agency-record', planChecks: [{ itemId: items.sleep, outcome: 'no-concern' }] });
    assert.equal(notAContact.statusCode, 422);
    assert.deepEqual(notAContact.json<ApiError>().error.details, [{ path: '/planChecks', message: "Only a contact (a home visit, clinic contact or GP consultation) answers the plan's checks." }]);
    assert.deepEqual([await entryCount(), await evidenceCount()], [entriesBefore, evidenceBefore], 'nothing stored');
    const audited = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'chronology.record').where('outcome', '=', 'failure').orderBy('seq').execute();
    assert.deepEqual(
      audited.map((row) => (row.details as { planChecks: string[] }).planChecks),
      [['unknown-item', 'concern-note-needed', 'not-checked-note-needed'], ['duplicate-item'], ['not-at-a-contact']],
    );
  });

  it('publishes the answers exactly: an unknown outcome or field is refused by the schema, and details.planChecks stays refused', async () => {
    const badOutcome = await post(visit({ planChecks: [{ itemId: items.sleep, outcome: 'maybe' }] }));
    assert.equal(badOutcome.statusCode, 400);
    assert.deepEqual([...new Set(badOutcome.json<ApiError>().error.details.map((d) => d.path))], ['/planChecks/0/outcome']);
    const extra = await post(visit({ planChecks: [{ itemId: items.sleep, outcome: 'no-concern', seen: true }] }));
    assert.equal(extra.statusCode, 400);
    const inDetails = await post(visit({ details: { planChecks: [{ itemId: items.sleep, outcome: 'no-concern' }] } }));
    assert.equal(inDetails.statusCode, 400);
    assert.deepEqual(inDetails.json<ApiError>().error.details.map((d) => d.path), ['/details/planChecks']);
  });

  it('in a batch, stores the entry with good answers and refuses the one with a bad answer, by its index and path', async () => {
    const [entriesBefore, evidenceBefore] = [await entryCount(), await evidenceCount()];
    const response = await batch({
      entries: [
        { caseId, ...visit({ externalId: 'B-1', planChecks: [{ itemId: items.sleep, outcome: 'concern', note: 'Cot full of laundry' }] }) },
        { caseId, ...visit({ externalId: 'B-2', planChecks: [{ itemId: items.stay, outcome: 'concern' }] }) },
      ],
    });
    assert.equal(response.statusCode, 200, response.body);
    const result = response.json<BatchResult>();
    assert.deepEqual(result.stored.map((s) => s.index), [0]);
    assert.deepEqual(result.rejected.map((r) => [r.index, r.code, r.details]), [[1, 'invalid-entry', [{ path: '/entries/1/planChecks/0/note', message: 'Say what you saw or heard about the item that is a concern.' }]]]);
    assert.equal(await entryCount(), entriesBefore + 1);
    const added = await t.ctx.db.selectFrom('profile_evidence').select(['factor_id', 'event_id']).where('case_id', '=', caseId).orderBy('recorded_at').execute();
    assert.equal(added.length, evidenceBefore + 1);
    assert.deepEqual(added.at(-1), { factor_id: 'unsafe-sleep', event_id: result.stored[0]!.id });
    const stored = await t.ctx.db.selectFrom('chronology_entries').select(['details', 'significant']).where('id', '=', result.stored[0]!.id).executeTakeFirstOrThrow();
    assert.equal(stored.significant, true);
    assert.equal((stored.details as { form: string }).form, 'plan-checks');
    const failure = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'chronology.batch').where('outcome', '=', 'failure').executeTakeFirstOrThrow();
    assert.deepEqual(failure.details, { reason: 'plan-checks', index: 1, planChecks: ['concern-note-needed'] });
  });
  it('refuses a call that says it checked where the baby sleeps and found no concern, saying what to do; stores nothing and audits it; a concern heard on a call is stored', async () => {
    const [entriesBefore, evidenceBefore] = [await entryCount(), await evidenceCount()];
    const call = (planChecks: object[]) => post({ kind: 'phone-or-video-call', occurredAt: today, summary: 'Rang mum', source: 'carer-account', planChecks });
    const refused = await call([{ itemId: items.stay, outcome: 'no-concern' }, { itemId: items.sleep, outcome: 'no-concern' }]);
    assert.equal(refused.statusCode, 422, refused.body);
    assert.deepEqual(refused.json<ApiError>().error.details, [
      { path: '/planChecks/1/outcome', message: 'A phone or video call cannot check the item and find no concern: it needs a visit to see the baby or the home. Answer not-checked and say why, or record the visit.' },
    ]);
    assert.deepEqual([await entryCount(), await evidenceCount()], [entriesBefore, evidenceBefore], 'nothing stored');
    const audited = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('action', '=', 'chronology.record').where('outcome', '=', 'failure').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual((audited.details as { planChecks: string[] }).planChecks, ['needs-a-visit']);
    const heard = await call([{ itemId: items.sleep, outcome: 'concern', note: 'Mum says the baby sleeps on the sofa' }]);
    assert.equal(heard.statusCode, 201, heard.body);
  });
});
