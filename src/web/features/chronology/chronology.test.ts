import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordContact } from '../../../application/chronology/record-contact.ts';
import { recordEntry, type EntryInput } from '../../../application/chronology/record-entry.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('chronology list, entry page, filters, CSV and printable page', () => {
  let t: TestApp;
  let caseId: string;
  let lead: User;
  let police: User;
  const ids: Record<string, string> = {};

  const record = async (user: User, input: EntryInput) => {
    const result = await recordEntry(t.ctx, actorFor(user), caseId, input);
    assert.ok(result.ok, JSON.stringify(result));
    return result.entry.id;
  };

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Northfield Health Visiting');
    const constabulary = await makeOrganisation(t.ctx, 'police', 'Northfield Police');
    lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Claire Dobson' });
    police = await makeUser(t.ctx, { organisationId: constabulary.id, name: 'DC Ben Carter' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Hart', teamUserIds: [lead.id, police.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum' });
    await makePerson(t.ctx, caseId, { id: 'dad', given_name: 'Mark', relationship_to_infant: 'father' });
    // Recorded out of order: the list is in the order things happened.
    ids['note'] = await record(lead, { kind: 'case-note', occurredAt: '2026-11-01', summary: 'Mum said "fine", then cried,\nand asked for help', source: 'carer-account', personIds: ['mum'] });
    ids['visit'] = await record(lead, { kind: 'home-visit', occurredAt: '2026-10-05', summary: 'Baby seen asleep in a Moses basket', source: 'observed', personIds: ['mum'], presentIds: ['mum', 'dad'], babySeen: true });
    ids['incident'] = await record(police, {
      kind: 'police-domestic-abuse-incident',
      occurredAt: '2026-10-20T22:15:00+01:00',
      summary: 'Neighbour called police after shouting',
      source: 'agency-record',
      personIds: ['mum', 'dad'],
      victimIds: ['mum'],
      perpetratorIds: ['dad'],
    });
    ids['clinic'] = await record(lead, { kind: 'clinic-contact', occurredAt: '2026-11-10', summary: '=HYPERLINK("http://example.test","click")', source: 'observed', babySeen: false });
  });
  after(async () => t.close());

  const list = (query = '') => `/cases/${caseId}/chronology${query}`;
  const shownIds = (html: string) => [...html.matchAll(/id="entry-([^"]+)" data-qa="entry"/g)].map((match) => match[1]);
  /** The list's rows, cell by cell: date and time, agency, kind, summary, source, significant. */
  const rows = (html: string) => qaElements(html, 'entry').map((row) => [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => textOf(cell[1]!.replace(/<span class="app-chronology-table__label">[^<]*<\/span>/, ''))));

  it('lists every entry newest first in a table of one line each, and the other way round when asked', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(list());
    assert.equal(page.statusCode, 200);
    const baby = /<span class="govuk-caption-l">([^<]+)<\/span>/.exec(page.body)?.[1] ?? 'no caption';
    assert.ok(page.body.includes(`<title>Chronology: ${baby} - `), 'the title names the baby, as the caption does');
    assert.deepEqual(shownIds(page.body), [ids['clinic'], ids['note'], ids['incident'], ids['visit']]);
    const [clinic, note, incident, visit] = rows(page.body);
    assert.deepEqual(visit, ['5 October 2026 : Home visit', 'Northfield Health Visiting', 'Home visit', 'Baby seen asleep in a Moses basket', 'Seen by the practitioner', 'No']);
    assert.deepEqual(incident, ['20 October 2026 at 10:15pm : Domestic abuse incident reported to the police', 'Northfield Police', 'Domestic abuse incident reported to the police', 'Neighbour called police after shouting', "Another agency's record or system", 'Yes']);
    assert.deepEqual(note!.slice(3, 5), ['Mum said "fine", then cried, and asked for help', 'What the parent or carer says']);
    assert.equal(clinic![0], '10 November 2026 : Clinic contact');
    assert.match(page.body, new RegExp(`class="govuk-table__row app-chronology-table__row--significant" id="entry-${ids['incident']!}"`));
    assert.match(page.body, new RegExp(`href="/cases/${caseId}/chronology/${ids['visit']!}" data-qa="open-entry"`));
    assert.equal(textOf(qaElement(page.body, 'entry-count')), '4 entries, newest first.');
    assert.match(page.body, new RegExp(`href="/cases/${caseId}/chronology\\?order=oldest#entries" data-qa="change-order">Show oldest first<`));

    const oldest = await client.get(list('?order=oldest'));
    assert.deepEqual(shownIds(oldest.body), [ids['visit'], ids['incident'], ids['note'], ids['clinic']]);
    assert.equal(textOf(qaElement(oldest.body, 'entry-count')), '4 entries, oldest first.');
    assert.match(oldest.body, new RegExp(`href="/cases/${caseId}/chronology#entries" data-qa="change-order">Show newest first<`));
    assert.match(oldest.body, /<input type="hidden" name="order" value="oldest">/);
    assert.match(oldest.body, new RegExp(`href="/cases/${caseId}/chronology.csv\\?order=oldest" data-qa="download-csv"`));
    assert.match(page.body, /data-qa="add-entry"/);
    assert.match(page.body, new RegExp(`href="/cases/${caseId}/chronology.csv" data-qa="download-csv"`));
    assert.match(page.body, new RegExp(`href="/cases/${caseId}/chronology/print" data-qa="printable"`));
    const audit = await t.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'chronology.view').where('actor_user_id', '=', lead.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audit.details, { basis: 'lead-professional', filters: {}, shown: 4 });
  });

  it('shows the patterns in the chronology, as the profile finds them', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(list());
    // Seen on 5 October at a few days old; not seen at the clinic on 10 November; today is 22 November.
    assert.match(textOf(qaElement(page.body, 'patterns')), /The baby is not being seen.*5 October 2026/);
    const profile = await client.get(`/cases/${caseId}/profile`);
    assert.match(profile.body, /data-qa="finding-baby-not-seen"/);
  });

  it('opens an entry to all it records, leading back to the page, filters and order it came from', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(`/cases/${caseId}/chronology/${ids['incident']!}?agency=Northfield+Police&order=oldest&page=1`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Domestic abuse incident reported to the police<\/h1>/);
    assert.equal(
      textOf(qaElement(page.body, 'entry-detail')),
      "When 20 October 2026 at 10:15pm Agency Northfield Police Summary Neighbour called police after shouting Source of information Another agency's record or system About Sarah Hart, Mark Hart Present Not recorded Harmed Sarah Hart Caused the harm Mark Hart Baby seen Not recorded Significant Yes Recorded 22 November 2026 at 9:00am by DC Ben Carter",
    );
    assert.match(page.body, new RegExp(`href="/cases/${caseId}/chronology\\?agency=Northfield\\+Police&amp;order=oldest#entry-${ids['incident']!}" class="govuk-back-link"`));
    assert.match(page.body, /data-qa="correct-entry"/);
    assert.equal(qaElement(page.body, 'lived-experience'), null);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['subject_type', 'subject_id', 'details']).where('action', '=', 'chronology.view').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audit, { subject_type: 'chronology-entry', subject_id: ids['incident'], details: { basis: 'lead-professional' } });
    assert.equal((await client.get(`/cases/${caseId}/chronology/no-such-entry`)).statusCode, 404);
  });

  it("shows the baby's lived experience a contact recorded on its entry's page, in the CSV file and in print", async () => {
    const { id: visited } = await makeCase(t.ctx, { familyName: 'Lane', teamUserIds: [lead.id] });
    await makePerson(t.ctx, visited, { id: 'lane-mum' });
    const contact = await recordContact(t.ctx, actorFor(lead), visited, {
      kind: 'home-visit',
      occurredOn: '2026-11-20',
      babySeen: 'yes',
      awakeOrAsleep: 'awake',
      interaction: 'Mum held him close, talking to him',
      dressed: 'Clean, in a vest only in a cold room',
      demeanour: 'Watchful, quiet',
      whereKept: 'In a car seat on the floor',
      presentIds: ['lane-mum'],
      sleepingSeen: 'no',
      safeSleepAdvice: 'no',
      cryingAdvice: 'no',
      siblingsSaid: 'Ella (6) said "he cries all night"',
      summary: 'New birth visit',
    });
    assert.ok(contact.ok, JSON.stringify(contact));
    const contactId = contact.entries[0]!.id;
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(`/cases/${visited}/chronology/${contactId}`);
    assert.equal(
      textOf(qaElement(page.body, 'lived-experience')),
      'Awake or asleep Awake How the baby and the carers were with each other Mum held him close, talking to him How the baby was dressed Clean, in a vest only in a cold room ' +
        "The baby's demeanour Watchful, quiet Where the baby was kept or put down In a car seat on the floor What older brothers and sisters said Ella (6) said \"he cries all night\"",
    );
    const csv = (await client.get(`/cases/${visited}/chronology.csv`)).body.split('\r\n');
    assert.match(csv[0]!, /,Baby seen,Awake or asleep,How the baby and the carers were with each other,How the baby was dressed,The baby's demeanour,Where the baby was kept or put down,What older brothers and sisters said,Corrects,/);
    assert.match(csv[1]!, /,Yes,Awake,"Mum held him close, talking to him","Clean, in a vest only in a cold room","Watchful, quiet",In a car seat on the floor,"Ella \(6\) said ""he cries all night""",,,,$/);
    const printed = textOf(qaElement((await client.get(`/cases/${visited}/chronology/print`)).body, 'print-table'));
    assert.match(printed, /Baby seen: Yes Awake or asleep: Awake How the baby and the carers were with each other: Mum held him close, talking to him .* What older brothers and sisters said: Ella \(6\) said "he cries all night"/);
  });

  it('shows a long chronology 50 entries a page, keeping the filters and the order, while the CSV file holds every entry', async () => {
    const { id: long } = await makeCase(t.ctx, { teamUserIds: [lead.id] });
    const organisation = (await t.ctx.db.selectFrom('users').select('organisation_id').where('id', '=', lead.id).executeTakeFirstOrThrow()).organisation_id;
    await t.ctx.db
      .insertInto('chronology_entries')
      .values(
        Array.from({ length: 230 }, (_, i) => ({
          case_id: long,
          id: `long-${String(i).padStart(3, '0')}`,
          kind: i % 2 === 0 ? 'home-visit' : 'case-note',
          occurred_on: `2026-${String(10 + Math.floor(i / 200)).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          recorded_at: new Date('2026-11-20T10:00:00Z'),
          recorded_by: lead.id,
          recorded_by_name: 'Claire Dobson',
          organisation_id: organisation,
          agency: 'Northfield Health Visiting',
          agency_kind: 'health-visiting',
          summary: `Entry ${String(i)}`,
          source: 'observed' as const,
          baby_seen: true,
        })),
      )
      .execute();
    const client = await WebClient.signedIn(t.app, lead);
    const first = await client.get(`/cases/${long}/chronology`);
    assert.equal(textOf(qaElement(first.body, 'entry-count')), 'Showing 1 to 50 of 230 entries, newest first.');
    assert.equal(qaElements(first.body, 'entry').length, 50);
    assert.deepEqual(rows(first.body)[0]!.slice(0, 4), ['28 November 2026 : Case note', 'Northfield Health Visiting', 'Case note', 'Entry 223']);
    assert.match(first.body, new RegExp(`href="/cases/${long}/chronology\\?page=5#entries"`));
    assert.match(first.body, new RegExp(`href="/cases/${long}/chronology/long-223" data-qa="open-entry"`));
    const last = await client.get(`/cases/${long}/chronology?page=5`);
    assert.equal(qaElements(last.body, 'entry').length, 30);
    assert.match(last.body, new RegExp(`href="/cases/${long}/chronology/long-\\d+\\?page=5" data-qa="open-entry"`));
    const visits = await client.get(`/cases/${long}/chronology?kind=home-visit&order=oldest&page=3`);
    assert.equal(textOf(qaElement(visits.body, 'entry-count')), 'Showing 101 to 115 of 115 entries (230 in all), oldest first.');
    assert.match(visits.body, /href="[^"]*\?kind=home-visit&amp;order=oldest&amp;page=2#entries"/);
    assert.match(visits.body, /href="[^"]*\?kind=home-visit#entries" data-qa="change-order">Show newest first</);
    const csv = await client.get(`/cases/${long}/chronology.csv`);
    assert.equal(csv.body.trim().split('\r\n').length, 231);
    assert.equal((await client.get(`/cases/${long}/chronology?page=abc`)).statusCode, 200);
  });

  it('shows each page of rows as the chronology now stands, after it was viewed and an entry was added', async () => {
    const { id: growing } = await makeCase(t.ctx, { teamUserIds: [lead.id] });
    const add = async (summary: string, occurredAt: string) => {
      const result = await recordEntry(t.ctx, actorFor(lead), growing, { kind: 'case-note', occurredAt, summary, source: 'observed' });
      assert.ok(result.ok, JSON.stringify(result));
    };
    await add('First note', '2026-11-01');
    const client = await WebClient.signedIn(t.app, lead);
    const summaries = async (query = '') => rows((await client.get(`/cases/${growing}/chronology${query}`)).body).map((row) => row[3]);
    assert.deepEqual(await summaries(), ['First note']);
    assert.deepEqual(await summaries(), ['First note']);
    await add('Second note', '2026-11-02');
    assert.deepEqual(await summaries(), ['Second note', 'First note']);
    assert.deepEqual(await summaries('?order=oldest'), ['First note', 'Second note']);
    assert.deepEqual(await summaries(), ['Second note', 'First note']);
  });

  it('offers in its filters the agencies and people as they now are, after the list was viewed', async () => {
    const { id: growing } = await makeCase(t.ctx, { teamUserIds: [lead.id, police.id] });
    await makePerson(t.ctx, growing, { id: 'growing-mum' });
    const add = async (user: User, kind: EntryInput['kind']) => {
      const result = await recordEntry(t.ctx, actorFor(user), growing, { kind, occurredAt: '2026-11-01', summary: 'Seen', source: 'observed' });
      assert.ok(result.ok, JSON.stringify(result));
    };
    await add(lead, 'case-note');
    const client = await WebClient.signedIn(t.app, lead);
    const choices = async (select: string) => textOf(new RegExp(`<select[^>]*id="${select}"[\\s\\S]*?</select>`).exec((await client.get(`/cases/${growing}/chronology`)).body)![0]);
    assert.equal(await choices('agency'), 'All agencies Northfield Health Visiting');
    assert.equal(await choices('person'), 'Everyone Sarah Hart');
    await add(police, 'police-domestic-abuse-incident');
    assert.equal(await choices('agency'), 'All agencies Northfield Health Visiting Northfield Police');
    await makePerson(t.ctx, growing, { id: 'growing-dad', given_name: 'Mark', relationship_to_infant: 'father' });
    assert.equal(await choices('person'), 'Everyone Mark Hart Sarah Hart');
  });

  it('says in plain words when nothing is recorded yet', async () => {
    const { id: empty } = await makeCase(t.ctx, { teamUserIds: [lead.id] });
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(`/cases/${empty}/chronology`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'no-entries')), /Nothing has been recorded in this baby's chronology yet/);
  });

  it('filters by agency, kind, person, period and significance, offering only what is there', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(list());
    const agencies = textOf(/<select[^>]*id="agency"[\s\S]*?<\/select>/.exec(page.body)![0]);
    assert.equal(agencies, 'All agencies Northfield Health Visiting Northfield Police');
    const kinds = textOf(/<select[^>]*id="kind"[\s\S]*?<\/select>/.exec(page.body)![0]);
    assert.equal(kinds, 'All kinds Case note Clinic contact Domestic abuse incident reported to the police Home visit');
    assert.match(textOf(/<select[^>]*id="person"[\s\S]*?<\/select>/.exec(page.body)![0]), /Everyone Mark Hart Sarah Hart/);

    assert.deepEqual(shownIds((await client.get(list('?agency=Northfield+Police'))).body), [ids['incident']]);
    assert.deepEqual(shownIds((await client.get(list('?kind=home-visit'))).body), [ids['visit']]);
    assert.deepEqual(shownIds((await client.get(list('?person=dad'))).body), [ids['incident'], ids['visit']]);
    const period = await client.get(list('?from-day=6&from-month=10&from-year=2026&to-day=1&to-month=11&to-year=2026'));
    assert.deepEqual(shownIds(period.body), [ids['note'], ids['incident']]);
    assert.match(textOf(qaElement(period.body, 'entry-count')), /Showing 2 of 4 entries/);
    assert.match(period.body, /<details class="govuk-details" data-qa="filter-details" open>/);
    assert.match(period.body, new RegExp(`href="/cases/${caseId}/chronology/${ids['note']!}\\?from-day=6&amp;from-month=10&amp;from-year=2026&amp;to-day=1&amp;to-month=11&amp;to-year=2026" data-qa="open-entry"`));
    assert.match(period.body, /id="from-day" name="from-day" type="text" value="6"/);
    assert.deepEqual(shownIds((await client.get(list('?significant=yes'))).body), [ids['incident']]);
    const none = await client.get(list('?kind=home-visit&agency=Northfield+Police'));
    assert.match(textOf(qaElement(none.body, 'no-matches')), /No entries match these filters/);
    const filtered = await client.get(list('?kind=home-visit'));
    assert.match(filtered.body, new RegExp(`href="/cases/${caseId}/chronology.csv\\?kind=home-visit"`));
  });

  it('explains dates it cannot use, keeps what was typed and still applies the other filters', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const notReal = await client.get(list('?from-day=31&from-month=2&from-year=2026&kind=home-visit'));
    assert.equal(notReal.statusCode, 400);
    assert.deepEqual(summaryErrors(notReal.body), ['#from-day: Start date must be a real date']);
    assert.match(notReal.body, /<title>Error: Chronology/);
    assert.match(notReal.body, /id="from-day" name="from-day" type="text" value="31"/);
    assert.deepEqual(shownIds(notReal.body), [ids['visit']]);
    assert.match(textOf(qaElement(notReal.body, 'dates-not-applied')), /The dates are not used until they are corrected/);
    assert.doesNotMatch(notReal.body, /data-qa="download-csv"/);

    const backwards = await client.get(list('?from-day=2&from-month=11&from-year=2026&to-day=1&to-month=10&to-year=2026'));
    assert.equal(backwards.statusCode, 400);
    assert.deepEqual(summaryErrors(backwards.body), ['#to-day: End date must be the same as or after the start date']);

    const partial = await client.get(list('?to-day=2&to-year=2026'));
    assert.deepEqual(summaryErrors(partial.body), ['#to-month: End date must include a month']);
    assert.match(partial.body, /id="to-month" name="to-month" type="text"/);
  });

  it('exports a CSV file with the same filters: quoted, safe from formulas, with a BOM and its source column', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const response = await client.get(`/cases/${caseId}/chronology.csv?order=oldest`);
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
    assert.equal(response.headers['content-disposition'], 'attachment; filename="chronology-test-hart-2026-11-22.csv"');
    const bytes = response.rawPayload;
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = response.body.slice(1).split('\r\n');
    assert.equal(
      lines[0],
      "Occurred,Recorded at,Recorded by,Agency,Kind,Summary,Source of information,People,Present,Significant,Baby seen,Awake or asleep,How the baby and the carers were with each other,How the baby was dressed,The baby's demeanour,Where the baby was kept or put down,What older brothers and sisters said,Corrects,Correction reason,Corrected by,Disputes",
    );
    assert.equal(lines[1], '2026-10-05,2026-11-22 09:00,Claire Dobson,Northfield Health Visiting,Home visit,Baby seen asleep in a Moses basket,Seen by the practitioner,Sarah Hart,Sarah Hart; Mark Hart,No,Yes,,,,,,,,,,');
    assert.match(lines[2]!, /^2026-10-20 22:15,.*,DC Ben Carter,Northfield Police,Domestic abuse incident reported to the police,.*,Another agency's record or system,Sarah Hart; Mark Hart,,Yes,Not recorded,/);
    // A line break inside a summary stays inside its quoted cell.
    assert.equal(lines[3], '2026-11-01,2026-11-22 09:00,Claire Dobson,Northfield Health Visiting,Case note,"Mum said ""fine"", then cried,\nand asked for help",What the parent or carer says,Sarah Hart,,No,Not recorded,,,,,,,,,,');
    // Newest first unless asked otherwise, as on the page.
    const newest = (await client.get(`/cases/${caseId}/chronology.csv`)).body.slice(1).split('\r\n');
    assert.deepEqual([newest[1]!.slice(0, 10), newest.at(-2)!.slice(0, 10)], ['2026-11-10', '2026-10-05']);
    assert.match(lines[4]!, /,"'=HYPERLINK\(""http:\/\/example.test"",""click""\)",Seen by the practitioner,/);
    assert.equal(lines[5], '');

    const filtered = await client.get(`/cases/${caseId}/chronology.csv?significant=yes`);
    assert.equal(filtered.body.split('\r\n').length, 3);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'chronology.export').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audit.details, { basis: 'lead-professional', format: 'csv', filters: { significantOnly: true }, shown: 1 });

    assert.equal((await client.get(`/cases/${caseId}/chronology.csv?from-day=40&from-month=1&from-year=2026`)).statusCode, 400);
  });

  it('prints an A4 portrait table with all each entry records, the case, who printed it and when, and the filters', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(`/cases/${caseId}/chronology/print?agency=Northfield+Police`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Chronology for Test Hart<\/h1>/);
    assert.equal(textOf(qaElement(page.body, 'printed-by')), 'Printed by Claire Dobson on 22 November 2026 at 9:00am: OFFICIAL-SENSITIVE');
    assert.match(textOf(qaElement(page.body, 'print-filters')), /Agency: Northfield Police/);
    const table = qaElement(page.body, 'print-table')!;
    assert.equal(
      textOf(table),
      "Chronology for Test Hart When Agency and kind What happened Source of information Significant 20 October 2026 at 10:15pm Northfield Police Domestic abuse incident reported to the police Neighbour called police after shouting About: Sarah Hart, Mark Hart Harmed: Sarah Hart Caused the harm: Mark Hart Recorded: 22 November 2026 at 9:00am by DC Ben Carter Another agency's record or system Yes",
    );
    assert.equal(qaElements(table, 'print-row').length, 1);
    assert.match(textOf(qaElement(page.body, 'print-count')), /^1 of 4 entries, newest first\./);
    assert.match(page.body, /class="govuk-template__body app-print-page"/);
    assert.doesNotMatch(page.body, /data-qa="filters"/);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['details']).where('action', '=', 'chronology.export').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.deepEqual(audit.details, { basis: 'lead-professional', format: 'print', filters: { agency: 'Northfield Police' }, shown: 1 });
  });

  it('refuses someone outside the team, audited, and finds no case that does not exist', async () => {
    const outsider = await makeUser(t.ctx);
    const client = await WebClient.signedIn(t.app, outsider);
    for (const url of [list(), `/cases/${caseId}/chronology.csv`, `/cases/${caseId}/chronology/print`]) {
      const response = await client.get(url);
      assert.equal(response.statusCode, 403, url);
      assert.doesNotMatch(response.body, /Hart|Moses/);
    }
    const refusals = await t.ctx.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', outsider.id).where('outcome', '=', 'denied').execute();
    assert.deepEqual(refusals.map((r) => r.action).sort(), ['chronology.export', 'chronology.export', 'chronology.view']);
    const own = await WebClient.signedIn(t.app, lead);
    assert.equal((await own.get('/cases/no-such-case/chronology')).statusCode, 404);
    assert.equal((await own.get('/cases/no-such-case/chronology.csv')).statusCode, 404);
  });

  it('shows the three most recent current entries on the case page, with a link to the chronology', async () => {
    const client = await WebClient.signedIn(t.app, lead);
    const page = await client.get(`/cases/${caseId}`);
    assert.equal(page.statusCode, 200);
    const recent = textOf(qaElement(page.body, 'recent-entries'));
    assert.match(recent, /^10 November 2026: Clinic contact.*1 November 2026: Case note.*Significant 20 October 2026 at 10:15pm: Domestic abuse/);
    assert.doesNotMatch(recent, /Home visit/);
    assert.match(page.body, new RegExp(`href="/cases/${caseId}/chronology" data-qa="open-chronology"`));
  });
});
