// The person form's date of birth is the shared dateField (find-record/macros.njk): a date the form
// cannot read is blamed on the part that is wrong (readDateInput), and the field shows that message
// and marks its parts whichever part it is, not only when it is the day.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

const person = {
  relationshipToInfant: 'father',
  identityKnown: 'yes',
  givenName: 'Daniel',
  familyName: 'Mensah',
  sex: 'male',
  livesInHousehold: 'no',
  caresForInfant: 'yes',
  visitsRegularly: 'yes',
  parentalResponsibility: 'yes',
  paternityConfirmed: 'not-known',
};

describe("a person's date of birth in error", () => {
  let t: TestApp;
  let client: WebClient;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const member = await makeUser(t.ctx);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [member.id] }));
    client = await WebClient.signedIn(t.app, member);
  });
  after(async () => t.close());

  const cases = [
    { sent: { 'dateOfBirth-day': '3', 'dateOfBirth-month': '', 'dateOfBirth-year': '1997' }, message: 'Date of birth must include a month' },
    { sent: { 'dateOfBirth-day': '3', 'dateOfBirth-month': '4', 'dateOfBirth-year': '97' }, message: 'Year must include 4 numbers' },
  ];
  for (const { sent, message } of cases) {
    it(`shows "${message}" at the date, its fieldset described by it and its parts marked`, async () => {
      await client.get(`/cases/${caseId}/people/new`);
      const response = await client.post(`/cases/${caseId}/people/new`, { ...person, ...sent });
      assert.equal(response.statusCode, 400);
      assert.match(response.body, new RegExp(`<p id="dateOfBirth-error" class="govuk-error-message">\\s*<span class="govuk-visually-hidden">Error:</span> ${message}\\s*</p>`));
      assert.match(response.body, /<fieldset class="govuk-fieldset" role="group" aria-describedby="dateOfBirth-hint dateOfBirth-error">/);
      for (const part of ['day', 'month', 'year']) assert.match(response.body, new RegExp(`class="[^"]*govuk-input--error[^"]*" id="dateOfBirth-${part}"`));
    });
  }
});
