import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { qaElement, textOf } from '../../../../test/helpers/html.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { recordEntry } from '../../../application/chronology/record-entry.ts';
import { updateFactor } from '../../../application/profile/update-factor.ts';
import { addDays, dayInWords } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

describe('the subject’s page: every factor in one sitting', () => {
  let t: TestApp;
  let caseId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let colleague: Awaited<ReturnType<typeof makeUser>>;
  before(async () => {
    t = await createTestApp();
    const organisation = await makeOrganisation(t.ctx, 'health-visiting', 'Health Visiting');
    lead = await makeUser(t.ctx, { organisationId: organisation.id, name: 'Hana Visitor' });
    colleague = await makeUser(t.ctx, { organisationId: organisation.id, name: 'Ola Colleague' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id, colleague.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
    const moved = await recordEntry(t.ctx, actorFor(colleague), caseId, { kind: 'change-of-address', occurredAt: t.clock.now().toISOString().slice(0, 10), summary: 'Moved to a hostel', source: 'agency-record' });
    assert.ok(moved.ok);
  });
  after(async () => t.close());

  const url = (subject: string) => `/cases/${caseId}/profile/${subject}/all-factors`;
  const versionCount = async () => (await t.ctx.db.selectFrom('profile_versions').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow()).n;

  it('is linked from the task list for each subject, which shows the evidence waiting', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const profile = await client.get(`/cases/${caseId}/profile`);
    assert.equal(textOf(qaElement(profile.body, 'assess-all-subject-infant')), "Assess all of the baby's factors");
    assert.equal(textOf(qaElement(profile.body, 'assess-all-subject-mum')), "Assess all of Sarah Hart's factors");
    assert.equal(textOf(qaElement(profile.body, 'assess-all-subject-household')), "Assess all of the household's factors");
    const household = profile.body.slice(profile.body.indexOf('id="subject-household"'));
    assert.equal(household.match(/Evidence waiting: \d+ records?/g)?.join(), 'Evidence waiting: 1 record');
    assert.match(household, /Homeless, temporary housing or frequent moves[^<]*<\/a>\s*<div[^>]*class="govuk-task-list__hint">\s*Evidence waiting: 1 record\s*</);
  });

  it('lists every factor the record does not fill, with the records waiting under the factor', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(url('household'));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Assess all of the household&#39;s factors/);
    assert.match(textOf(qaElement(page.body, 'waiting-housing-instability')), /Evidence waiting: 1 record .*Moved to a hostel/);
    assert.match(page.body, /name="status-unsafe-sleep"/);
    assert.match(page.body, /name="profileVersion" value="1"/);
    const baby = await client.get(url('infant'));
    assert.doesNotMatch(baby.body, /name="status-prematurity"/, 'filled from the record');
  });

  it('keeps everything typed on an error, each problem linked to its field, and writes nothing', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(url('mum'));
    const before = await versionCount();
    const refused = await client.post(url('mum'), { profileVersion: '1', 'status-alcohol-misuse': 'present', 'detail-alcohol-misuse': 'Drinks most evenings, typed', 'status-mental-health': 'excluded', 'status-drug-misuse': 'cannot-assess' });
    assert.equal(refused.statusCode, 400);
    const summary = qaElement(refused.body, 'error-summary') ?? refused.body;
    for (const [href, words] of [['#pattern-alcohol-misuse', 'Alcohol misuse: select whether the use is stable or chaotic'], ['#note-mental-health', 'to exclude this'], ['#reason-drug-misuse', 'say why it cannot be assessed']]) {
      assert.match(summary, new RegExp(`href="${href}"[^>]*>[^<]*${words}`, 'i'), href);
    }
    assert.match(refused.body, /Drinks most evenings, typed/);
    assert.equal(await versionCount(), before);
  });

  it('gives every error in one pass, in page order, each linked to its field: a text too long, the day the evidence was seen and each answer’s problems together, keeping what was typed', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const before = await versionCount();
    const tomorrow = addDays(serviceToday(t.clock.now()), 1).split('-');
    const long = 'Drinks most evenings. '.repeat(200);
    const refused = await client.post(url('mum'), {
      profileVersion: before,
      'status-alcohol-misuse': 'present',
      'detail-alcohol-misuse': long,
      'status-mental-health': 'excluded',
      'status-drug-misuse': 'cannot-assess',
      evidenceSource: 'observed',
      evidenceGivenBy: 'x'.repeat(201),
      'evidenceSeenOn-day': String(Number(tomorrow[2])),
      'evidenceSeenOn-month': String(Number(tomorrow[1])),
      'evidenceSeenOn-year': tomorrow[0]!,
    });
    assert.equal(refused.statusCode, 400);
    const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(refused.body)?.[0] ?? '';
    const links = [...summary.matchAll(/href="#([^"]+)"[^>]*>([^<]*)</g)].map((m): [string, string] => [m[1]!, m[2]!.trim()]);
    assert.deepEqual(links.map(([href]) => href).sort(), ['detail-alcohol-misuse', 'evidenceGivenBy', 'evidenceSeenOn-day', 'note-mental-health', 'pattern-alcohol-misuse', 'reason-drug-misuse'].sort());
    const words: Record<string, string> = Object.fromEntries(links);
    assert.equal(words['detail-alcohol-misuse'], 'Alcohol misuse: What is known must be 4,000 characters or fewer');
    assert.match(words['pattern-alcohol-misuse']!, /select whether the use is stable or chaotic/i);
    assert.match(words['note-mental-health']!, /to exclude this/);
    assert.match(words['reason-drug-misuse']!, /say why it cannot be assessed/i);
    assert.equal(words['evidenceGivenBy'], 'Who said it must be 200 characters or fewer');
    assert.equal(words['evidenceSeenOn-day'], 'The date the evidence was seen must be today or in the past');
    // In the order the page asks: each link's field comes later on the page than the one before.
    const at = links.map(([href]) => refused.body.indexOf(`id="${href}"`));
    assert.ok(at.every((position) => position > 0), 'each links to its field');
    assert.deepEqual(at, [...at].sort((a, b) => a - b), 'page order');
    assert.ok(refused.body.includes(`>${long.trim()}</textarea>`), 'the long text comes back whole');
    assert.match(refused.body, new RegExp(`name="evidenceSeenOn-year" type="text" value="${tomorrow[0]!}"`));
    assert.equal(await versionCount(), before, 'nothing written');
  });

  it('saves every changed answer as one profile version, with the visit’s evidence', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(url('household'));
    const before = Number(await versionCount());
    const saved = await client.post(url('household'), {
      profileVersion: String(before),
      'status-unsafe-sleep': 'excluded',
      'status-smoking-in-home': 'excluded',
      'status-housing-instability': 'present',
      'detail-housing-instability': 'In a hostel since the birth',
      // Typed under an answer not chosen, shown without JavaScript: not saved.
      'reason-unsafe-sleep': 'typed then changed my mind',
      evidenceSource: 'observed',
      evidenceNote: 'Seen at the new-birth visit',
    });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
    assert.equal(Number(await versionCount()), before + 1);
    const rows = await t.ctx.db.selectFrom('profile_assessments').select(['factor_id', 'status', 'reason']).where('case_id', '=', caseId).where('subject_key', '=', 'household').orderBy('factor_id').execute();
    assert.deepEqual(rows, [
      { factor_id: 'housing-instability', status: 'present', reason: null },
      { factor_id: 'smoking-in-home', status: 'excluded', reason: null },
      { factor_id: 'unsafe-sleep', status: 'excluded', reason: null },
    ]);
    const profile = await client.get(`/cases/${caseId}/profile`);
    assert.doesNotMatch(profile.body, /Evidence waiting/);
    const history = await client.get(`/cases/${caseId}/profile/history`);
    assert.match(textOf(history.body), /The household, assessed together: Unsafe sleep[^:]*: Not yet assessed to Excluded; A carer smokes: Not yet assessed to Excluded; Homeless, temporary housing or frequent moves: Not yet assessed to Present/);
  });

  it('asks the day the evidence was seen, today unless changed; refuses a day after today, before the record began or not real, keeping what was typed', async () => {
    const today = serviceToday(t.clock.now());
    const began = addDays(today, -20);
    await t.ctx.db.updateTable('cases').set({ created_at: new Date(`${began}T12:00:00Z`) }).where('id', '=', caseId).execute();
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(url('infant'));
    const [year, month, day] = today.split('-');
    assert.match(page.body, new RegExp(`name="evidenceSeenOn-day" type="text" value="${String(Number(day))}"`));
    assert.match(page.body, new RegExp(`name="evidenceSeenOn-month" type="text" value="${String(Number(month))}"`));
    assert.match(page.body, new RegExp(`name="evidenceSeenOn-year" type="text" value="${year!}"`));
    const version = await versionCount();
    const dated = (iso: string) => {
      const [y, m, d] = iso.split('-');
      return { 'evidenceSeenOn-day': String(Number(d)), 'evidenceSeenOn-month': String(Number(m)), 'evidenceSeenOn-year': y! };
    };
    const answer = { profileVersion: version, 'status-injury': 'excluded', evidenceSource: 'observed', evidenceNote: 'Baby seen undressed, typed' };
    for (const [seenOn, words] of [
      [dated(addDays(today, 1)), 'The date the evidence was seen must be today or in the past'],
      [dated(addDays(began, -1)), 'The date the evidence was seen must be on or after'],
      [{ 'evidenceSeenOn-day': '31', 'evidenceSeenOn-month': '2', 'evidenceSeenOn-year': year! }, 'The date the evidence was seen must be a real date'],
      [{ 'evidenceSeenOn-day': '3', 'evidenceSeenOn-month': '', 'evidenceSeenOn-year': year! }, 'The date the evidence was seen must include a month'],
    ] as const) {
      const refused = await client.post(url('infant'), { ...answer, ...seenOn });
      assert.equal(refused.statusCode, 400, words);
      assert.match(qaElement(refused.body, 'error-summary') ?? refused.body, new RegExp(`href="#evidenceSeenOn-(day|month)"[^>]*>[^<]*${words}`), words);
      assert.match(refused.body, /Baby seen undressed, typed/);
      assert.match(refused.body, new RegExp(`name="evidenceSeenOn-year" type="text" value="${year!}"`));
    }
    assert.equal(await versionCount(), version, 'nothing written');

    const seenOn = addDays(today, -2);
    const saved = await client.post(url('infant'), { ...answer, ...dated(seenOn) });
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 400));
    const stored = await t.ctx.db.selectFrom('profile_evidence').select('seen_on').where('case_id', '=', caseId).where('factor_id', '=', 'injury').execute();
    assert.deepEqual(stored.map((row) => String(row.seen_on).slice(0, 10)), [seenOn]);
    const factor = await client.get(`/cases/${caseId}/profile/infant/injury`);
    assert.match(textOf(qaElement(factor.body, 'evidence') ?? ''), new RegExp(`Baby seen undressed, typed .*seen ${dayInWords(seenOn)}; recorded by Hana Visitor`));
  });

  it('after someone else saved a factor the user also changed: theirs beside the answer kept, then saved again', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const loadedAt = await versionCount();
    assert.ok((await updateFactor(t.ctx, actorFor(colleague), caseId, { factorId: 'parental-conflict', status: 'present', detail: 'Shouting heard by the midwife', evidence: [], version: 0 })).ok);
    const body = { profileVersion: loadedAt, 'status-parental-conflict': 'excluded', 'note-parental-conflict': 'Both say they get on, typed', evidenceSource: 'carer-account' };
    const stale = await client.post(url('household'), body);
    assert.equal(stale.statusCode, 409);
    assert.match(textOf(qaElement(stale.body, 'theirs-parental-conflict')), /Ola Colleague changed this on .*\. Your answer is kept below: change it or save it again\. Their answer: Present; what is known: Shouting heard by the midwife$/);
    assert.match(stale.body, /Both say they get on, typed/);
    assert.match(stale.body, new RegExp(`name="profileVersion" value="${String(Number(loadedAt) + 1)}"`));
    const again = await client.post(url('household'), { ...body, profileVersion: String(Number(loadedAt) + 1) });
    assert.equal(again.statusCode, 303);
  });

  it('refuses someone outside the team (audited) and a person not in the record', async () => {
    const outsider = await WebClient.signedIn(t.app, await makeUser(t.ctx));
    assert.equal((await outsider.get(url('household'))).statusCode, 403);
    assert.equal((await outsider.post(url('household'), { profileVersion: '0', 'status-unsafe-sleep': 'present', 'detail-unsafe-sleep': 'x' })).statusCode, 403);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).where('outcome', '=', 'denied').execute();
    assert.ok(denied.some((a) => a.action === 'profile.subject-assess'));
    const client = await WebClient.signedIn(t.app, lead);
    assert.equal((await client.get(url('nobody'))).statusCode, 404);
  });

  it('is not offered under emergency access, which reads the profile and changes nothing', async () => {
    const police = await makeUser(t.ctx);
    const now = t.clock.now();
    await t.ctx.db.insertInto('break_glass_access').values({ case_id: caseId, id: 'bg-subject', user_id: police.id, reason: 'test emergency access', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();
    const client = await WebClient.signedIn(t.app, police);
    const profile = await client.get(`/cases/${caseId}/profile`);
    assert.equal(profile.statusCode, 200);
    assert.equal(qaElement(profile.body, 'assess-all-subject-household'), null);
    assert.equal((await client.get(url('household'))).statusCode, 403);
  });

  it('keeps the form posted with an expired token and gives it back as typed, once, with the version it was typed against', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    await client.get(url('mum'));
    const before = await versionCount();
    const posted = await client.post(url('mum'), { _csrf: 'expired-token', profileVersion: '1', 'status-alcohol-misuse': 'present', 'pattern-alcohol-misuse': 'stable', 'detail-alcohol-misuse': 'Two glasses of wine most evenings, kept' });
    assert.equal(posted.statusCode, 303);
    assert.equal(posted.headers.location, `${url('mum')}?restore=1`);
    assert.equal(await versionCount(), before, 'nothing saved from it');
    const page = await client.get(posted.headers.location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Two glasses of wine most evenings, kept/);
    assert.match(page.body, /name="status-alcohol-misuse" type="radio" value="present" checked/);
    assert.match(page.body, /name="profileVersion" value="1"/);
    assert.match(textOf(qaElement(page.body, 'kept-form-banner')), /Your form had expired/);
    assert.equal(qaElement(page.body, 'error-summary'), null, 'given back without errors');
    assert.doesNotMatch((await client.get(`${url('mum')}?restore=1`)).body, /Two glasses of wine most evenings, kept/, 'given back once');
  });
});
