// The opening of a page test about a case's lead professional, a team member and a manager of their
// organisation who is not on the team (withdrawal, transfer cancellation): a test app with one case,
// each of the three signed in on the pages. The lead is named "Lena Lead".
import { makeCase, makeOrganisation, makeUser } from './factories.ts';
import { createTestApp, type TestApp } from './test-app.ts';
import { WebClient } from './web-client.ts';

export interface CaseWithLeadMemberManager {
  t: TestApp;
  caseId: string;
  lead: WebClient;
  member: WebClient;
  manager: WebClient;
}

export async function caseWithLeadMemberManager(organisationName: string, familyName: string): Promise<CaseWithLeadMemberManager> {
  const t = await createTestApp();
  const org = await makeOrganisation(t.ctx, 'health-visiting', organisationName);
  const leadUser = await makeUser(t.ctx, { organisationId: org.id, name: 'Lena Lead' });
  const memberUser = await makeUser(t.ctx, { organisationId: org.id });
  const managerUser = await makeUser(t.ctx, { organisationId: org.id, role: 'manager' });
  const { id: caseId } = await makeCase(t.ctx, { familyName, teamUserIds: [leadUser.id, memberUser.id] });
  const [lead, member, manager] = await Promise.all([WebClient.signedIn(t.app, leadUser), WebClient.signedIn(t.app, memberUser), WebClient.signedIn(t.app, managerUser)]);
  return { t, caseId, lead, member, manager };
}
