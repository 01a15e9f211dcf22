// Every page under /cases/:caseId, read from the app's own route table (so a new page is walked too),
// opened and posted to by someone outside the team around the baby: the same refusal page on each
// (you are not in the team, whom to ask, the way to open the record in an emergency; an administrator
// is told their role gives no access instead), and exactly one audit entry, denied, under the action
// refused: the form's own action for a form's page and its post, the reading's for a page that reads.
// Someone signed out is sent to sign in from each, and nothing is audited.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makePerson, makeUser } from './helpers/factories.ts';
import { routeTable, type RouteEntry } from './helpers/route-table.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

/** The action each refusal is audited under, by route. A new case page needs its line here. */
const REFUSED_AS: Record<string, string> = {
  'GET /cases/:caseId': 'case.view',
  'GET /cases/:caseId/team': 'team.view',
  'POST /cases/:caseId/team': 'team.add',
  'GET /cases/:caseId/transfer': 'case.transfer-view',
  'POST /cases/:caseId/transfer': 'case.transfer',
  'POST /cases/:caseId/transfer/cancellation': 'case.transfer-cancel',
  'POST /cases/:caseId/transfer/receipt': 'case.transfer-receipt',
  'GET /cases/:caseId/looks': 'case.audit-view',
  'POST /cases/:caseId/level-proposals/:proposalId/decision': 'case.level-proposal-decision',
  'GET /cases/:caseId/people/new': 'person.add',
  'POST /cases/:caseId/people/new': 'person.add',
  'GET /cases/:caseId/people/:personId': 'person.update',
  'POST /cases/:caseId/people/:personId': 'person.update',
  'GET /cases/:caseId/people/:personId/withdrawal': 'person.withdrawal-view',
  'POST /cases/:caseId/people/:personId/withdrawal': 'person.withdrawal-propose',
  'POST /cases/:caseId/people/:personId/withdrawal/confirm': 'person.withdrawal-confirm',
  'GET /cases/:caseId/proposed-people': 'person.proposals-view',
  'POST /cases/:caseId/proposed-people/:proposalId': 'person.proposal-decide',
  'GET /cases/:caseId/profile': 'profile.view',
  'GET /cases/:caseId/profile/stress': 'profile.view',
  'GET /cases/:caseId/profile/history': 'profile.history-view',
  'GET /cases/:caseId/profile/history/compare': 'profile.history-view',
  'GET /cases/:caseId/profile/review': 'profile.view',
  'POST /cases/:caseId/profile/review': 'profile.review',
  'GET /cases/:caseId/profile/decision': 'profile.decision',
  'POST /cases/:caseId/profile/decision': 'profile.decision',
  'GET /cases/:caseId/profile/decisions/:decisionId/confirmation': 'profile.decision-confirmation',
  'POST /cases/:caseId/profile/decisions/:decisionId/confirmation': 'profile.decision-confirmation',
  'GET /cases/:caseId/profile/level': 'case.level-change',
  'POST /cases/:caseId/profile/level': 'case.level-change',
  'GET /cases/:caseId/profile/level/propose': 'case.level-proposal',
  'POST /cases/:caseId/profile/level/propose': 'case.level-proposal',
  'GET /cases/:caseId/profile/:subjectKey/all-factors': 'profile.subject-assess',
  'POST /cases/:caseId/profile/:subjectKey/all-factors': 'profile.subject-assess',
  // The factor's page is read-only under emergency access: a reading.
  'GET /cases/:caseId/profile/:subjectKey/:factorId': 'profile.view',
  'POST /cases/:caseId/profile/:subjectKey/:factorId': 'profile.factor-update',
  'GET /cases/:caseId/print/profile': 'case.view',
  'GET /cases/:caseId/print/profile.pdf': 'case.view',
  'GET /cases/:caseId/print/summary': 'case.view',
  'GET /cases/:caseId/print/summary.pdf': 'case.view',
  'GET /cases/:caseId/print/transfer': 'case.view',
  'GET /cases/:caseId/print/transfer.pdf': 'case.view',
  'GET /cases/:caseId/plan': 'plan.view',
  'GET /cases/:caseId/plan/edit': 'plan.update',
  'POST /cases/:caseId/plan/edit': 'plan.update',
  'GET /cases/:caseId/relationships/new': 'relationship.add',
  'POST /cases/:caseId/relationships/new': 'relationship.add',
  'GET /cases/:caseId/household-children': 'case.household-children',
  'POST /cases/:caseId/household-children': 'case.household-children',
  'GET /cases/:caseId/details': 'case.details-update',
  'POST /cases/:caseId/details': 'case.details-update',
  'GET /cases/:caseId/discharge-plan': 'discharge-plan.list',
  'POST /cases/:caseId/discharge-plan': 'discharge-plan.record',
  'GET /cases/:caseId/address': 'case.address-reveal',
  'GET /cases/:caseId/withdrawal': 'case.withdrawal-view',
  'POST /cases/:caseId/withdrawal': 'case.withdrawal-propose',
  'POST /cases/:caseId/withdrawal/confirm': 'case.withdrawal-confirm',
  'GET /cases/:caseId/meetings': 'meeting.list',
  'GET /cases/:caseId/meetings/new': 'meeting.record',
  'POST /cases/:caseId/meetings/new': 'meeting.record',
  'GET /cases/:caseId/supervision': 'supervision.list',
  'GET /cases/:caseId/supervision/new': 'supervision.record',
  'POST /cases/:caseId/supervision/new': 'supervision.record',
  'GET /cases/:caseId/supervision/:supervisionId': 'supervision.view',
  'GET /cases/:caseId/consent': 'consent.list',
  'GET /cases/:caseId/consent/consent': 'consent.record',
  'POST /cases/:caseId/consent/consent': 'consent.record',
  'GET /cases/:caseId/consent/withdrawal': 'consent.record',
  'POST /cases/:caseId/consent/withdrawal': 'consent.record',
  'GET /cases/:caseId/consent/sharing': 'information-sharing.record',
  'POST /cases/:caseId/consent/sharing': 'information-sharing.record',
  'GET /cases/:caseId/consent/gp-told': 'chronology.record',
  'POST /cases/:caseId/consent/gp-told': 'chronology.record',
  'GET /cases/:caseId/contacts/new': 'chronology.contact',
  'POST /cases/:caseId/contacts/new': 'chronology.contact',
  'GET /cases/:caseId/contacts/:entryId': 'chronology.view',
  'GET /cases/:caseId/chronology': 'chronology.view',
  'GET /cases/:caseId/chronology.csv': 'chronology.export',
  'GET /cases/:caseId/chronology/print': 'chronology.export',
  'GET /cases/:caseId/chronology/new': 'chronology.record',
  'POST /cases/:caseId/chronology/new': 'chronology.record',
  'GET /cases/:caseId/chronology/timeline': 'chronology.view',
  'GET /cases/:caseId/chronology/:entryId': 'chronology.view',
  'GET /cases/:caseId/chronology/:entryId/correct': 'chronology.record',
  'POST /cases/:caseId/chronology/:entryId/correct': 'chronology.record',
  'GET /cases/:caseId/chronology/:entryId/dispute': 'chronology.dispute',
  'POST /cases/:caseId/chronology/:entryId/dispute': 'chronology.dispute',
  'GET /cases/:caseId/holds': 'legal-hold.list',
  'POST /cases/:caseId/holds': 'legal-hold.place',
  'POST /cases/:caseId/holds/:holdId/lift': 'legal-hold.lift',
  'GET /cases/:caseId/growth': 'growth.list',
  'POST /cases/:caseId/growth': 'growth.record',
  'GET /cases/:caseId/birth': 'case.birth-recorded',
  'POST /cases/:caseId/birth': 'case.birth-recorded',
  'GET /cases/:caseId/birth-details': 'case.birth-details-corrected',
  'POST /cases/:caseId/birth-details': 'case.birth-details-corrected',
};

