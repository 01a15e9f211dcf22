// Every row of the authorisation matrix at once (rows/*.ts, each feature's, found by listing the
// folder, so a new feature adds its own file and touches no list): the rows held against the app's own
// route table (a new route with a case id and no row fails here), and every case row tried with
// another case's ids (swapped or guessed) and by a caller waiting for the second factor; and the
// single sign-on routes for callers already signed in.
// Runs in one process with its folder: its files share the matrix's requesters (matrix-helpers.ts).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { makeOrganisation, makeUser } from '../helpers/factories.ts';
import { routeOf, routeTable } from '../helpers/route-table.ts';
import { enrolTwoFactor } from '../helpers/two-factor.ts';
import { WebClient } from '../helpers/web-client.ts';
import { person, refused, useMatrix, type Caller, type MatrixRequest, type RouteCase, type RowsModule } from './matrix-helpers.ts';

/** Routes with a case id that are meant for people outside the team, and where they are tested. */
const OUTSIDE_THE_MATRIX: Record<string, string> = {
  'GET /cases/:caseId/emergency-access': 'for anyone outside the team: emergency-access tests',
  'POST /cases/:caseId/emergency-access': 'for anyone outside the team: emergency-access tests',
  'POST /emergency-access/:caseId/:id': 'the safeguarding lead’s review of emergency access: emergency-access tests',
  'GET /cases/:caseId/print/profile.pdf': 'the printable profile’s reading made into a PDF, only where a browser is installed (503 elsewhere): print.test.ts refuses an outsider',
  'GET /cases/:caseId/print/summary.pdf': 'the printable summary’s reading made into a PDF, only where a browser is installed (503 elsewhere): print.test.ts refuses an outsider',
  'GET /cases/:caseId/print/transfer.pdf': 'the printable transfer pack’s reading made into a PDF, only where a browser is installed (503 elsewhere): transfer.test.ts refuses an outsider',
};

const rowsFolder = new URL('./rows/', import.meta.url);
const rowsModules = await Promise.all(
  fs
    .readdirSync(rowsFolder)
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map(async (file) => ({ file, module: (await import(new URL(file, rowsFolder).href)) as Partial<RowsModule> })),
);
/** The case rows of every feature, in the order of their files. */
const ROUTES: RouteCase[] = rowsModules.flatMap(({ module }) => module.rows ?? []);
/** Every request of every row, case rows and the rest. */
const EVERY_REQUEST: MatrixRequest[] = rowsModules.flatMap(({ module }) => [...(module.rows ?? []), ...(module.moreRequests ?? [])]);

/** A caller that sends nothing and notes the method and address of each request a row makes. */
function recordingCaller(noted: { method: string; url: string }[]): Caller {
  const answer = async (method: string, url: string) => {
    noted.push({ method, url });
    return { statusCode: 200, headers: {}, body: '' } as LightMyRequestResponse;
  };
  const web = { get: (url: string) => answer('GET', url), post: (url: string) => answer('POST', url) } as unknown as WebClient;
  return { web, token: '', api: (method, url) => answer(method, `/api/v1${url}`) };
}

