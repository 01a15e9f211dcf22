// The growth page: empty, a measurement added through the form (chart, table, faltering growth),
// every problem in the error summary with what was typed kept, refusals, and the link from the case.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { dateFields, inputValue, qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { addDays } from '../../../domain/shared/calendar-date.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

const measuredOn = (day: string) => dateFields('measuredOn', day);

describe('the growth page', () => {
  let t: TestApp;
  let caseId: string;
  let web: WebClient;
  let outsiderWeb: WebClient;
  let today: string;

  before(async () => {
    t = await createTestApp();
    today = serviceToday(t.clock.now());
    const member = await makeUser(t.ctx, { name: 'Page Visitor' });
    const outsider = await makeUser(t.ctx, { name: 'Page Outsider' });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Pagegrowth', teamUserIds: [member.id] }));
    // Born on 1 October 2026 at 34 weeks, weighing 2,100 g: read at corrected age.
    await t.ctx.db.updateTable('cases').set({ sex: 'male', gestation_at_birth_weeks: 34, birth_weight_grams: 2100 }).where('id', '=', caseId).execute();
    web = await WebClient.signedIn(t.app, member);
    outsiderWeb = await WebClient.signedIn(t.app, outsider);
  });
  after(async () => t.close());

  const stored = async () => (await t.ctx.db.selectFrom('growth_measurements').select('id').where('case_id', '=', caseId).execute()).length;

  it('shows the birth weight on the record as the first weight before anything is measured, offers the form, and is linked from the case page', async () => {
    const page = await web.get(`/cases/${caseId}/growth`);
    assert.equal(page.statusCode, 200);
    assert.equal(qaElement(page.body, 'no-measurements'), null);
    assert.equal(textOf(qaElement(page.body, 'birth-weight')), 'The first weight is the birth weight on the record, 2,100 g: a loss in the first days and a fall across centile spaces are measured from it.');
    const chart = qaElement(page.body, 'chart-weight')!;
    assert.equal((chart.match(/<circle /g) ?? []).length, 1, 'the birth weight is plotted');
    assert.match(chart, /<desc id="growth-weight-desc">1 measurement in g .*birth weight 2,100 g /s);
    const rows = qaElements(page.body, 'measurement-row').map((row) => textOf(row).replace(/\s+/g, ' ').trim());
    assert.deepEqual(rows, ['1 October 2026 2,100 g (birth weight, from the record) at 34 weeks of gestation (corrected) between the 25th and 50th centiles -0.38 35.2']);
    const baby = /<span class="govuk-caption-l">([^<]+)<\/span>/.exec(page.body)?.[1] ?? 'no caption';
    assert.ok(page.body.includes(`<title>Growth: ${baby} - `), 'the title names the baby, as the caption does');
    assert.equal(textOf(qaElement(page.body, 'faltering-status')), 'Not yet known');
    assert.ok(qaElement(page.body, 'measurement-form'));
    const casePage = await web.get(`/cases/${caseId}`);
    assert.match(casePage.body, new RegExp(`href="/cases/${caseId}/growth" data-qa="open-growth"`));
  });

  it('adds a weight, then draws it on the chart with its title and description, and gives the same numbers in a table', async () => {
    const saved = await web.post(`/cases/${caseId}/growth`, { kind: 'weight', value: '3,050', ...measuredOn(addDays(today, -3)) });
    assert.equal(saved.statusCode, 303);
    assert.equal(saved.headers.location, `/cases/${caseId}/growth`);
    const page = await web.get(`/cases/${caseId}/growth`);
    assert.match(page.body, /The measurement is recorded\./);
    const chart = qaElement(page.body, 'chart-weight')!;
    assert.match(chart, /<svg[^>]*role="img"[^>]*aria-labelledby="growth-weight-title growth-weight-desc"/);
    assert.match(chart, /<title id="growth-weight-title">Weight of Test Pagegrowth against the UK-WHO centiles for boys<\/title>/);
    assert.match(chart, /<desc id="growth-weight-desc">2 measurements in g plotted against the nine centile lines, 0.4th to 99.6th, by weeks from 40 weeks of gestation \(corrected age for a baby born preterm\)\./);
    assert.equal((chart.match(/<circle /g) ?? []).length, 2, 'the birth weight and the weight measured');
    assert.equal((chart.match(/stroke-dasharray/g) ?? []).length, 8, 'eight dashed centile lines and the 50th solid');
    const rows = qaElements(page.body, 'measurement-row').map((row) => textOf(row).replace(/\s+/g, ' ').trim());
    assert.equal(rows.length, 2);
    assert.match(rows[0]!, /^1 October 2026 2,100 g \(birth weight, from the record\)/, 'the birth weight first');
    assert.equal(rows[1], '19 November 2026 3,050 g at 7 days corrected on the 9th centile -1.48 6.9'); // 49 days old, born 6 weeks early
    assert.equal(await stored(), 1);
  });

  it('shows faltering growth with the weights it rests on', async () => {
    await web.post(`/cases/${caseId}/growth`, { kind: 'weight', value: '2300', ...measuredOn(today) });
    const page = await web.get(`/cases/${caseId}/growth`);
    assert.equal(textOf(qaElement(page.body, 'faltering-status')), 'Faltering growth');
    assert.match(textOf(qaElement(page.body, 'faltering-detail')), /below the 2nd centile for age/);
    assert.match(textOf(qaElement(page.body, 'faltering-weights')), /2,300 g on 22 November 2026/);
    const profile = await web.get(`/cases/${caseId}/profile`);
    assert.match(profile.body, new RegExp(`href="/cases/${caseId}/growth"`), 'the profile leads from faltering growth to the growth page');
  });

  it('shows every problem in the error summary, linked to its field, keeping what was typed, and stores nothing', async () => {
    const before = await stored();
    const response = await web.post(`/cases/${caseId}/growth`, { kind: '', value: 'heavy', 'measuredOn-day': '31', 'measuredOn-month': '2', 'measuredOn-year': '2026' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(summaryErrors(response.body), ['#kind: Select what was measured', '#measuredOn-day: The date measured must be a real date']);
    assert.equal(inputValue(response.body, 'value'), 'heavy');
    assert.equal(inputValue(response.body, 'measuredOn-day'), '31');
    const implausible = await web.post(`/cases/${caseId}/growth`, { kind: 'head-circumference', value: '80', ...measuredOn(addDays('2026-10-01', -1)) });
    assert.deepEqual(summaryErrors(implausible.body), ['#value: The head circumference must be between 15 cm and 60 cm', '#measuredOn-day: The date measured must be on or after the date of birth']);
    assert.match(implausible.body, /value="head-circumference" checked/);
    const future = await web.post(`/cases/${caseId}/growth`, { kind: 'length', value: '50', ...measuredOn(addDays(today, 1)) });
    assert.deepEqual(summaryErrors(future.body), ['#measuredOn-day: The date measured must be today or in the past']);
    const missing = await web.post(`/cases/${caseId}/growth`, { kind: 'length', value: '50', 'measuredOn-day': '3' });
    assert.deepEqual(summaryErrors(missing.body), ['#measuredOn-month: The date measured must include a month and year']);
    const long = `4100 ${'g'.repeat(300)}`;
    const uncut = await web.post(`/cases/${caseId}/growth`, { kind: 'weight', value: long, ...measuredOn(today) });
    assert.deepEqual(summaryErrors(uncut.body), ['#value: Enter the weight as a number']);
    assert.equal(inputValue(uncut.body, 'value'), long, 'what was typed comes back whole, never cut');
    assert.equal(await stored(), before);
  });

  it('says when no birth weight is recorded, and follows the birth weight when it is recorded or corrected on the record', async () => {
    const member = await makeUser(t.ctx, { name: 'Second Visitor' });
    const { id } = await makeCase(t.ctx, { familyName: 'Nobirthweight', teamUserIds: [member.id] });
    await t.ctx.db.updateTable('cases').set({ sex: 'female', gestation_at_birth_weeks: 40, birth_weight_grams: null }).where('id', '=', id).execute();
    const client = await WebClient.signedIn(t.app, member);
    const none = await client.get(`/cases/${id}/growth`);
    assert.match(textOf(qaElement(none.body, 'birth-weight')), /^No birth weight is recorded\. Add it to the birth details/);
    assert.match(textOf(qaElement(none.body, 'no-measurements')), /No measurements have been recorded/);
    await t.ctx.db.updateTable('cases').set({ birth_weight_grams: 3600 }).where('id', '=', id).execute();
    const recorded = await client.get(`/cases/${id}/growth`);
    assert.match(textOf(qaElement(recorded.body, 'birth-weight')), /birth weight on the record, 3,600 g:/);
    assert.match(textOf(qaElement(recorded.body, 'birth-weight-row')), /birth weight, from the record/);
    await t.ctx.db.updateTable('cases').set({ birth_weight_grams: 3450 }).where('id', '=', id).execute();
    const corrected = await client.get(`/cases/${id}/growth`);
    const rows = qaElements(corrected.body, 'measurement-row').map((row) => textOf(row).replace(/\s+/g, ' ').trim());
    assert.equal(rows.length, 1);
    assert.match(rows[0]!, /^\d+ \w+ 2026 3,450 g \(birth weight, from the record\)/);
  });

  it('refuses someone outside the team, to look or to add, and a case that does not exist', async () => {
    assert.equal((await outsiderWeb.get(`/cases/${caseId}/growth`)).statusCode, 403);
    assert.equal((await outsiderWeb.post(`/cases/${caseId}/growth`, { kind: 'weight', value: '3000', ...measuredOn(today) })).statusCode, 403);
    assert.equal((await web.get('/cases/no-such-case/growth')).statusCode, 404);
  });
});
