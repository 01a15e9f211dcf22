// Subject access in a real browser with axe: the administrator makes the team manager a data
// protection officer (an empty email refused in the error summary; asked again, nothing changes and
// a banner says so); the officer records a request for the Okafor baby's mother (an NHS number nobody
// has refused, what was typed kept), reviews the draft (a decision without a reason refused at its
// field), sees each other agency once (the police's evidence, recorded by its name alone, with its
// entry), records another agency's refusal for all its items at once (a blank reason refused, the
// answer kept), is refused the release while redactions are unreviewed, decides them, releases, and
// opens the disclosure and its PDF; then finds the mother by name and date of birth instead (a date
// that is not real, then one with a 2-digit year linked by its year and only it marked, and no
// choice refused). No JavaScript needed.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { actorFor } from '../src/application/auth/signed-in-user.ts';
import { decideRedaction, viewDraft } from '../src/application/subject-access/draft.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { type E2e, demoCaseId, expectNoAxeViolations, signIn, startE2e, submit } from './helpers/browser.ts';
import { expectDateInError } from './helpers/date-checks.ts';
import { expectErrorSummary, fillDate } from './helpers/page-checks.ts';

const MOTHER_NHS = '9434765919';
const MOTHER_BORN = '1993-04-12';
let e2e: E2e;
let today: string;
let policeName: string;

before(async () => {
  e2e = await startE2e();
  today = serviceToday(e2e.testApp.clock.now());
  const caseId = await demoCaseId(e2e, 'Okafor');
  const { ctx } = e2e.testApp;
  await ctx.db.updateTable('people').set({ nhs_number: MOTHER_NHS, date_of_birth: MOTHER_BORN }).where('case_id', '=', caseId).where('relationship_to_infant', '=', 'mother').execute();
  // What the police recorded about the mother alone: another agency's, waiting on its agreement.
  const mother = await ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).where('relationship_to_infant', '=', 'mother').executeTakeFirstOrThrow();
  const police = await ctx.db.selectFrom('organisations').select(['id', 'name', 'kind']).where('kind', '=', 'police').orderBy('name').executeTakeFirstOrThrow();
  await ctx.db
    .insertInto('chronology_entries')
    .values({ case_id: caseId, id: randomUUID(), kind: 'case-note', occurred_on: today, recorded_at: ctx.clock.now(), recorded_by: null, recorded_by_name: 'A police officer', organisation_id: police.id, agency: police.name, agency_kind: police.kind, summary: 'Mother reported a lost purse at the station', source: 'agency-record', person_ids: JSON.stringify([mother.id]), present_ids: '[]', victim_ids: '[]', perpetrator_ids: '[]', indicates: '[]', details: '{}' })
    .execute();
  // And its evidence on the profile, which keeps the police's name alone: the same agency.
  await ctx.db
    .insertInto('profile_evidence')
    .values({ case_id: caseId, id: randomUUID(), factor_id: 'housing-instability', subject_key: 'household', source: 'agency-record', note: 'Rent arrears mentioned at the station', indicates: 'present', given_by: null, recorded_at: ctx.clock.now(), recorded_by: null, recorded_by_name: 'A police officer', agency: police.name })
    .execute();
  policeName = police.name;
});

after(async () => {
  await e2e?.close();
});

