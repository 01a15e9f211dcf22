// The household-children page (docs/domain.md, "Another child under two at home") is reached from the
// profile's row for the factor and from the people on the record.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

describe('links to the other children living with the baby', () => {
  let t: TestApp;
  let member: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    member = await makeUser(t.ctx);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [member.id] }));
  });
  after(async () => t.close());

  it("links the profile's another-child-under-two row to the page, saying where it comes from", async () => {
    const client = await WebClient.signedIn(t.app, member);
    const page = await client.get(`/cases/${caseId}/profile`);
    assert.equal(page.statusCode, 200);
    const row = new RegExp(`<a class="govuk-link govuk-task-list__link" href="/cases/${caseId}/household-children"[^>]*>[^<]*</a>[\\s\\S]{0,400}?From the people recorded and who lives with the baby`);
    assert.match(page.body, row);
    assert.doesNotMatch(page.body, new RegExp(`/profile/infant/sibling-under-two"`));
  });

  it('links the people on the record to the page', async () => {
    const client = await WebClient.signedIn(t.app, member);
    const page = await client.get(`/cases/${caseId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<a class="govuk-link" href="/cases/${caseId}/household-children" data-qa="household-children">Say who the other children living with the baby are</a>`));
  });
});
