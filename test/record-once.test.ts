// A form that records something new records it once when posted twice, with or without JavaScript
// (ADR 0026). Each rendering of such a form carries a one-time submission id beside its save button;
// a second post with it records nothing and is sent where the first was, with the same message. Found
// as a new user: without JavaScript, a double click on "Save entry" or a browser sending the post again
// on a flaky connection recorded a duplicate. Posts without the id (a page opened before it existed)
// or with one not shaped like one are still recorded: nothing typed is lost for want of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { isSubmittedBefore } from '../src/application/cases/form-submissions.ts';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import { recordMeasurement } from '../src/application/growth/record-measurement.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

/** A form that records something new: where it is shown and posted, what to type, and how many it recorded. */
interface RecordForm {
  name: string;
  page: () => string;
  action?: () => string;
  fields: () => Record<string, string>;
  count: () => Promise<number>;
  /** Who fills it in, when not the health visitor. */
  by?: () => WebClient;
}

describe('a form posted twice records once', () => {
  let t: TestApp;
  /** The user filling in the form at hand (opened() sets it). */
  let client: WebClient;
  let visitorClient: WebClient;
  let leadClient: WebClient;
  let housingClient: WebClient;
  let outsiderClient: WebClient;
  let caseId: string;
  let entryId: string;
  let visitorId: string;
  let visitor: Awaited<ReturnType<typeof makeUser>>;
  let managerId: string;
  const today = () => serviceToday(t.clock.now());
  /** Today in a date input's three boxes, named from `prefix`. */
  const todayIn = (prefix: string, days = 0) => {
    const [year, month, day] = addDays(today(), days).split('-');
    return { [`${prefix}-day`]: day!, [`${prefix}-month`]: month!, [`${prefix}-year`]: year! };
  };

  before(async () => {
    t = await createTestApp();
    visitor = await makeUser(t.ctx, { name: 'Hana Visitor' });
    const manager = await makeUser(t.ctx, { name: 'Mona Manager', role: 'manager', organisationId: visitor.organisationId });
    [visitorId, managerId] = [visitor.id, manager.id];
    const lead = await makeUser(t.ctx, { name: 'Lee Lead', role: 'safeguarding-lead' });
    const housing = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'housing')).id, name: 'Hal Housing' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [visitor.id, lead.id, housing.id] }));
    await t.ctx.db.updateTable('cases').set({ sex: 'male', gestation_at_birth_weeks: 39, birth_weight_grams: 3300 }).where('id', '=', caseId).execute();
    await makePerson(t.ctx, caseId, { id: 'mum', given_name: 'Grace', family_name: 'Okafor', history_checked: true });
    await makePerson(t.ctx, caseId, { id: 'dad', given_name: 'Sam', family_name: 'Hart', relationship_to_infant: 'father' });
    const recorded = await recordEntry(t.ctx, actorFor(visitor), caseId, { kind: 'home-visit', occurredAt: today(), summary: 'Visit', source: 'observed' });
    assert.ok(recorded.ok);
    entryId = recorded.entry.id;
    visitorClient = await WebClient.signedIn(t.app, visitor);
    leadClient = await WebClient.signedIn(t.app, lead);
    housingClient = await WebClient.signedIn(t.app, housing);
    outsiderClient = await WebClient.signedIn(t.app, await makeUser(t.ctx, { name: 'Out Sider' }));
  });
  after(async () => t.close());

  type Table = 'chronology_entries' | 'case_meetings' | 'case_supervisions' | 'growth_measurements' | 'chronology_disputes' | 'case_consents' | 'legal_holds' | 'people' | 'person_relationships' | 'break_glass_access';
  const rowsOf = (table: Table) => t.ctx.db.selectFrom(table).where('case_id', '=', caseId);
  const countRows = async (table: Table, where: (q: ReturnType<typeof rowsOf>) => ReturnType<typeof rowsOf> = (q) => q) =>
    Number((await where(rowsOf(table)).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

  const forms = (): RecordForm[] => [
    {
      name: 'a chronology entry',
      page: () => `/cases/${caseId}/chronology/new`,
      fields: () => ({ kind: 'case-note', ...todayIn('occurred'), summary: 'Spoke to mum on the phone', source: 'observed', babySeen: 'not-recorded' }),
      count: () => countRows('chronology_entries'),
    },
    {
      name: 'a contact',
      page: () => `/cases/${caseId}/contacts/new`,
      fields: () => ({
        kind: 'home-visit', ...todayIn('occurredOn'), babySeen: 'yes', awakeOrAsleep: 'awake', interaction: 'Grace held the baby close', dressed: 'Clean sleepsuit',
        demeanour: 'Alert, settled', whereKept: 'Bouncer in the living room', present: 'mum', sleepingSeen: 'no', safeSleepAdvice: 'no', cryingAdvice: 'no', summary: 'Routine visit',
      }),
      count: () => countRows('chronology_entries'),
    },
    {
      name: 'a meeting',
      page: () => `/cases/${caseId}/meetings/new`,
      fields: () => ({ kind: 'strategy-discussion', ...todayIn('heldOn'), chair: 'Sue Chair', parentsPresent: 'no', section47: 'yes', 'attendee-0-name': 'PC Lane', 'attendee-0-agency': 'police', 'decision-0': 'Start enquiries' }),
      count: () => countRows('case_meetings'),
    },
    {
      name: 'a supervision',
      page: () => `/cases/${caseId}/supervision/new`,
      fields: () => ({
        ...todayIn('heldOn'), practitionerId: visitorId, supervisorId: managerId, 'answer-script': 'Mother says she has stopped drinking.', 'answer-missing-voices': 'The father.',
        'answer-unthinkable': 'Drinking at night.', 'answer-changed': 'The baby was seen twice.', stuck: 'not-sure', 'answer-stuck': 'Housing better.', analysis: 'Untested.', decisions: 'Meet the father.',
      }),
      count: () => countRows('case_supervisions'),
    },
    {
      name: 'a growth measurement',
      page: () => `/cases/${caseId}/growth`,
      fields: () => ({ kind: 'weight', value: '4100', ...todayIn('measuredOn') }),
      count: () => countRows('growth_measurements'),
    },
    {
      name: 'a dispute of an entry',
      page: () => `/cases/${caseId}/chronology/${entryId}/dispute`,
      fields: () => ({ disputedBy: 'the father, Sam Hart', text: 'I was not there that day' }),
      count: () => countRows('chronology_disputes'),
    },
    {
      name: 'a consent',
      page: () => `/cases/${caseId}/consent/consent`,
      fields: () => ({ askedPersonId: 'mum', purpose: 'Sharing with the GP', ...todayIn('soughtOn'), answer: 'given' }),
      count: () => countRows('case_consents'),
    },
    {
      name: 'a sharing without consent',
      page: () => `/cases/${caseId}/consent/sharing`,
      fields: () => ({ sharedWhat: 'The police log', sharedWith: 'Health visiting', ...todayIn('sharedOn'), basis: 'safeguarding-child', decidedBy: visitorId, reason: 'Asking would increase the risk' }),
      count: () => countRows('case_consents'),
    },
    {
      name: 'that the GP was told',
      page: () => `/cases/${caseId}/consent/gp-told`,
      fields: () => ({ ...todayIn('toldOn'), toldBy: '', gpShared: 'The concerns about drinking' }),
      count: () => countRows('chronology_entries'),
    },
    {
      name: 'a discharge plan',
      page: () => `/cases/${caseId}/discharge-plan`,
      fields: () => ({
        stay: 'hospital', ...todayIn('dischargeOn', 1), 'firstVisit-agency': 'health-visiting', 'firstVisit-name': 'Claire Dobson', ...todayIn('firstVisit-by', 6),
        feedingAndHandling: 'Small feeds often', socialWorker: 'no-social-worker', gp: 'told', ...todayIn('gp-toldOn'), 'gp-toldBy': 'Hana Visitor', 'attendee-0-name': 'Hana Visitor', 'attendee-0-agency': 'hospital',
      }),
      count: () => countRows('chronology_entries'),
    },
    {
      name: 'a person',
      page: () => `/cases/${caseId}/people/new`,
      fields: () => ({ relationshipToInfant: 'mothers-partner', identityKnown: 'no', livesInHousehold: 'yes', caresForInfant: 'yes', visitsRegularly: 'no', description: 'Mother\'s new partner, name unknown' }),
      count: () => countRows('people'),
    },
    {
      name: 'a relationship',
      page: () => `/cases/${caseId}/relationships/new`,
      fields: () => ({ personId: 'mum', kind: 'separated', otherPersonId: 'dad' }),
      count: () => countRows('person_relationships'),
    },
    {
      name: 'emergency access, by someone outside the team',
      page: () => `/cases/${caseId}/emergency-access`,
      fields: () => ({ reason: 'Police called to the address tonight, baby present' }),
      count: () => countRows('break_glass_access'),
      by: () => outsiderClient,
    },
    {
      name: 'a legal hold on the case',
      page: () => `/cases/${caseId}/holds`,
      fields: () => ({ reason: 'A public inquiry has asked for the record' }),
      count: () => countRows('legal_holds'),
      by: () => leadClient,
    },
  ];

  /** The form's page as the user opens it, with its one-time submission id. */
  async function opened(form: RecordForm): Promise<string> {
    client = form.by?.() ?? visitorClient;
    const page = await client.get(form.page());
    assert.equal(page.statusCode, 200, form.page());
    const id = /<input type="hidden" name="submissionId" value="([0-9a-f-]{36})">/.exec(page.body)?.[1];
    assert.ok(id, `${form.name}: the form carries a submission id`);
    return id;
  }

  const post = (form: RecordForm, submission: Record<string, string>) => client.post((form.action ?? form.page)(), { ...form.fields(), ...submission });

  /** Where a post was sent, and the success message the page there shows once. */
  async function answered(response: LightMyRequestResponse): Promise<{ location: string; message: string }> {
    assert.equal(response.statusCode, 303, response.body.slice(0, 500));
    const location = String(response.headers.location);
    const page = await client.get(location);
    const message = /govuk-notification-banner--success[\s\S]*?<p[^>]*>([\s\S]*?)<\/p>/.exec(page.body)?.[1]?.trim() ?? '';
    return { location, message };
  }

  it('records a form posted twice with the same id once, and sends the second post to the first one\'s record with the same message', async () => {
    for (const form of forms()) {
      const submissionId = await opened(form);
      const before = await form.count();
      const first = await answered(await post(form, { submissionId }));
      const second = await answered(await post(form, { submissionId }));
      assert.equal(await form.count(), before + 1, form.name);
      assert.deepEqual(second, first, form.name);
    }
  });

  it('records the same form rendered twice, each with its own id, twice', async () => {
    for (const form of forms()) {
      const before = await form.count();
      await answered(await post(form, { submissionId: await opened(form) }));
      await answered(await post(form, { submissionId: await opened(form) }));
      assert.equal(await form.count(), before + 2, form.name);
    }
  });

  it('records a post without an id, or with one not shaped like one, as a new submission', async () => {
    for (const form of forms()) {
      await opened(form);
      const before = await form.count();
      await answered(await post(form, {}));
      await answered(await post(form, {}));
      await answered(await post(form, { submissionId: 'not-an-id' }));
      assert.equal(await form.count(), before + 3, form.name);
    }
  });

  it('records two posts of one rendering sent at the same moment once: the later is sent again and then to the first one\'s record', async () => {
    for (const form of forms()) {
      const submissionId = await opened(form);
      const before = await form.count();
      const both = await Promise.all([post(form, { submissionId }), post(form, { submissionId })]);
      assert.equal(await form.count(), before + 1, form.name);
      // The one that lost the race stored nothing and asks the browser to send it again, as it was.
      const again = await Promise.all(both.map(async (response) => (response.statusCode === 307 ? post(form, { submissionId }) : response)));
      const [a, b] = [await answered(again[0]!), await answered(again[1]!)];
      assert.equal(a.location, b.location, form.name);
      assert.equal(await form.count(), before + 1, form.name);
    }
  });

  it('sends a correction posted twice to the correction, not to a refusal that the entry was corrected meanwhile', async () => {
    const url = `/cases/${caseId}/chronology/${entryId}/correct`;
    client = visitorClient;
    const page = await client.get(url);
    const submissionId = /name="submissionId" value="([^"]+)"/.exec(page.body)![1]!;
    const fields = { kind: 'home-visit', ...todayIn('occurred'), babySeen: 'not-recorded', summary: 'Visit, with the baby seen', source: 'observed', correctionReason: 'The baby was seen', submissionId };
    const first = await answered(await client.post(url, fields));
    const second = await answered(await client.post(url, fields));
    assert.deepEqual(second, first);
    assert.equal(await countRows('chronology_entries', (q) => q.where('corrects', '=', entryId)), 1);
  });

  it('keeps two recordings of one submission at the same moment to one, by either door: the later stores nothing and names the first\'s record', async () => {
    const attempts: [string, (submission: string) => Promise<{ ok: boolean; id?: string }>, () => Promise<number>][] = [
      ['an entry (recordEntriesIn)', async (submission) => {
        const result = await recordEntry(t.ctx, actorFor(visitor), caseId, { kind: 'case-note', occurredAt: today(), summary: 'Twice at once', source: 'observed' }, submission);
        return result.ok ? { ok: true, id: result.entry.id } : { ok: false };
      }, () => countRows('chronology_entries')],
      ['a measurement (changeCase)', async (submission) => {
        const result = await recordMeasurement(t.ctx, actorFor(visitor), caseId, { kind: 'weight', value: 4200, unit: 'g', measuredOn: today() }, 'page', submission);
        return result.ok ? { ok: true, id: result.value.measurement.id } : { ok: false };
      }, () => countRows('growth_measurements')],
    ];
    for (const [name, record, count] of attempts) {
      const submission = randomUUID();
      const before = await count();
      const [a, b] = await Promise.allSettled([record(submission), record(submission)]);
      const kept = [a, b].filter((r) => r.status === 'fulfilled');
      const refused = [a, b].flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
      assert.equal(kept.length, 1, name);
      assert.equal(refused.length, 1, name);
      assert.ok(isSubmittedBefore(refused[0]), name);
      assert.equal(refused[0].recordId, kept[0]!.value.id, name);
      assert.equal(await count(), before + 1, name);
    }
  });

  it('sends a level proposal, and the answer to it, posted twice to the review page as recorded, not to a refusal that a proposal is open or answered', async () => {
    client = housingClient;
    const url = `/cases/${caseId}/profile/level/propose`;
    const submissionId = await opened({ name: 'a level proposal', page: () => url, fields: () => ({}), count: async () => 0, by: () => client });
    const fields = { level: 'child-protection', reason: 'A new partner with a violent history moved in', submissionId };
    const first = await answered(await client.post(url, fields));
    const second = await answered(await client.post(url, fields));
    assert.deepEqual(second, first);
    assert.equal((await t.ctx.db.selectFrom('level_proposals').select('id').where('case_id', '=', caseId).execute()).length, 1);

    // Its answer, from the case page, posted twice: answered as recorded both times, not 'already declined'.
    client = visitorClient;
    const casePage = await client.get(`/cases/${caseId}`);
    const [, action, answerId] = /action="([^"]+\/decision)"[\s\S]*?name="submissionId" value="([^"]+)"/.exec(casePage.body) ?? [];
    assert.ok(action && answerId, 'the case page offers the answer to the proposal');
    const answer = { answer: 'decline', reason: 'The partner has moved out', submissionId: answerId };
    const declined = await answered(await client.post(action, answer));
    const again = await answered(await client.post(action, answer));
    assert.deepEqual(again, declined);
    const proposals = await t.ctx.db.selectFrom('level_proposals').select(['status', 'decision_reason']).where('case_id', '=', caseId).execute();
    assert.deepEqual(proposals, [{ status: 'declined', decision_reason: 'The partner has moved out' }]);
  });
});
