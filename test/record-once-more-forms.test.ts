// The case forms moved onto "a form posted twice records once" after the first (ADR 0026; the first
// are in record-once.test.ts): each rendering carries a one-time submission id beside its save
// button; a second post with it records nothing, writes no second profile version or audit entry,
// and is answered as the first was. Forms that carry the version they were filled against (the plan)
// refused a second post as stale before: it is now answered as saved. Posts without an id, or with one
// not shaped like one, are still recorded.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { randomUUID } from 'node:crypto';
import { inputValue } from './helpers/html.ts';
import { createCase } from '../src/application/cases/create-case.ts';
import { recordEntry } from '../src/application/chronology/record-entry.ts';
import { QUESTION_IDS } from '../src/domain/quality-audits/audit-questions.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { actorFor, makeCase, makePerson, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

/** A form that records something: where it is shown and posted, what to type, and what it records. */
interface RecordForm {
  name: string;
  /** Readies what the next rendering is about (a person waiting for a decision, a practitioner to add). */
  prepare?: () => Promise<void>;
  page: () => string;
  action?: () => string;
  /** What to type, given the form as rendered (it may carry the version it was filled against). */
  fields: (form: string) => Record<string, string>;
  /** How many records it has made. */
  count: () => Promise<number>;
  /** The audit action of what it records. */
  audit: string;
  /** Profile versions one post writes. */
  versions: 0 | 1;
  /** Carries the version it was filled against: a second rendering filled against the same one is refused as stale. */
  stale?: true;
  /** The case it records on, when not the one with the family's factors. */
  caseId?: () => string;
  /** Who fills it, when not the lead practitioner (a quality audit is answered by a safeguarding lead). */
  client?: () => WebClient;
}

interface Rendering {
  form: RecordForm;
  html: string;
  submissionId: string;
}

