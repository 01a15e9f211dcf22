// The new subject access request found by name and date of birth: the officer searches every record
// (a misspelt name found by the service's person search rules), tells two people of the same name
// and date of birth apart by their records and areas (the postcode from the letter first), chooses
// one and records the request; nobody matching and a bad date each say what to do and keep what was
// typed; every search is audited, and anyone but an officer is refused (403, audited).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { dateFieldState } from '../../../../test/helpers/date-field.ts';
import { dateFields, qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { BABY_NHS, MOTHER_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from '../../../application/subject-access/subject-access.test-support.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

describe('finding the person of a new subject access request by name and date of birth', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  let otherSarah: { id: string };
  let officer: WebClient;
  let practitioner: WebClient;
  const searches = async (userId: string, outcome: string) =>
    t.ctx.db.selectFrom('audit_log').select(['details']).where('actor_user_id', '=', userId).where('action', '=', 'subject-access.search').where('outcome', '=', outcome).orderBy('seq').execute();

  before(async () => {
    t = await createTestApp({ env: { CHROMIUM_PATH: 'none' } });
    f = await seedSubjectAccessFamily(t.ctx);
    await t.ctx.db.updateTable('people').set({ date_of_birth: '1994-03-17' }).where('id', '=', f.mother.id).execute();
    await t.ctx.db.updateTable('cases').set({ postcode: 'DE22 1AB' }).where('id', '=', f.caseId).execute();
    // Another Sarah Hart born the same day, mother of another baby, with no NHS number, in a restricted household.
    const visitor = await makeUser(t.ctx, { organisationId: f.police.id });
    const { id: otherCase } = await makeCase(t.ctx, { familyName: 'Hart', teamUserIds: [visitor.id] });
    await t.ctx.db.updateTable('cases').set({ given_name: 'Rose', postcode: 'NG1 5AA', address_restricted: true }).where('id', '=', otherCase).execute();
    otherSarah = await makePerson(t.ctx, otherCase, { date_of_birth: '1994-03-17', nhs_number: null });
    officer = await WebClient.signedIn(t.app, f.officer);
    practitioner = await WebClient.signedIn(t.app, f.practitioner);
  });
  after(async () => t.close());

  it('offers the search beside the NHS number', async () => {
    const page = await officer.get('/subject-access/new');
    assert.equal(page.statusCode, 200);
    assert.ok(qaElement(page.body, 'nhs-form'), 'the NHS number first');
    assert.ok(qaElement(page.body, 'search-form'));
  });

  it('finds both women of a misspelt name and this date of birth, the one in the letter’s household first, with their records and areas', async () => {
    const page = await officer.post('/subject-access/new/search', { name: 'Sara Hart', ...dateFields('dateOfBirth', '1994-03-17'), postcode: 'de22 1ab' });
    assert.equal(page.statusCode, 200);
    assert.equal(textOf(qaElement(page.body, 'match-count')), '2 people match');
    assert.ok(qaElement(page.body, 'many'), 'says how to tell them apart');
    const matches = textOf(qaElement(page.body, 'matches'));
    assert.match(matches, /Sarah Hart, born 17 March 1994 Mother of Lily Hart; area DE22 \(the household’s postcode is the one you gave\); held by Riverside Council Sarah Hart, born 17 March 1994 Mother of Rose Hart; area not known or restricted; held by Riverside Police/);
    assert.doesNotMatch(page.body, /NG1/, 'never a restricted postcode');
    assert.doesNotMatch(textOf(qaElement(page.body, 'choose-form')), /943 ?476 ?5919/, 'nor an NHS number shown');
    assert.match(page.body, new RegExp(`value="nhs:${MOTHER_NHS}"`));
    assert.match(page.body, new RegExp(`value="person:${otherSarah.id}"`));
    assert.match(page.body, /name="name" type="text"[^>]*value="Sara Hart"/, 'the search kept');
    const [audited] = await searches(f.officer.id, 'success');
    assert.deepEqual(audited?.details, { criteria: { name: 'Sara Hart', dateOfBirth: '1994-03-17', postcode: 'DE22 1AB' }, matches: 2, caseIds: [f.caseId, (await t.ctx.db.selectFrom('people').select('case_id').where('id', '=', otherSarah.id).executeTakeFirstOrThrow()).case_id].sort(), more: false });
  });

  it('asks for a choice, and keeps the choice and the dates when the day received is wrong', async () => {
    const search = { name: 'Sara Hart', ...dateFields('dateOfBirth', '1994-03-17'), postcode: '' };
    const unchosen = await officer.post('/subject-access/new', { ...search, subject: '', parentNhsNumber: '', ...dateFields('receivedOn', serviceToday(t.clock.now())) });
    assert.equal(unchosen.statusCode, 422);
    assert.deepEqual(summaryErrors(unchosen.body), ['#subject: Choose the person the request is about, or search again']);
    assert.equal(qaElements(unchosen.body, 'matches').length, 1, 'the matches still shown');
    const future = await officer.post('/subject-access/new', { ...search, subject: `person:${otherSarah.id}`, parentNhsNumber: '', ...dateFields('receivedOn', '2999-01-01') });
    assert.equal(future.statusCode, 422);
    assert.match(summaryErrors(future.body)[0] ?? '', /^#receivedOn-day: The date the request was received must be today or in the past$/);
    assert.match(future.body, new RegExp(`value="person:${otherSarah.id}" checked`), 'the choice kept');
    assert.deepEqual(dateFieldState(future.body, 'receivedOn').typed, ['1', '1', '2999']);
    const made = await officer.post('/subject-access/new', { ...search, subject: `person:${otherSarah.id}`, parentNhsNumber: '', ...dateFields('receivedOn', '2026-11-01') });
    assert.equal(made.statusCode, 303);
    const request = await t.ctx.db.selectFrom('subject_access_requests').select(['person_id', 'nhs_number', 'subject_name']).executeTakeFirstOrThrow();
    assert.deepEqual(request, { person_id: otherSarah.id, nhs_number: null, subject_name: 'Sarah Hart, mother' });
  });

  describe('the date of birth, read as every date input reads it', () => {
    const cases = [
      { name: 'a missing month', typed: ['17', '', '1994'], error: '#dateOfBirth-month: Date of birth must include a month', parts: ['month'] },
      { name: 'letters', typed: ['17', 'March', '1994'], error: '#dateOfBirth-day: Date of birth must be a real date', parts: ['day', 'month', 'year'] },
      { name: '31 February', typed: ['31', '2', '1994'], error: '#dateOfBirth-day: Date of birth must be a real date', parts: ['day', 'month', 'year'] },
      { name: 'a year of 2 digits', typed: ['17', '3', '94'], error: '#dateOfBirth-year: Year must include 4 numbers', parts: ['year'] },
      { name: 'nothing at all', typed: ['', '', ''], error: '#dateOfBirth-day: Enter their date of birth: a name alone finds too many people', parts: ['day', 'month', 'year'] },
    ] as const;
    for (const { name, typed, error, parts } of cases) {
      it(`refuses a search with ${name}: the summary links to the first part in error, only those are marked, what was typed comes back`, async () => {
        const [day, month, year] = typed;
        const page = await officer.post('/subject-access/new/search', { name: 'Sarah Hart', 'dateOfBirth-day': day, 'dateOfBirth-month': month, 'dateOfBirth-year': year, postcode: '' });
        assert.equal(page.statusCode, 422);
        assert.deepEqual(summaryErrors(page.body), [error]);
        assert.deepEqual(dateFieldState(page.body, 'dateOfBirth'), { message: `Error: ${error.slice(error.indexOf(': ') + 2)}`, marked: parts, typed, describedBy: 'dateOfBirth-hint dateOfBirth-error' });
      });
    }

    it('refuses a day received missing its day after a choice, the choice and both dates kept', async () => {
      const page = await officer.post('/subject-access/new', { name: 'Sara Hart', ...dateFields('dateOfBirth', '1994-03-17'), postcode: '', subject: `person:${otherSarah.id}`, parentNhsNumber: '', 'receivedOn-day': '', 'receivedOn-month': '11', 'receivedOn-year': '2026' });
      assert.equal(page.statusCode, 422);
      assert.deepEqual(summaryErrors(page.body), ['#receivedOn-day: The date the request was received must include a day']);
      assert.deepEqual(dateFieldState(page.body, 'receivedOn'), { message: 'Error: The date the request was received must include a day', marked: ['day'], typed: ['', '11', '2026'], describedBy: 'receivedOn-hint receivedOn-error' });
      assert.match(page.body, new RegExp(`value="person:${otherSarah.id}" checked`), 'the choice kept');
      assert.deepEqual(dateFieldState(page.body, 'dateOfBirth'), { message: '', marked: [], typed: ['17', '3', '1994'], describedBy: 'dateOfBirth-hint' });
    });
  });

  it('finds a baby by name and date of birth, named by the baby’s NHS number', async () => {
    const page = await officer.post('/subject-access/new/search', { name: 'Lily Hart', ...dateFields('dateOfBirth', '2026-10-01'), postcode: '' });
    assert.equal(textOf(qaElement(page.body, 'match-count')), '1 person matches');
    assert.match(textOf(qaElement(page.body, 'matches')), /Lily Hart, born 1 October 2026 The baby; area DE22; held by Riverside Council/);
    assert.match(page.body, new RegExp(`value="nhs:${BABY_NHS}"`));
  });

  it('says what to do when nobody matches, and refuses a date that is not one, keeping what was typed', async () => {
    const failedBefore = (await searches(f.officer.id, 'failure')).length;
    const nobody = await officer.post('/subject-access/new/search', { name: 'Sarah Hart', ...dateFields('dateOfBirth', '1994-03-18'), postcode: '' });
    assert.equal(nobody.statusCode, 200);
    assert.equal(textOf(qaElement(nobody.body, 'match-count')), 'Nobody matches');
    assert.match(textOf(qaElement(nobody.body, 'no-match')), /try a name they used before.*ask the person for their NHS number/);
    assert.equal(qaElement(nobody.body, 'choose-form'), null);
    const slip = await officer.post('/subject-access/new/search', { name: 'Sarah Hart', ...dateFields('dateOfBirth', '1994-02-30'), postcode: 'not a postcode' });
    assert.equal(slip.statusCode, 422);
    assert.deepEqual(summaryErrors(slip.body), ['#dateOfBirth-day: Date of birth must be a real date', '#postcode: Enter a real postcode, like DE1 2AB, or leave it empty']);
    assert.deepEqual(dateFieldState(slip.body, 'dateOfBirth'), { message: 'Error: Date of birth must be a real date', marked: ['day', 'month', 'year'], typed: ['30', '2', '1994'], describedBy: 'dateOfBirth-hint dateOfBirth-error' });
    assert.match(slip.body, /value="Sarah Hart"/);
    assert.equal((await searches(f.officer.id, 'failure')).length, failedBefore + 1, 'the slip audited');
  });

  it('refuses anyone who is not a data protection officer, audited', async () => {
    const refused = await practitioner.post('/subject-access/new/search', { name: 'Sarah Hart', ...dateFields('dateOfBirth', '1994-03-17'), postcode: '' });
    assert.equal(refused.statusCode, 403);
    assert.doesNotMatch(refused.body, /Rose Hart|Lily Hart/);
    assert.equal((await searches(f.practitioner.id, 'denied')).length, 1);
  });
});