describe('subject access', () => {
  let page: Page;
  let requestId: string;

  test('the administrator makes the team manager a data protection officer, on a page that passes axe', async () => {
    const admin = await e2e.newPage();
    await signIn(admin, 'admin@demo.example');
    await admin.goto('/admin');
    await submit(admin, admin.getByRole('link', { name: 'Data protection officers' }));
    assert.equal(await admin.locator('h1').innerText(), 'Data protection officers');
    await expectNoAxeViolations(admin);
    const refused = await submit(admin, admin.getByRole('button', { name: 'Make data protection officer' }));
    assert.equal(refused.status(), 422);
    await expectErrorSummary(admin, [{ text: 'Enter the email address of the account', href: '#email' }]);
    await expectNoAxeViolations(admin);
    await admin.locator('#email').fill('manager@demo.example');
    await submit(admin, admin.getByRole('button', { name: 'Make data protection officer' }));
    assert.match(await admin.locator('[data-qa="officers"]').innerText(), /manager@demo\.example/);
    await admin.locator('#email').fill('manager@demo.example');
    const again = await submit(admin, admin.getByRole('button', { name: 'Make data protection officer' }));
    assert.equal(again.status(), 200, 'asked again: no error');
    assert.match(await admin.locator('[data-qa="success-banner"]').innerText(), /manager@demo\.example is a data protection officer already: nothing has changed/);
    assert.equal(await admin.locator('[data-qa="officers"] tbody tr').count(), 1);
    await expectNoAxeViolations(admin);
  });

  test('the officer records a request, refused first for an NHS number nobody has, with what was typed kept', async () => {
    page = await e2e.newPage();
    await signIn(page, 'manager@demo.example');
    await page.goto('/subject-access');
    assert.equal(await page.locator('h1').innerText(), 'Subject access requests');
    await expectNoAxeViolations(page);
    await submit(page, page.locator('[data-qa="new-request"]'));
    const [year, month, day] = today.split('-');
    assert.deepEqual([await page.locator('#receivedOn-day').inputValue(), await page.locator('#receivedOn-month').inputValue(), await page.locator('#receivedOn-year').inputValue()], [String(Number(day)), String(Number(month)), year]);
    await expectNoAxeViolations(page);
    await page.locator('#nhsNumber').fill('943 476 5935');
    const refused = await submit(page, page.getByRole('button', { name: 'Record the request' }));
    assert.equal(refused.status(), 422);
    await expectErrorSummary(page, [{ text: 'Nobody in any record has this NHS number. Check it with the person asking; if they are in a record without one, give their person id.', href: '#nhsNumber' }]);
    assert.equal(await page.locator('#nhsNumber').inputValue(), '943 476 5935');
    await expectNoAxeViolations(page);
    await page.locator('#nhsNumber').fill('943 476 5919');
    await submit(page, page.getByRole('button', { name: 'Record the request' }));
    assert.match(page.url(), /\/subject-access\/[^/]+$/);
    requestId = page.url().split('/').pop()!;
    assert.match(await page.locator('[data-qa="subject"]').innerText(), /, mother$/);
    assert.ok((await page.locator('[data-qa="marked-item"]').count()) > 0, 'third parties are marked');
    await expectNoAxeViolations(page);
  });

  test('refuses the release while redactions are unreviewed, and a decision without a reason at its field', async () => {
    await submit(page, page.locator('[data-qa="release-link"]'));
    await expectNoAxeViolations(page);
    const refused = await submit(page, page.locator('[data-qa="release"]'));
    assert.equal(refused.status(), 422);
    assert.match(await page.locator('.govuk-error-summary').innerText(), /not reviewed yet/);
    await expectNoAxeViolations(page);
    await page.goto(`/subject-access/${requestId}`);
    const first = page.locator('[data-qa="marked-item"]').first();
    await first.getByLabel('Redact', { exact: true }).check();
    const slip = await submit(page, first.locator('[data-qa="save-decision"]'));
    assert.equal(slip.status(), 422);
    await expectErrorSummary(page, [{ text: 'Enter why, such as the person’s consent, the agency’s agreement, or why it identifies someone else', href: '#reason-0' }]);
    assert.equal(await page.locator('#decision-0').isChecked(), true, 'the choice is kept');
    await expectNoAxeViolations(page);
    await page.locator('#reason-0').fill('Would identify another adult');
    await submit(page, page.locator('[data-qa="marked-item"]').first().locator('[data-qa="save-decision"]'));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Decision saved/);
  });

  test('records another agency’s refusal for all its items at once, a blank reason refused at its field with the answer kept', async () => {
    const agency = page.locator('[data-qa="agency"]').first();
    assert.ok((await page.locator('[data-qa="agency"]').count()) > 0, 'other agencies’ items are waiting on their agreement');
    const names = await page.locator('[data-qa="agency"] .govuk-summary-card__title').allInnerTexts();
    assert.deepEqual(names, [...new Set(names)], 'each agency once');
    assert.ok(names.includes(policeName), 'the police, its entry and its evidence by name together');
    await agency.getByLabel('Refused', { exact: true }).check();
    const slip = await submit(page, agency.locator('[data-qa="save-agency-answer"]'));
    assert.equal(slip.status(), 422);
    await expectErrorSummary(page, [{ text: 'Enter what the agency said, such as who agreed or refused, when, and why', href: '#agency-reason-0' }]);
    assert.equal(await page.locator('[data-qa="agency"]').first().getByLabel('Refused', { exact: true }).isChecked(), true, 'the answer is kept');
    await expectNoAxeViolations(page);
    await page.locator('#agency-reason-0').fill('Their safeguarding lead refused by phone: an investigation is open');
    await submit(page, page.locator('[data-qa="agency"]').first().locator('[data-qa="save-agency-answer"]'));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), / refused: \d+ items? redacted\./);
    await expectNoAxeViolations(page);
  });

  test('releases once every redaction is decided, and opens the disclosure and its PDF', async () => {
    const { ctx } = e2e.testApp;
    const manager = await ctx.db.selectFrom('users').innerJoin('organisations', 'organisations.id', 'users.organisation_id').select(['users.id', 'users.email', 'users.name', 'users.role', 'users.organisation_id', 'organisations.name as organisation_name', 'organisations.kind']).where('email', '=', 'manager@demo.example').executeTakeFirstOrThrow();
    const officer = actorFor({ id: manager.id, email: manager.email, name: manager.name, role: 'manager', organisationId: manager.organisation_id, organisationName: manager.organisation_name, organisationKind: manager.kind }, 'web', null);
    const draft = await viewDraft(ctx, officer, requestId);
    assert.ok(draft.ok);
    for (const item of draft.value.items.filter((i) => i.grounds.length > 0 && !i.decision)) {
      assert.ok((await decideRedaction(ctx, officer, requestId, { itemKey: item.key, decision: 'redact', reason: 'Identifies someone else' })).ok);
    }
    await page.goto(`/subject-access/${requestId}/release`);
    await submit(page, page.locator('[data-qa="release"]'));
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Disclosure released/);
    await submit(page, page.locator('[data-qa="download"] a'));
    assert.match(await page.locator('[data-qa="disclosure-heading"]').innerText(), /, mother$/);
    assert.ok((await page.locator('[data-qa="withheld"]').count()) > 0);
    await expectNoAxeViolations(page);
    const pdf = await page.request.get(`/subject-access/${requestId}/disclosure.pdf`);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
  });

  test('finds the mother by name and date of birth when the letter gives no NHS number: a bad date and no choice refused, what was typed kept', async () => {
    const { ctx } = e2e.testApp;
    const mother = await ctx.db.selectFrom('people').select(['given_name', 'family_name']).where('case_id', '=', await demoCaseId(e2e, 'Okafor')).where('relationship_to_infant', '=', 'mother').executeTakeFirstOrThrow();
    const name = `${mother.given_name ?? ''} ${mother.family_name ?? ''}`.trim();
    await page.goto('/subject-access/new');
    await page.locator('#name').fill(name);
    await page.locator('#dateOfBirth-day').fill('30');
    await page.locator('#dateOfBirth-month').fill('2');
    await page.locator('#dateOfBirth-year').fill('1993');
    const slip = await submit(page, page.getByRole('button', { name: 'Find the person' }));
    assert.equal(slip.status(), 422);
    await expectErrorSummary(page, [{ text: 'Date of birth must be a real date', href: '#dateOfBirth-day' }]);
    assert.deepEqual([await page.locator('#name').inputValue(), await page.locator('#dateOfBirth-day').inputValue(), await page.locator('#dateOfBirth-month').inputValue(), await page.locator('#dateOfBirth-year').inputValue()], [name, '30', '2', '1993']);
    await expectNoAxeViolations(page);
    await fillDate(page, 'dateOfBirth', MOTHER_BORN);
    await page.locator('#dateOfBirth-year').fill('93');
    const shortYear = await submit(page, page.getByRole('button', { name: 'Find the person' }));
    assert.equal(shortYear.status(), 422);
    await expectErrorSummary(page, [{ text: 'Year must include 4 numbers', href: '#dateOfBirth-year' }]);
    await expectNoAxeViolations(page);
    await expectDateInError(page, 'dateOfBirth', ['year']);
    assert.deepEqual([await page.locator('#dateOfBirth-day').inputValue(), await page.locator('#dateOfBirth-month').inputValue()], ['12', '4']);
    await page.locator('#dateOfBirth-year').fill('1993');
    await submit(page, page.getByRole('button', { name: 'Find the person' }));
    assert.equal(await page.locator('[data-qa="match-count"]').innerText(), '1 person matches');
    assert.match(await page.locator('[data-qa="matches"]').innerText(), /Mother of .*Okafor/);
    await expectNoAxeViolations(page);
    const unchosen = await submit(page, page.getByRole('button', { name: 'Record the request' }));
    assert.equal(unchosen.status(), 422);
    await expectErrorSummary(page, [{ text: 'Choose the person the request is about, or search again', href: '#subject' }]);
    await expectNoAxeViolations(page);
    const choice = page.locator('[data-qa="matches"] .govuk-radios__item').first();
    assert.match(await choice.locator('label').innerText(), new RegExp(`^${name}, born 12 April 1993$`));
    await choice.locator('input').check();
    await submit(page, page.getByRole('button', { name: 'Record the request' }));
    assert.match(page.url(), /\/subject-access\/[^/]+$/);
    assert.equal(await page.locator('[data-qa="subject"]').innerText(), `${name}, mother`);
  });
});
