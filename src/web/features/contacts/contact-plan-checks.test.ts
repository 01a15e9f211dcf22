import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { updatePlan } from '../../../application/plan/update-plan.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

type Fields = [string, string][];

/** The error summary's links and words (item ids hold digits, which the shared helper's pattern leaves out). */
function summaryErrors(html: string): string[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#([\w-]+)">([^<]*)<\/a>/g)].map((match) => `#${match[1]!}: ${match[2]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')}`);
}
type User = Awaited<ReturnType<typeof makeUser>>;

describe('the contact form checks the plan', () => {
  let t: TestApp;
  let caseId: string;
  let housing: User;
  let visitor: User;
  let routine: Fields;
  const items = { sleep: '', drink: '', stay: '' };

  before(async () => {
    t = await createTestApp();
    const [year, month, day] = serviceToday(t.clock.now()).split('-');
    routine = [
      ['kind', 'home-visit'],
      ['occurredOn-day', day!],
      ['occurredOn-month', month!],
      ['occurredOn-year', year!],
      ['babySeen', 'yes'],
      ['awakeOrAsleep', 'awake'],
      ['interaction', 'Held close'],
      ['dressed', 'Clean sleepsuit'],
      ['demeanour', 'Settled'],
      ['whereKept', 'Bouncer'],
      ['present', 'mum'],
      ['sleepingSeen', 'no'],
      ['safeSleepAdvice', 'no'],
      ['cryingAdvice', 'no'],
      ['summary', 'Housing visit about the damp'],
    ];
    housing = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'housing', 'Form Housing')).id, name: 'Ola Housing' });
    visitor = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'health-visiting', 'Form Health Visiting')).id, name: 'Hana Visitor' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [housing.id, visitor.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', given_name: 'Grace', family_name: 'Okafor', history_checked: true });
    const plan = await updatePlan(t.ctx, actorFor(visitor), caseId, {
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

  const formUrl = () => `/cases/${caseId}/contacts/new`;
  const outcome = (id: string) => `check-outcome-${id}`;
  const note = (id: string) => `check-note-${id}`;

  async function post(client: WebClient, fields: Fields) {
    const form = await client.get(formUrl());
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    return t.app.inject({
      method: 'POST',
      url: formUrl(),
      payload: new URLSearchParams([['_csrf', csrf], ...fields]).toString(),
      headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  it('lists the items due for this visitor, each in plain words with its question and three answers', async () => {
    const page = await (await WebClient.signedIn(t.app, housing)).get(formUrl());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /What the plan asks you to check<\/h2>/);
    assert.equal([...page.body.matchAll(/data-qa="plan-check"/g)].length, 2);
    for (const words of ['Where the baby sleeps', 'Ask to see where the baby sleeps', 'Who is staying at the flat', 'Ask who stayed last night (checked every week)', 'Checked, no concern', 'Checked, concern', 'Could not check']) {
      assert.ok(page.body.includes(words), words);
    }
    assert.ok(!page.body.includes('Is Grace drinking'), 'an item for health visiting only is not asked of housing');
    const hv = await (await WebClient.signedIn(t.app, visitor)).get(formUrl());
    assert.ok(hv.body.includes('Is Grace drinking'));
    assert.ok(!hv.body.includes('Who is staying at the flat'));
  });

  it('asks for an answer to every item and a note for a concern, in the error summary before the summary, keeping everything typed', async () => {
    const client = await WebClient.signedIn(t.app, housing);
    const refused = await post(client, [...routine.filter(([name]) => name !== 'summary'), [outcome(items.stay), 'concern'], [note(items.stay), '  '], [note(items.sleep), 'Typed but not answered']]);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), [
      `#${outcome(items.sleep)}: Select whether you checked “Where the baby sleeps” and found no concern, found a concern, or could not check it.`,
      `#${note(items.stay)}: Say what you saw or heard about “Who is staying at the flat” that is a concern.`,
      '#summary: Enter a summary of the contact',
    ]);
    assert.ok(refused.body.includes('Typed but not answered'));
    assert.match(refused.body, new RegExp(`name="${outcome(items.stay)}" type="radio" value="concern" checked`));
    assert.ok(refused.body.includes('Held close'));
  });

  it('says why could not check needs a note, and refuses an answer for an item not in the plan', async () => {
    const client = await WebClient.signedIn(t.app, housing);
    const refused = await post(client, [...routine, [outcome(items.sleep), 'not-checked'], [outcome(items.stay), 'no-concern'], [outcome('not-in-the-plan'), 'no-concern']]);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), [
      '#plan-checks: A check answer for an item not in the plan: the plan may have changed, so look at it again.',
      `#${note(items.sleep)}: Say why you could not check “Where the baby sleeps”.`,
    ]);
    assert.match(refused.body, /id="plan-checks"/, 'the error links to the section');
  });

  it('reports the plan check problems on the first submit, with a field refused for its length before anything is recorded', async () => {
    const client = await WebClient.signedIn(t.app, housing);
    const long = 'x'.repeat(4001);
    const refused = await post(client, [...routine.map(([name, value]): [string, string] => [name, name === 'interaction' ? long : value]), [outcome(items.sleep), 'concern'], [note(items.sleep), ' '], [outcome(items.stay), 'no-concern']]);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), [
      '#interaction: The interaction must be 4,000 characters or fewer',
      `#${note(items.sleep)}: Say what you saw or heard about “Where the baby sleeps” that is a concern.`,
    ]);
    assert.match(refused.body, new RegExp(`name="${outcome(items.sleep)}" type="radio" value="concern" checked`), 'the answer is kept');
    const noAnswers = await post(client, routine.map(([name, value]): [string, string] => [name, name === 'summary' ? long : value]));
    assert.deepEqual(summaryErrors(noAnswers.body), [
      `#${outcome(items.sleep)}: Select whether you checked “Where the baby sleeps” and found no concern, found a concern, or could not check it.`,
      `#${outcome(items.stay)}: Select whether you checked “Who is staying at the flat” and found no concern, found a concern, or could not check it.`,
      '#summary: The summary must be 4,000 characters or fewer',
    ]);
  });

  it('saves the answers with the contact, adds a concern to the profile, and the plan page shows each item’s last check', async () => {
    const client = await WebClient.signedIn(t.app, housing);
    const saved = await post(client, [...routine, [outcome(items.sleep), 'concern'], [note(items.sleep), 'Baby asleep on the sofa'], [outcome(items.stay), 'not-checked'], [note(items.stay), 'Mum would not say']]);
    assert.equal(saved.statusCode, 303, saved.body);
    const recorded = await client.get(saved.headers.location as string);
    assert.ok(recorded.body.includes('Plan check, Where the baby sleeps: concern: Baby asleep on the sofa.'));
    assert.ok(recorded.body.includes('Baby asleep on the sofa'), 'the evidence added is listed');
    const answers = /data-qa="plan-checks-recorded">([\s\S]*?)<\/ul>/.exec(recorded.body)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
    assert.equal(answers, 'Where the baby sleeps: Checked, concern. Baby asleep on the sofa Who is staying at the flat: Could not check. Mum would not say');
    const evidence = await t.ctx.db.selectFrom('profile_evidence').select(['factor_id', 'indicates', 'source', 'agency']).where('case_id', '=', caseId).execute();
    assert.deepEqual(evidence, [{ factor_id: 'unsafe-sleep', indicates: 'present', source: 'observed', agency: 'Form Housing' }]);

    const plan = await client.get(`/cases/${caseId}/plan`);
    assert.equal(plan.statusCode, 200);
    const cells = [...plan.body.matchAll(/data-qa="last-check">([\s\S]*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());
    assert.deepEqual(cells, [
      'Checked, concern 22 November 2026, Ola Housing (Form Housing) Baby asleep on the sofa',
      'Not checked yet',
      'Could not check 22 November 2026, Ola Housing (Form Housing) Mum would not say',
    ]);
  });

  it('says on the form which items a call cannot answer, and only those', async () => {
    const page = await (await WebClient.signedIn(t.app, housing)).get(formUrl());
    const needs = [...page.body.matchAll(/data-qa="needs-a-visit">([^<]*)</g)].map((match) => match[1]);
    assert.deepEqual(needs, ['Not possible on a call: needs a visit to see the home. On a phone or video call, choose “Checked, concern” for a concern you saw or heard, or “Could not check”.']);
    const sleepItem = /data-qa="plan-check">[\s\S]*?<\/fieldset>/.exec(page.body)?.[0] ?? '';
    assert.match(sleepItem, /Where the baby sleeps[\s\S]*data-qa="needs-a-visit"/, 'on the item that needs the home seen, inside its hint');
  });

  const call = (): Fields => [['kind', 'phone-or-video-call'], ...routine.filter(([name]) => name.startsWith('occurredOn-')), ['safeSleepAdvice', 'no'], ['cryingAdvice', 'no'], ['summary', 'Call about the damp']];
  const recordedAnswers = (body: string) => /data-qa="plan-checks-recorded">([\s\S]*?)<\/ul>/.exec(body)?.[1]?.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();
  const storedChecks = async (location: string) => {
    const stored = await t.ctx.db.selectFrom('chronology_entries').select('details').where('id', '=', location.split('/').at(-1)!).executeTakeFirstOrThrow();
    return (stored.details as { planChecks: { itemId: string; outcome: string; note?: string }[] }).planChecks.map((check) => [check.itemId, check.outcome, check.note ?? '']);
  };

  it('records, on a phone or video call, "could not check" with the reason and an item left unanswered as not checked; twice in a row raises the missed check', async () => {
    const client = await WebClient.signedIn(t.app, housing);
    const missedCheck = 'A check in the plan could not be done twice in a row';
    assert.ok(!(await client.get(`/cases/${caseId}/profile`)).body.includes(missedCheck), 'no missed check before the calls');
    // Recorded after the home visit before (the same day: the order is by the time recorded).
    t.clock.advanceMinutes(1);
    const saved = await post(client, [...call(), [outcome(items.sleep), 'not-checked'], [outcome(items.stay), 'no-concern']]);
    assert.equal(saved.statusCode, 303, saved.body);
    const recorded = await client.get(saved.headers.location as string);
    assert.equal(recordedAnswers(recorded.body), 'Where the baby sleeps: Could not check. Not possible on a call: needs a visit to see the home. Who is staying at the flat: Checked, no concern');
    assert.deepEqual(await storedChecks(saved.headers.location as string), [
      [items.sleep, 'not-checked', 'Not possible on a call: needs a visit to see the home.'],
      [items.stay, 'no-concern', ''],
    ]);

    // Unanswered this time: a call is not refused for an item it cannot answer.
    t.clock.advanceMinutes(1);
    const again = await post(client, [...call(), [outcome(items.stay), 'no-concern']]);
    assert.equal(again.statusCode, 303, again.body);
    assert.deepEqual((await storedChecks(again.headers.location as string))[1], [items.sleep, 'not-checked', 'Not possible on a call: needs a visit to see the home.']);
    const plan = await client.get(`/cases/${caseId}/plan`);
    assert.match(/data-qa="last-check">([\s\S]*?)<\/td>/.exec(plan.body)?.[1]?.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ') ?? '', /Could not check .* Not possible on a call: needs a visit to see the home\./);
    const profile = await client.get(`/cases/${caseId}/profile`);
    assert.ok(profile.body.includes(missedCheck), 'the missed-check finding');
  });

  it('refuses, on a phone or video call, "checked, no concern" for an item that needs the home seen: says why and what to choose, keeps what was typed, records nothing, audits the refusal', async () => {
    const client = await WebClient.signedIn(t.app, housing);
    const before = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute();
    const refused = await post(client, [...call(), [outcome(items.sleep), 'no-concern'], [note(items.sleep), 'Mum says the cot is clear'], [outcome(items.stay), 'no-concern']]);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), [
      `#${outcome(items.sleep)}: A phone or video call cannot check “Where the baby sleeps” and find no concern: it needs a visit to see the baby or the home. If you saw or heard a concern, choose “Checked, concern” and say what. If not, choose “Could not check”, or record a visit instead.`,
    ]);
    assert.match(refused.body, new RegExp(`name="${outcome(items.sleep)}" type="radio" value="no-concern" checked`), 'the answer is kept, not changed');
    assert.ok(refused.body.includes('Mum says the cot is clear'));
    assert.equal((await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute()).length, before.length);
    const audited = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'details']).where('case_id', '=', caseId).where('action', '=', 'chronology.contact').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(audited.outcome, 'failure');
    assert.deepEqual((audited.details as { planChecks: string[] }).planChecks, ['needs-a-visit']);
    // Refused with another field's problem too: the same words, on the first submit.
    const both = await post(client, [...call().filter(([name]) => name !== 'summary'), [outcome(items.sleep), 'no-concern'], [outcome(items.stay), 'no-concern']]);
    assert.equal(both.statusCode, 400);
    assert.deepEqual(summaryErrors(both.body).map((error) => error.split(':')[0]), [`#${outcome(items.sleep)}`, '#summary']);
  });

  it('keeps, on a phone or video call, a concern seen or heard as a concern: stored, added to the profile, and said on the confirmation', async () => {
    const client = await WebClient.signedIn(t.app, housing);
    const evidenceBefore = (await t.ctx.db.selectFrom('profile_evidence').select('id').where('case_id', '=', caseId).execute()).length;
    t.clock.advanceMinutes(1);
    const saved = await post(client, [...call(), [outcome(items.sleep), 'concern'], [note(items.sleep), 'Mum says the baby sleeps in her bed'], [outcome(items.stay), 'no-concern']]);
    assert.equal(saved.statusCode, 303, saved.body);
    const recorded = await client.get(saved.headers.location as string);
    assert.equal(recordedAnswers(recorded.body), 'Where the baby sleeps: Checked, concern. Mum says the baby sleeps in her bed Who is staying at the flat: Checked, no concern');
    assert.deepEqual((await storedChecks(saved.headers.location as string))[0], [items.sleep, 'concern', 'Mum says the baby sleeps in her bed']);
    const evidence = await t.ctx.db.selectFrom('profile_evidence').select(['factor_id', 'indicates', 'note']).where('case_id', '=', caseId).orderBy('recorded_at', 'desc').execute();
    assert.equal(evidence.length, evidenceBefore + 1);
    assert.equal(evidence[0]!.factor_id, 'unsafe-sleep');
    assert.match(evidence[0]!.note, /Mum says the baby sleeps in her bed/);
  });

  it('changes nothing on a case without a plan', async () => {
    const { id: other } = await makeCase(t.ctx, { teamUserIds: [housing.id] });
    const page = await (await WebClient.signedIn(t.app, housing)).get(`/cases/${other}/contacts/new`);
    assert.equal(page.statusCode, 200);
    assert.ok(!page.body.includes('What the plan asks you to check'));
  });
});