describe('more forms posted twice record once', () => {
  let t: TestApp;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let client: WebClient;
  let caseId: string;
  /** A case with no factors assessed, whose profile can be marked reviewed with no decision first. */
  let quietCaseId: string;
  /** Makes each answer typed differently from the last. */
  let typed = 0;
  let proposalId = '';
  let newcomer = { email: '' };
  let auditor: WebClient;
  let auditId = '';

  before(async () => {
    t = await createTestApp();
    lead = await makeUser(t.ctx, { name: 'Lee Lead' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', given_name: 'Grace', family_name: 'Okafor', history_checked: true });
    ({ id: quietCaseId } = await makeCase(t.ctx, { familyName: 'Quiet', teamUserIds: [lead.id] }));
    const seen = await recordEntry(t.ctx, actorFor(lead), quietCaseId, { kind: 'home-visit', occurredAt: serviceToday(t.clock.now()), summary: 'Baby seen, settled', source: 'observed', babySeen: true });
    assert.ok(seen.ok);
    client = await WebClient.signedIn(t.app, lead);
    auditor = await WebClient.signedIn(t.app, await makeUser(t.ctx, { name: 'Sam Safeguarding', role: 'safeguarding-lead', organisationId: lead.organisationId }));
    const started = await auditor.post('/quality-audits/new', { scope: 'all' });
    assert.equal(started.statusCode, 303);
    auditId = String(started.headers.location).split('/').pop()!;
  });
  after(async () => t.close());

  const countOf = async (rows: { execute: () => Promise<unknown[]> }) => (await rows.execute()).length;

  const forms = (): RecordForm[] => [
    {
      name: 'the plan',
      page: () => `/cases/${caseId}/plan/edit`,
      fields: (form) => ({ version: inputValue(form, 'version') ?? '', level: 'early-help', 'outcome-0': 'Grace stays sober when caring for the baby' }),
      count: () => countOf(t.ctx.db.selectFrom('case_plans').select('version').where('case_id', '=', caseId)),
      audit: 'plan.update',
      versions: 0,
      stale: true,
    },
    {
      name: 'the decision about a person another agency named',
      prepare: async () => {
        proposalId = randomUUID();
        await t.ctx.db.insertInto('fhir_proposed_people').values({
          case_id: caseId, id: proposalId, organisation_id: lead.organisationId, agency: 'City Hospital', resource: `RelatedPerson/${proposalId}`,
          given_name: 'Joy', family_name: 'Smith', relationship_to_infant: 'unknown', relationship_as_sent: 'friend', sex: 'female', date_of_birth: '1990-05-01', nhs_number: null, received_at: t.clock.now(),
        }).execute();
      },
      page: () => `/cases/${caseId}/proposed-people`,
      action: () => `/cases/${caseId}/proposed-people/${proposalId}`,
      fields: () => ({ decision: 'new-person', relationshipToInfant: 'mothers-partner' }),
      count: () => countOf(t.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId)),
      audit: 'person.proposal-decide',
      versions: 1,
    },
    {
      name: 'adding someone to the team',
      prepare: async () => {
        newcomer = await makeUser(t.ctx, { organisationId: lead.organisationId, name: 'New Colleague' });
      },
      page: () => `/cases/${caseId}/team`,
      fields: () => ({ email: newcomer.email, role: 'member' }),
      count: () => countOf(t.ctx.db.selectFrom('case_team').select('user_id').where('case_id', '=', caseId)),
      audit: 'team.add',
      versions: 0,
    },
    {
      name: 'a factor',
      page: () => `/cases/${caseId}/profile/mum/alcohol-misuse`,
      fields: (form) => ({ version: inputValue(form, 'version') ?? '', status: 'present', pattern: 'stable', detail: `Drinks most evenings (${String(++typed)})` }),
      count: () => versionsOf(caseId, 'factor'),
      audit: 'profile.factor-update',
      versions: 1,
      stale: true,
    },
    {
      name: 'all of a person\'s factors',
      page: () => `/cases/${caseId}/profile/mum/all-factors`,
      fields: (form) => ({ profileVersion: inputValue(form, 'profileVersion') ?? '', 'status-drug-misuse': 'present', 'pattern-drug-misuse': 'stable', 'detail-drug-misuse': `Cannabis most days (${String(++typed)})` }),
      count: () => versionsOf(caseId, 'factor'),
      audit: 'profile.subject-assess',
      versions: 1,
    },
    {
      name: 'an escalation decision',
      caseId: () => quietCaseId,
      page: () => `/cases/${quietCaseId}/profile/decision`,
      fields: (form) => ({ profileVersion: inputValue(form, 'profileVersion') ?? '', decision: 'universal-plus', reasoning: 'Support from the health visitor is enough', leadConsulted: 'no' }),
      count: () => countOf(t.ctx.db.selectFrom('profile_decisions').select('id').where('case_id', '=', quietCaseId)),
      audit: 'profile.decision',
      versions: 1,
      stale: true,
    },
    {
      name: 'marking the profile reviewed',
      caseId: () => quietCaseId,
      page: () => `/cases/${quietCaseId}/profile/review`,
      fields: (form) => ({ profileVersion: inputValue(form, 'profileVersion') ?? '', note: 'Nothing new' }),
      count: () => versionsOf(quietCaseId, 'review'),
      audit: 'profile.review',
      versions: 1,
      stale: true,
    },
    {
      name: 'changing the level of support',
      caseId: () => quietCaseId,
      page: () => `/cases/${quietCaseId}/profile/level`,
      // Up from universal, down from early help: each post a change from the level the form was shown at.
      fields: (form) => ({ level: /value="universal" checked/.test(form) ? 'early-help' : 'universal', why: 'Needs have changed' }),
      count: () => versionsOf(quietCaseId, 'level'),
      audit: 'case.level-change',
      versions: 1,
    },
    {
      name: 'the case\'s address, GP and hospital',
      page: () => `/cases/${caseId}/details`,
      fields: (form) => ({ version: inputValue(form, 'version') ?? '', address: `${String(++typed)} Quiet Row, Derby`, birthHospital: 'Royal Derby Hospital' }),
      count: async () => (await t.ctx.db.selectFrom('cases').select('version').where('id', '=', caseId).executeTakeFirstOrThrow()).version,
      audit: 'case.details-update',
      versions: 0,
      stale: true,
    },
    {
      name: "a quality audit's answers about a case",
      client: () => auditor,
      page: () => `/quality-audits/${auditId}/cases/${caseId}`,
      fields: () => ({ ...Object.fromEntries(QUESTION_IDS.map((id) => [`answer-${id}`, 'yes'])), 'answer-supervision': 'no', 'note-supervision': `Overdue (${String(++typed)})` }),
      count: () => countOf(t.ctx.db.selectFrom('audit_log').select('id').where('case_id', '=', caseId).where('action', '=', 'quality-audit.answer')),
      audit: 'quality-audit.answer',
      versions: 0,
    },
  ];

  const versionsOf = (id: string, kind: 'factor' | 'review' | 'level') => countOf(t.ctx.db.selectFrom('profile_versions').select('version').where('case_id', '=', id).where('kind', '=', kind));

  /** Records, successful audit entries of the form's action, and profile versions, on the form's case. */
  const counted = async (form: RecordForm) => {
    const id = form.caseId?.() ?? caseId;
    return {
      records: await form.count(),
      audits: await countOf(t.ctx.db.selectFrom('audit_log').select('id').where('case_id', '=', id).where('action', '=', form.audit).where('outcome', '=', 'success')),
      versions: await countOf(t.ctx.db.selectFrom('profile_versions').select('version').where('case_id', '=', id)),
    };
  };
  const recorded = (form: RecordForm, before: Awaited<ReturnType<typeof counted>>, times: number) => ({
    records: before.records + times,
    audits: before.audits + times,
    versions: before.versions + times * form.versions,
  });

  const actionOf = (form: RecordForm) => (form.action ?? form.page)();
  const clientOf = (form: RecordForm) => form.client?.() ?? client;

  /** The form as the user opens it: its own markup (a page may hold several) and its one-time submission id. */
  async function opened(form: RecordForm): Promise<Rendering> {
    await form.prepare?.();
    const page = await clientOf(form).get(form.page());
    assert.equal(page.statusCode, 200, form.page());
    const start = page.body.indexOf(`action="${actionOf(form)}"`);
    assert.ok(start > 0, `${form.name}: the page has the form`);
    const html = page.body.slice(start, page.body.indexOf('</form>', start));
    const submissionId = /<input type="hidden" name="submissionId" value="([0-9a-f-]{36})">/.exec(html)?.[1];
    assert.ok(submissionId, `${form.name}: the form carries a submission id`);
    return { form, html, submissionId };
  }

  const post = ({ form, html }: Rendering, submission: Record<string, string>) => clientOf(form).post(actionOf(form), { ...form.fields(html), ...submission });

  /** Where a post was sent, and the success message the page there shows once. */
  async function answered(response: LightMyRequestResponse, by = client): Promise<{ location: string; message: string }> {
    assert.equal(response.statusCode, 303, response.body.match(/govuk-error-summary[\s\S]{0,1500}/)?.[0] ?? response.body.slice(0, 500));
    const location = String(response.headers.location);
    const page = await by.get(location);
    const message = /govuk-notification-banner--success[\s\S]*?<p[^>]*>([\s\S]*?)<\/p>/.exec(page.body)?.[1]?.trim() ?? '';
    return { location, message };
  }

  it('records a form posted twice with the same id once, and answers the second post as the first', async () => {
    for (const form of forms()) {
      const rendering = await opened(form);
      const before = await counted(form);
      const first = await answered(await post(rendering, { submissionId: rendering.submissionId }), clientOf(form));
      const second = await answered(await post(rendering, { submissionId: rendering.submissionId }), clientOf(form));
      assert.deepEqual(await counted(form), recorded(form, before, 1), form.name);
      assert.deepEqual(second, first, form.name);
      assert.ok(first.message.length > 0, `${form.name}: a success message`);
    }
  });

  it('records the same form rendered twice, each with its own id, twice', async () => {
    for (const form of forms()) {
      const before = await counted(form);
      for (const time of [1, 2]) {
        const rendering = await opened(form);
        await answered(await post(rendering, { submissionId: rendering.submissionId }), clientOf(form));
        assert.deepEqual(await counted(form), recorded(form, before, time), form.name);
      }
    }
  });

  it('still refuses the second of two renderings filled against the same version as stale, recording the first only', async () => {
    for (const form of forms().filter((f) => f.stale)) {
      const [first, second] = [await opened(form), await opened(form)];
      const before = await counted(form);
      await answered(await post(first, { submissionId: first.submissionId }), clientOf(form));
      const refused = await post(second, { submissionId: second.submissionId });
      assert.equal(refused.statusCode, 409, form.name);
      assert.deepEqual(await counted(form), recorded(form, before, 1), form.name);
    }
  });

  it('records a post without an id, or with one not shaped like one, as a new submission', async () => {
    for (const form of forms()) {
      const before = await counted(form);
      const posts: Record<string, string>[] = [{}, {}, { submissionId: 'not-an-id' }];
      for (const [time, submission] of posts.entries()) {
        await answered(await post(await opened(form), submission), clientOf(form));
        assert.deepEqual(await counted(form), recorded(form, before, time + 1), form.name);
      }
    }
  });

  // The birth changes an unborn baby's record once: a second post found it born and was refused 409.
  it('records the birth posted twice, or twice at once, with one id once, and answers each post as the first', async () => {
    const birth = { 'dateOfBirth-day': '20', 'dateOfBirth-month': '11', 'dateOfBirth-year': '2026', givenName: 'Rosa', sex: 'female', nhsNumber: '', gestationAtBirthWeeks: '39', birthWeightGrams: '3200', multipleBirth: 'no', independentlyMobile: 'no' };
    for (const atOnce of [false, true]) {
      const made = await createCase(t.ctx, actorFor(lead), { status: 'unborn', familyName: `Born${String(++typed)}`, expectedDeliveryDate: '2026-11-25' }, { confirmedNoDuplicate: true });
      assert.ok(made.ok);
      const id = made.value.id;
      const page = await client.get(`/cases/${id}/birth`);
      const fields = { ...birth, version: inputValue(page.body, 'version') ?? '', submissionId: inputValue(page.body, 'submissionId') ?? '' };
      assert.match(fields.submissionId, /^[0-9a-f-]{36}$/);
      const sent = atOnce ? await Promise.all([client.post(`/cases/${id}/birth`, fields), client.post(`/cases/${id}/birth`, fields)]) : [await client.post(`/cases/${id}/birth`, fields), await client.post(`/cases/${id}/birth`, fields)];
      const answers = await Promise.all(sent.map(async (response) => (response.statusCode === 307 ? client.post(`/cases/${id}/birth`, fields) : response)));
      for (const answer of answers) assert.deepEqual([answer.statusCode, answer.headers.location], [303, `/cases/${id}`], `at once: ${String(atOnce)}`);
      const births = await t.ctx.db.selectFrom('audit_log').select('id').where('case_id', '=', id).where('action', '=', 'case.birth-recorded').where('outcome', '=', 'success').execute();
      assert.equal(births.length, 1);
      assert.equal((await t.ctx.db.selectFrom('cases').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status, 'born');
    }
  });

  it('records two posts of one rendering sent at the same moment once, and answers both as the first', async () => {
    for (const form of forms()) {
      const rendering = await opened(form);
      const before = await counted(form);
      const sent = { submissionId: rendering.submissionId };
      const both = await Promise.all([post(rendering, sent), post(rendering, sent)]);
      // One that lost the race on the submission's key stored nothing and asks the browser to send it again, as it was.
      const again = await Promise.all(both.map(async (response) => (response.statusCode === 307 ? post(rendering, sent) : response)));
      const [a, b] = [await answered(again[0]!, clientOf(form)), await answered(again[1]!, clientOf(form))];
      assert.equal(a.location, b.location, form.name);
      assert.deepEqual(await counted(form), recorded(form, before, 1), form.name);
    }
  });
});