/** Pages for people outside the team: opening the record in an emergency (emergency-access tests; refused to an administrator below). */
const FOR_OUTSIDERS = ['GET /cases/:caseId/emergency-access', 'POST /cases/:caseId/emergency-access'];

describe('every page of a case, refused to someone outside its team', () => {
  let t: TestApp;
  let caseId: string;
  let personId: string;
  let routes: RouteEntry[];
  const users = {} as Record<'outsider' | 'admin' | 'emergency', WebClient>;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Walk Health Visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    const lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Lena Lead' });
    caseId = (await makeCase(t.ctx, { familyName: 'Walkfamily', teamUserIds: [lead.id] })).id;
    personId = (await makePerson(t.ctx, caseId, { given_name: 'Walkmother' })).id;
    users.outsider = await WebClient.signedIn(t.app, await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: police.id }));
    users.admin = await WebClient.signedIn(t.app, await makeUser(t.ctx, { role: 'admin', organisationId: health.id }));
    const emergency = await makeUser(t.ctx, { organisationId: police.id });
    const now = t.clock.now();
    await t.ctx.db.insertInto('break_glass_access').values({ case_id: caseId, id: randomUUID(), user_id: emergency.id, reason: 'walk test emergency', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();
    users.emergency = await WebClient.signedIn(t.app, emergency);
    routes = routeTable(t.app).filter((route) => route.path.startsWith('/cases/:caseId') && (route.method === 'GET' || route.method === 'POST'));
  });
  after(() => t.close());

  const address = (path: string) => path.replace(':caseId', caseId).replace(':personId', personId).replace(/:\w+/g, () => randomUUID());
  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const auditSince = (seq: string | number | bigint) => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'case_id']).where('seq', '>', String(seq)).orderBy('seq').execute();

  async function walk(web: WebClient, route: RouteEntry) {
    await web.get('/');
    const before = await lastSeq();
    const response = route.method === 'GET' ? await web.get(address(route.path)) : await web.post(address(route.path), {});
    return { response, audit: await auditSince(before) };
  }

  it('names the action of each case page’s refusal: a new page needs its line in REFUSED_AS', () => {
    const named = new Set([...Object.keys(REFUSED_AS), ...FOR_OUTSIDERS]);
    assert.deepEqual(routes.map((route) => `${route.method} ${route.path}`).filter((route) => !named.has(route)), []);
  });

  it('answers each with the not-in-the-team page, whom to ask and the emergency offer, audited once under the action refused', async () => {
    const wrong: string[] = [];
    for (const route of routes.filter((route) => !FOR_OUTSIDERS.includes(`${route.method} ${route.path}`))) {
      const name = `${route.method} ${route.path}`;
      const { response, audit } = await walk(users.outsider, route);
      assert.equal(response.statusCode, 403, name);
      assert.match(response.body, /You are not in the team around this baby/, name);
      assert.match(response.body, /data-qa="case-contact">[^<]*Lena Lead, Walk Health Visiting/, name);
      assert.match(response.body, new RegExp(`data-qa="emergency-offer">[^]*?href="/cases/${caseId}/emergency-access"`), name);
      assert.doesNotMatch(response.body, /Walkfamily|Walkmother/, name);
      const got = audit.map((entry) => `${entry.action}/${entry.outcome}/${entry.case_id === caseId ? 'case' : String(entry.case_id)}`).join(', ');
      if (got !== `${REFUSED_AS[name]}/denied/case`) wrong.push(`${name}: ${got}`);
    }
    assert.deepEqual(wrong, [], 'each refusal audited once, denied, on the case, under its action');
  });

  it('tells an administrator their role gives no access, offers no emergency access, and refuses it if asked for (audited as case.break-glass)', async () => {
    for (const route of routes) {
      const name = `${route.method} ${route.path}`;
      const { response, audit } = await walk(users.admin, route);
      assert.equal(response.statusCode, 403, name);
      assert.match(response.body, /You are not in the team around this baby/, name);
      assert.match(response.body, /data-qa="no-emergency-access"/, name);
      assert.doesNotMatch(response.body, /emergency-offer|Walkfamily|Walkmother/, name);
      const action = FOR_OUTSIDERS.includes(name) ? 'case.break-glass' : REFUSED_AS[name];
      assert.deepEqual(audit.map((entry) => [entry.action, entry.outcome]), [[action, 'denied']], name);
    }
    assert.deepEqual(await t.ctx.db.selectFrom('break_glass_access').select('reason').execute(), [{ reason: 'walk test emergency' }], 'no emergency access opened');
  });

  it('sends someone signed out to sign in from every page, with that page to come back to, auditing nothing', async () => {
    const signedOut = new WebClient(t.app);
    await signedOut.get('/sign-in');
    for (const route of routes) {
      const before = await lastSeq();
      const url = address(route.path);
      const response = route.method === 'GET' ? await signedOut.get(url) : await signedOut.post(url, {});
      assert.equal(response.statusCode, 303, `${route.method} ${route.path}`);
      assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(url)}`, `${route.method} ${route.path}`);
      assert.deepEqual(await auditSince(before), [], `${route.method} ${route.path}`);
    }
  });

  it('tells someone reading the record in an emergency that it lets them read, not change, and whom to ask', async () => {
    const { response, audit } = await walk(users.emergency, { method: 'GET', path: '/cases/:caseId/contacts/new' });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /Your access to this record does not allow this/);
    assert.match(response.body, /You opened this record in an emergency: you can read it, not change it/);
    assert.match(response.body, /data-qa="case-contact">To ask for this, contact the lead professional: Lena Lead/);
    assert.doesNotMatch(response.body, /emergency-offer|no-emergency-access/);
    assert.deepEqual(audit.map((entry) => [entry.action, entry.outcome]), [['chronology.contact', 'denied']]);
  });
});