describe('authorisation: every route', () => {
  const m = useMatrix();

  it('has a row for every route that takes a case id: a new route without one fails here', async () => {
    assert.ok(rowsModules.length > 0, 'no rows modules found');
    for (const { file, module } of rowsModules) assert.ok(Array.isArray(module.rows) || Array.isArray(module.moreRequests), `${file} exports neither rows nor moreRequests`);
    const names = EVERY_REQUEST.map((row) => row.name);
    assert.deepEqual(names.filter((name, index) => names.indexOf(name) !== index), [], 'each row’s name is its own');
    const routes = routeTable(m.t.app);
    const noted: { method: string; url: string }[] = [];
    const caller = recordingCaller(noted);
    for (const row of EVERY_REQUEST) await row.request(caller, { ...m.target, auditId: 'probe-audit' });
    const reached = new Set(noted.map(({ method, url }) => routeOf(routes, method, url)).map((route) => route && `${route.method} ${route.path}`));
    const caseRoutes = routes.filter((route) => route.path.includes(':caseId')).map((route) => `${route.method} ${route.path}`);
    const missing = caseRoutes.filter((route) => !reached.has(route) && !OUTSIDE_THE_MATRIX[route]);
    assert.deepEqual(missing, []);
  });

  it("never shows another case's person through this case's address (swapped ids)", async () => {
    const lead = m.callers.lead;
    for (const response of [
      await lead.web.get(`/cases/${m.target.caseId}/people/${m.other.personId}`),
      await lead.web.get(`/cases/${m.target.caseId}/people/${m.other.personId}/withdrawal`),
      await lead.api('PUT', `/cases/${m.target.caseId}/people/${m.other.personId}`, { ...person, version: 1 }),
    ]) {
      assert.equal(response.statusCode, 404);
      assert.doesNotMatch(response.body, /Secretperson|Secretfamily/);
    }
  });

  it('refuses, without a trace of its data, a case the caller is not in, whatever the route (guessed ids)', async () => {
    const lead = m.callers.lead;
    for (const route of ROUTES) {
      const response = await route.request(lead, m.other);
      assert.ok(refused(response), `${route.name}: ${String(response.statusCode)}`);
      assert.doesNotMatch(response.body, /Secretperson|Secretfamily/, route.name);
    }
    for (const route of ROUTES) {
      const response = await route.request(lead, { caseId: randomUUID(), personId: randomUUID() });
      assert.equal(response.statusCode, 404, route.name);
    }
  });

  it('refuses every case page to a team member past the password but waiting for the second factor: sent to sign in, nothing of the record, no row changed', async () => {
    const { t, target } = m;
    const waiting = await makeUser(t.ctx, { role: 'practitioner', organisationId: (await makeOrganisation(t.ctx, 'gp')).id });
    await t.ctx.db.insertInto('case_team').values({ case_id: target.caseId, user_id: waiting.id, role: 'member', added_at: t.clock.now(), added_by: null }).execute();
    await enrolTwoFactor(t.ctx, waiting);
    const web = new WebClient(t.app);
    assert.equal((await web.signIn(waiting.email, waiting.password)).headers.location, '/sign-in/two-factor');
    const rowsBefore = await m.watchedRows();
    const caller: Caller = { web, token: '', api: (method, url, payload) => t.app.inject({ method, url: `/api/v1${url}`, headers: { cookie: web.cookieHeader }, ...(payload ? { payload } : {}) }) };
    for (const route of ROUTES) {
      const response = await route.request(caller, target);
      const toSignIn = response.statusCode === 303 && String(response.headers.location).startsWith('/sign-in');
      assert.ok(toSignIn || response.statusCode === 401 || response.statusCode === 403, `${route.name}: ${String(response.statusCode)}`);
      assert.doesNotMatch(response.body, /Visible|Target/, route.name);
    }
    assert.deepEqual(await m.watchedRows(), rowsBefore, 'nothing changed');
  });

  it('single sign-on routes (POST /sign-in/oidc/:provider, GET …/callback; no case id, open to the signed-out): a signed-in caller stays themselves, and an answer with no sign-in started signs nobody in', async () => {
    for (const subject of ['lead', 'member'] as const) {
      const caller = m.callers[subject];
      await caller.web.get('/');
      const start = await caller.web.post('/sign-in/oidc/entra', { returnTo: '/alerts' });
      assert.equal(start.statusCode, 303);
      assert.equal(start.headers.location, '/alerts');
      const callback = await caller.web.get('/sign-in/oidc/entra/callback?code=probe&state=probe');
      assert.equal(callback.statusCode, 404, 'no provider of that id here');
      const home = await caller.web.get('/');
      assert.equal(home.statusCode, 200, 'still signed in as before');
    }
  });
});
