import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordEntry } from '../../../application/chronology/record-entry.ts';
import { updateFactor } from '../../../application/profile/update-factor.ts';
import { viewProfile } from '../../../application/profile/view-profile.ts';
import type { EvaluatedFactor } from '../../../domain/profile/profile.types.ts';
import { actorFor, makeCase, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

type Fields = [string, string][];

const seenBaby: Fields = [
  ['babySeen', 'yes'],
  ['awakeOrAsleep', 'awake'],
  ['interaction', 'Grace held Ruby close and talked to her'],
  ['dressed', 'Clean sleepsuit'],
  ['demeanour', 'Alert, settled'],
  ['whereKept', 'Bouncer in the living room'],
];

const routine: Fields = [
  ['kind', 'home-visit'],
  ['occurredOn-day', '20'],
  ['occurredOn-month', '11'],
  ['occurredOn-year', '2026'],
  ...seenBaby,
  ['present', 'mum'],
  ['sleepingSeen', 'no'],
  ['safeSleepAdvice', 'no'],
  ['cryingAdvice', 'no'],
  ['summary', 'Routine visit'],
];

/** The fields with some replaced or added: a later [name, value] replaces every earlier one of that name. */
function answers(base: Fields, changes: Fields): Fields {
  const names = new Set(changes.map(([name]) => name));
  return [...base.filter(([name]) => !names.has(name)), ...changes.filter(([, value]) => value !== '')];
}

describe('recording a contact or home visit', () => {
  let t: TestApp;
  let caseId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let outsider: Awaited<ReturnType<typeof makeUser>>;
  before(async () => {
    t = await createTestApp();
    lead = await makeUser(t.ctx, { name: 'Hana Visitor' });
    outsider = await makeUser(t.ctx, { name: 'Out Sider' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', given_name: 'Grace', family_name: 'Okafor', history_checked: true });
    await makePerson(t.ctx, caseId, { id: 'tyler', given_name: 'Tyler', family_name: 'Okafor', relationship_to_infant: 'half-sibling', cares_for_infant: false });
  });
  after(async () => t.close());

  const formUrl = (id = caseId) => `/cases/${id}/contacts/new`;

  /** Posts the form as a browser does: a ticked box per `present` field, repeated. */
  async function post(client: WebClient, fields: Fields, url = formUrl()) {
    const form = await client.get(formUrl());
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
    return t.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams([['_csrf', csrf], ...fields]).toString(),
      headers: { cookie: client.cookieHeader, 'content-type': 'application/x-www-form-urlencoded' },
    });
  }

  async function household(factorId: string, personId?: string): Promise<EvaluatedFactor> {
    const profile = await viewProfile(t.ctx, actorFor(lead), caseId);
    assert.ok(profile.ok);
    const subject = profile.value.evaluation.subjects.find((s) => (personId ? s.personId === personId : s.subject === 'household'));
    const factor = [...(subject?.risk ?? []), ...(subject?.protective ?? [])].find((f) => f.factorId === factorId);
    assert.ok(factor, factorId);
    return factor;
  }

  const ticked = (html: string) => [...html.matchAll(/<input[^>]*name="present"[^>]*value="([^"]+)"[^>]*checked/g)].map((m) => m[1]);

  it('shows one form with every question, always, in sections, and everyone in the record to tick', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(formUrl());
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Record a contact or home visit<\/h1>/);
    const headings = [...page.body.matchAll(/<h2 class="govuk-heading-m">([^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(headings, ['The contact', 'The baby', 'Who was there', 'Where the baby sleeps', 'Advice', 'The family and the plan', 'Summary']);
    for (const question of ['If not seen: why not?', 'If seen: was the baby awake or asleep?', 'If an adult you did not know was there: describe them', 'If unsafe: what did you see?', 'If given: was the coping with crying advice understood?']) {
      assert.ok(page.body.includes(question), question);
    }
    assert.doesNotMatch(page.body, /govuk-radios__conditional|data-aria-controls/);
    assert.deepEqual([...page.body.matchAll(/name="present"[^>]*value="([^"]+)"/g)].map((m) => m[1]), ['mum', 'tyler', 'unknown-adult']);
  });

  it('lists every unanswered question in the error summary, in the order asked', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const refused = await post(client, []);
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), [
      '#kind: Select what kind of contact this was',
      '#occurredOn-day: Enter the date of the contact',
      '#babySeen: Select whether you saw the baby',
      '#sleepingSeen: Select whether you saw where the baby sleeps',
      '#safeSleepAdvice: Select whether you gave safe sleep advice',
      '#cryingAdvice: Select whether you gave coping with crying (ICON) advice',
      '#summary: Enter a summary of the contact',
    ]);
  });

  it('says what contradicts what, and keeps everything typed and ticked', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const refused = await post(
      client,
      answers(routine, [
        ['babySeen', 'no'],
        ['notSeenReason', ''],
        ['present', 'tyler'],
        ['present', 'unknown-adult'],
        ['sleepingSeen', 'yes'],
        ['sleepingSafe', 'unsafe'],
        ['safeSleepAdvice', 'yes'],
        ['safeSleepUnderstood', 'no'],
        ['siblingsSaid', 'Tyler said the man shouts'],
      ]),
    );
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), [
      '#notSeenReason: Say why the baby was not seen',
      '#awakeOrAsleep: You said you did not see the baby: leave awake or asleep unanswered, or change your answer',
      '#interaction: You said you did not see the baby: clear the interaction, or change your answer',
      '#dressed: You said you did not see the baby: clear how the baby was dressed, or change your answer',
      "#demeanour: You said you did not see the baby: clear the baby's demeanour, or change your answer",
      '#whereKept: You said you did not see the baby: clear where the baby was kept, or change your answer',
      '#present: Under “Who else was there?”, select the adults who were given the advice: the profile records that they did not fully understand it',
      '#unknownAdultDescription: Describe the adult you did not know, for example man in his 20s, said he was a friend',
      '#unsafeSleepSeen: Say what you saw that was unsafe, for example baby asleep on the sofa',
    ]);
    assert.deepEqual(ticked(refused.body), ['tyler', 'unknown-adult']);
    for (const typed of ['Grace held Ruby close and talked to her', 'Clean sleepsuit', 'Tyler said the man shouts', 'Routine visit']) assert.ok(refused.body.includes(typed), typed);
    assert.match(refused.body, /<input[^>]*id="occurredOn-day"[^>]*value="20"/);
    assert.match(refused.body, /name="safeSleepUnderstood"[^>]*value="no" checked/);
    const none = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute();
    assert.equal(none.length, 0);
  });

  it('says which part of the date is missing or wrong, alongside the other problems', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const partial = await post(client, answers(routine, [['occurredOn-month', ''], ['summary', '']]));
    assert.deepEqual(summaryErrors(partial.body), ['#occurredOn-month: Date of the contact must include a month', '#summary: Enter a summary of the contact']);
    const unreal = await post(client, answers(routine, [['occurredOn-day', '31'], ['occurredOn-month', '2']]));
    assert.deepEqual(summaryErrors(unreal.body), ['#occurredOn-day: Date of the contact must be a real date']);
    const words = await post(client, answers(routine, [['occurredOn-day', 'one'], ['occurredOn-month', 'Nov'], ['occurredOn-year', 'twenty'], ['summary', '']]));
    assert.deepEqual(summaryErrors(words.body), ['#occurredOn-day: Date of the contact must be a real date', '#summary: Enter a summary of the contact'], 'one message for the date, with the other problems');
    assert.match(words.body, /<input[^>]*id="occurredOn-month"[^>]*value="Nov"/);
    const slip = await post(client, answers(routine, [['occurredOn-year', '1026']]));
    assert.deepEqual(summaryErrors(slip.body), ['#occurredOn-year: Date of the contact must be in 1900 or later: check the year']);
    const future = await post(client, answers(routine, [['occurredOn-day', '23']]));
    assert.deepEqual(summaryErrors(future.body), ['#occurredOn-day: Date of the contact must be today or in the past']);
    const long = await post(client, answers(routine, [['summary', 'x'.repeat(4001)]]));
    assert.deepEqual(summaryErrors(long.body), ['#summary: The summary must be 4,000 characters or fewer']);
  });

  it('gives every error in one pass, in the order asked: a field too long, a date not real, a question unanswered and a contradiction together, keeping everything typed', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const long = 'Said the man shouts. '.repeat(200);
    const refused = await post(
      client,
      answers(routine, [
        ['kind', ''],
        ['occurredOn-day', '31'],
        ['occurredOn-month', '2'],
        ['babySeen', 'no'],
        ['notSeenReason', ''],
        ['time', '25:99'],
        ['siblingsSaid', long],
        ['summary', ''],
      ]),
    );
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), [
      '#kind: Select what kind of contact this was',
      '#occurredOn-day: Date of the contact must be a real date',
      '#time: Enter the time on the 24-hour clock, like 14:30, or leave it empty',
      '#notSeenReason: Say why the baby was not seen',
      '#awakeOrAsleep: You said you did not see the baby: leave awake or asleep unanswered, or change your answer',
      '#interaction: You said you did not see the baby: clear the interaction, or change your answer',
      '#dressed: You said you did not see the baby: clear how the baby was dressed, or change your answer',
      "#demeanour: You said you did not see the baby: clear the baby's demeanour, or change your answer",
      '#whereKept: You said you did not see the baby: clear where the baby was kept, or change your answer',
      '#siblingsSaid: What older siblings said must be 4,000 characters or fewer',
      '#summary: Enter a summary of the contact',
    ]);
    // Each message at its field, and what was typed given back whole.
    assert.match(refused.body, /id="siblingsSaid-error"/);
    assert.match(refused.body, /id="occurredOn-error"|id="occurredOn-day-error"/);
    assert.ok(refused.body.includes(`>${long.trim()}</textarea>`), 'the long answer comes back whole');
    assert.match(refused.body, /<input[^>]*id="occurredOn-day"[^>]*value="31"/);
    assert.match(refused.body, /<input[^>]*id="time"[^>]*value="25:99"/);
    assert.match(refused.body, /name="babySeen"[^>]*value="no" checked/);
    assert.ok(refused.body.includes('Grace held Ruby close and talked to her'));
    assert.deepEqual(ticked(refused.body), ['mum']);
    const none = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute();
    assert.equal(none.length, 0);
  });

  it('records the contact, its discussions and its evidence in one step, and shows what was added', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const versionsBefore = await t.ctx.db.selectFrom('profile_versions').select('version').where('case_id', '=', caseId).execute();
    const saved = await post(
      client,
      answers(routine, [
        ['present', 'mum'],
        ['present', 'unknown-adult'],
        ['unknownAdultDescription', 'Man in his 30s, said he was "Jay"'],
        ['sleepingSeen', 'yes'],
        ['sleepingSafe', 'unsafe'],
        ['unsafeSleepSeen', 'Ruby asleep on the sofa beside Jay'],
        ['safeSleepAdvice', 'yes'],
        ['safeSleepUnderstood', 'partly'],
        ['cryingAdvice', 'yes'],
        ['cryingUnderstood', 'yes'],
        ['stressPointsReviewed', 'Night feeds'],
      ]),
    );
    assert.equal(saved.statusCode, 303, saved.body);
    const entries = await t.ctx.db.selectFrom('chronology_entries').selectAll().where('case_id', '=', caseId).orderBy('kind', 'desc').execute();
    assert.deepEqual(entries.map((e) => e.kind), ['safe-sleep-discussion', 'home-visit', 'coping-with-crying-discussion']);
    const contact = entries.find((e) => e.kind === 'home-visit')!;
    assert.equal(saved.headers.location, `/cases/${caseId}/contacts/${contact.id}`);
    assert.equal(contact.baby_seen, true);
    assert.equal(contact.significant, true);
    assert.equal(contact.source, 'observed');
    assert.deepEqual(contact.present_ids, ['mum']);
    assert.match(contact.summary, /^Routine visit\. Unsafe sleeping seen: Ruby asleep on the sofa beside Jay\. An adult the practitioner did not know was there: Man in his 30s, said he was "Jay"\.$/);
    assert.equal(contact.details['interaction'], 'Grace held Ruby close and talked to her');
    assert.equal(contact.details['stressPointsReviewed'], 'Night feeds');
    for (const discussion of entries.filter((e) => e !== contact)) assert.equal(discussion.details['contactEntryId'], contact.id);

    const unsafe = await household('unsafe-sleep');
    assert.equal(unsafe.status, 'not-assessed', 'the evidence shows; the practitioner still decides');
    assert.equal(unsafe.evidenceOfPresence, true);
    assert.deepEqual(unsafe.evidence.map((e) => [e.source, e.indicates, e.eventId, e.recordedBy]), [['observed', 'present', contact.id, 'Hana Visitor']]);
    assert.equal((await household('new-adult')).evidenceOfPresence, true);
    const understands = await household('understands-safety-advice', 'mum');
    assert.deepEqual(understands.evidence.map((e) => [e.source, e.indicates, e.note]), [['professional-judgement', 'absent', 'Safe sleep advice given at the home visit on 20 November 2026 was partly understood.']]);

    const versions = await t.ctx.db.selectFrom('profile_versions').select(['kind', 'change']).where('case_id', '=', caseId).execute();
    assert.equal(versions.length, versionsBefore.length + 1);
    assert.equal(versions.at(-1)!.kind, 'event');
    const audit = await t.ctx.db.selectFrom('audit_log').select(['outcome', 'subject_id', 'details']).where('case_id', '=', caseId).where('action', '=', 'chronology.contact').execute();
    assert.deepEqual(
      audit.filter((a) => a.outcome === 'success').map((a) => [a.outcome, a.subject_id, a.details['evidenceAdded'], a.details['notices']]),
      [['success', contact.id, 3, ['unsafe-sleep-seen', 'unknown-adult']]],
    );
    // The forms refused before it on this case are audited as failures, naming their problems.
    assert.ok(audit.some((a) => a.outcome === 'failure' && Array.isArray(a.details['problems'])));

    const confirmation = await client.get(saved.headers.location);
    assert.equal(confirmation.statusCode, 200);
    assert.match(confirmation.body, /<h1 class="govuk-panel__title">\s*Contact recorded\s*<\/h1>/);
    assert.match(textOf(qaElement(confirmation.body, 'unknown-adult')), /An adult you did not know was there: Man in his 30s, said he was "Jay"/);
    assert.match(qaElement(confirmation.body, 'add-unknown-adult') ?? '', new RegExp(`href="/cases/${caseId}/people/new"`));
    assert.ok(qaElement(confirmation.body, 'unsafe-sleep-seen'));
    // The contact's entry opens on its own page: a link to an anchor on the chronology's first page fails once it is on a later one.
    assert.match(qaElement(confirmation.body, 'see-in-chronology') ?? '', new RegExp(`href="/cases/${caseId}/chronology/${contact.id}"`));
    assert.equal(qaElement(confirmation.body, 'baby-not-seen'), null);
    assert.match(textOf(qaElement(confirmation.body, 'entries-added')), /^Home visit : Routine visit\..* Significant Safe sleep discussed : Safe sleep advice given at the home visit: partly understood\. Coping with crying discussed : Coping with crying \(ICON\) advice given at the home visit: understood\.$/);
    const evidence = textOf(qaElement(confirmation.body, 'evidence-added'));
    assert.match(evidence, /Unsafe sleep \(the household\), evidence that it is there: Unsafe sleeping arrangements seen/);
    assert.match(evidence, /\(Grace Okafor\), evidence that it is not: Safe sleep advice given/);
    assert.match(textOf(qaElement(confirmation.body, 'contact-summary')), /Who else was there Grace Okafor, an adult not known: Man in his 30s/);
  });

  it('adds safe sleep seen to a factor already assessed, without changing what the practitioner decided', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    // The evidence of the last visit sits under a factor nobody has recorded yet (version 0), which the practitioner now decides.
    const decided = await updateFactor(t.ctx, actorFor(lead), caseId, { factorId: 'unsafe-sleep', status: 'present', detail: 'Sofa sleeping seen', evidence: [], version: 0 });
    assert.ok(decided.ok);
    const before = await t.ctx.db.selectFrom('profile_assessments').select(['status', 'version']).where('case_id', '=', caseId).where('factor_id', '=', 'unsafe-sleep').executeTakeFirstOrThrow();
    t.clock.advanceMinutes(1);
    const saved = await post(client, answers(routine, [['kind', 'clinic-contact'], ['sleepingSeen', 'yes'], ['sleepingSafe', 'safe']]));
    assert.equal(saved.statusCode, 303);
    const after = await t.ctx.db.selectFrom('profile_assessments').select(['status', 'version']).where('case_id', '=', caseId).where('factor_id', '=', 'unsafe-sleep').executeTakeFirstOrThrow();
    assert.deepEqual(after, before);
    assert.deepEqual(after, { status: 'present', version: 1 });
    const unsafe = await household('unsafe-sleep');
    assert.deepEqual(unsafe.evidence.map((e) => e.indicates), ['present', 'absent']);
    assert.equal(unsafe.conflict, true, 'one visit saw unsafe sleep, another safe: both show');
    assert.deepEqual((await household('safe-sleep-space')).evidence.map((e) => [e.source, e.indicates]), [['observed', 'present']]);
    const confirmation = await client.get(saved.headers.location!);
    assert.equal(textOf(qaElement(confirmation.body, 'unknown-adult')), '');
  });

  it('marks a contact where the baby was not seen significant and says so on the confirmation', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const saved = await post(client, answers(routine, [...seenBaby.map(([name]): [string, string] => [name, '']), ['babySeen', 'no'], ['notSeenReason', 'Said to be asleep upstairs']]));
    assert.equal(saved.statusCode, 303);
    const id = saved.headers.location!.split('/').at(-1)!;
    const row = await t.ctx.db.selectFrom('chronology_entries').select(['baby_seen', 'significant']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { baby_seen: false, significant: true });
    const confirmation = await client.get(saved.headers.location!);
    assert.match(textOf(qaElement(confirmation.body, 'baby-not-seen')), /The baby was not seen \(Said to be asleep upstairs\)/);
    assert.match(textOf(qaElement(confirmation.body, 'contact-summary')), /Baby seen No/);
  });

  it("shows the baby's lived experience on the contact's page, and a joint visit's agency and time", async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const saved = await post(client, answers(routine, [['kind', 'joint-visit'], ['jointWith', "Children's social care"], ['time', '9.05'], ['siblingsSaid', 'Tyler said she cries at night']]));
    assert.equal(saved.statusCode, 303, saved.body);
    const confirmation = await client.get(saved.headers.location!);
    const lived = textOf(qaElement(confirmation.body, 'lived-experience'));
    for (const said of ['Awake', 'Grace held Ruby close and talked to her', 'Clean sleepsuit', 'Alert, settled', 'Bouncer in the living room', 'Tyler said she cries at night']) assert.ok(lived.includes(said), said);
    const summary = textOf(qaElement(confirmation.body, 'contact-summary'));
    assert.match(summary, /Contact Joint visit with another agency With Children's social care Date 20 November 2026 at 9:05am/);
  });

  it('records a phone or video call as not seeing the baby, whatever was ticked, and refuses a time that is not one', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const refused = await post(client, answers(routine, [['kind', 'phone-or-video-call'], ['time', '25:00'], ['jointWith', 'Police']]));
    assert.equal(refused.statusCode, 400);
    assert.deepEqual(summaryErrors(refused.body), ['#jointWith: You did not choose a joint visit: clear the other agency, or change the kind of contact', '#time: Enter the time on the 24-hour clock, like 14:30, or leave it empty']);
    assert.match(refused.body, /name="time"[^>]*value="25:00"/);
    const saved = await post(client, answers(routine, [['kind', 'phone-or-video-call'], ['sleepingSeen', 'yes'], ['sleepingSafe', 'safe']]));
    assert.equal(saved.statusCode, 303, saved.body);
    const id = saved.headers.location!.split('/').at(-1)!;
    const row = await t.ctx.db.selectFrom('chronology_entries').select(['baby_seen', 'significant', 'source']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual(row, { baby_seen: false, significant: false, source: 'carer-account' });
    const confirmation = await client.get(saved.headers.location!);
    assert.match(textOf(qaElement(confirmation.body, 'contact-summary')), /Baby seen No: a phone or video call never counts as seeing the baby/);
    assert.match(textOf(qaElement(confirmation.body, 'evidence-added')), /No evidence for the profile/);
  });

  it('does not ask about seeing a baby who is not born yet', async () => {
    const { id: unbornId } = await makeCase(t.ctx, { familyName: 'Nowak', teamUserIds: [lead.id] });
    await t.ctx.db.updateTable('cases').set({ status: 'unborn', date_of_birth: null, expected_delivery_date: '2027-02-01' }).where('id', '=', unbornId).execute();
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(formUrl(unbornId));
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Did you see the baby\?/);
    const saved = await post(client, answers(routine, [...seenBaby.map(([name]): [string, string] => [name, '']), ['present', '']]), formUrl(unbornId));
    assert.equal(saved.statusCode, 303, saved.body);
    const row = await t.ctx.db.selectFrom('chronology_entries').select(['baby_seen', 'significant']).where('case_id', '=', unbornId).executeTakeFirstOrThrow();
    assert.deepEqual(row, { baby_seen: null, significant: false });
  });

  it('refuses someone outside the team, writes nothing, and audits the refusal', async () => {
    const client = await WebClient.signedIn(t.app, outsider);
    assert.equal((await client.get(formUrl())).statusCode, 403);
    const before = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute();
    const refused = await post(client, routine);
    assert.equal(refused.statusCode, 403);
    const after = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute();
    assert.equal(after.length, before.length);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).where('actor_user_id', '=', outsider.id).where('outcome', '=', 'denied').execute();
    assert.ok(denied.some((d) => d.action === 'chronology.contact'), 'the refused save is audited');
    const contact = await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).where('kind', '=', 'home-visit').executeTakeFirstOrThrow();
    assert.equal((await client.get(`/cases/${caseId}/contacts/${contact.id}`)).statusCode, 403);
  });

  it('answers 404 for a case or contact that is not there, and for an entry that is not a recorded contact', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    assert.equal((await client.get(formUrl('no-such-case'))).statusCode, 404);
    assert.equal((await post(client, routine, formUrl('no-such-case'))).statusCode, 404);
    assert.equal((await client.get(`/cases/${caseId}/contacts/no-such-entry`)).statusCode, 404);
    const note = await recordEntry(t.ctx, actorFor(lead), caseId, { kind: 'home-visit', occurredAt: '2026-11-21', summary: 'From an agency feed', source: 'observed' });
    assert.ok(note.ok);
    assert.equal((await client.get(`/cases/${caseId}/contacts/${note.entry.id}`)).statusCode, 404);
  });
});
