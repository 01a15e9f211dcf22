// The authorisation matrix's shared part (test/authorization/*.test.ts): who the requesters are, what
// each may do, the fixture (the app and a signed-in user of each kind, shared by the files one process
// runs, and two cases each file makes for itself: the requesters' target and one they must never see)
// and the tests of one row. Each feature keeps its rows in rows/<feature>.ts and
// its tests in <feature>.test.ts, so that engineers adding routes to different features touch
// different files; all-routes.test.ts reads every rows module (by listing rows/) to hold the rows
// against the app's route table (a new route with a case id and no row fails it) and to try every row
// with swapped, guessed and half-signed-in callers.
import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/domain/shared/roles.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from '../helpers/factories.ts';
import { perProcess } from '../helpers/per-process.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { rowCounts } from '../helpers/row-counts.ts';
import { WebClient } from '../helpers/web-client.ts';

/** `hold`: set or lift a legal hold on the case: a safeguarding lead or manager who may change it (domain/retention/legal-holds.ts). */
/** `propose-withdrawal`: the lead professional only; `confirm-withdrawal`: a safeguarding lead or manager who may change it (domain/withdrawal/withdrawal-rules.ts). */
/** `transfer`: close the case for transfer and record the receipt: the lead professional only (domain/transfer/transfer-rules.ts). */
/** `cancel-transfer`: the lead professional, or a manager or safeguarding lead of the sending organisation (domain/transfer/cancel-transfer.ts). */
export type Need = 'read' | 'change' | 'manage' | 'hold' | 'propose-withdrawal' | 'confirm-withdrawal' | 'transfer' | 'cancel-transfer';
export type Subject = 'lead' | 'member' | 'oversightLead' | 'oversightManager' | 'otherOrgLead' | 'otherOrgManager' | 'sameOrgPractitioner' | 'otherOrgFeed' | 'admin' | 'breakGlass';

/** What each kind of requester may do, as domain/access/case-access.ts decides it. */
export const ALLOWED: Record<Subject, Need[]> = {
  lead: ['read', 'change', 'manage', 'propose-withdrawal', 'transfer', 'cancel-transfer'],
  member: ['read', 'change'],
  oversightLead: ['read', 'change', 'manage', 'hold', 'confirm-withdrawal', 'cancel-transfer'],
  oversightManager: ['read', 'change', 'manage', 'hold', 'confirm-withdrawal', 'cancel-transfer'],
  otherOrgLead: [],
  otherOrgManager: [],
  sameOrgPractitioner: [],
  otherOrgFeed: [],
  admin: [],
  breakGlass: ['read'],
};

/** Every kind of requester, in the order each row tries them. */
export const SUBJECTS = Object.keys(ALLOWED) as Subject[];

export interface Ids {
  caseId: string;
  personId: string;
}

export interface Caller {
  web: WebClient;
  token: string;
  api(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, payload?: object): Promise<LightMyRequestResponse>;
}

/** A row of a case route: allowed to those whose ALLOWED holds its need, refused (403, audited, no row changed) to the rest. */
export interface RouteCase {
  name: string;
  need: Need;
  request(client: Caller, ids: Ids): Promise<LightMyRequestResponse>;
}

/** A request of a row outside RouteCase's model (its own allowed list or ids); all-routes.test.ts still holds it against the route table. */
export interface MatrixRequest {
  name: string;
  request(client: Caller, ids: Ids & { auditId: string }): Promise<LightMyRequestResponse>;
}

/** What a rows module (rows/<feature>.ts) exports. */
export interface RowsModule {
  rows: RouteCase[];
  moreRequests?: MatrixRequest[];
}

export const person = { relationshipToInfant: 'friend', livesInHousehold: false, caresForInfant: false, givenName: 'Probe', familyName: 'Person' };
export const personForm = { relationshipToInfant: 'friend', identityKnown: 'yes', givenName: 'Probe', familyName: 'Person', livesInHousehold: 'no', caresForInfant: 'no', visitsRegularly: 'no' };

/**
 * Refused: 403, or the API's answer to a case the caller may not see at all, which is its answer to a
 * case there is not (404 not-found, "There is no case with this id.": docs/adr/0024-refused-requests-audited.md).
 */
export function refused(response: LightMyRequestResponse): boolean {
  if (response.statusCode === 403) return true;
  return response.statusCode === 404 && /json/.test(String(response.headers['content-type'])) && response.body.includes('There is no case with this id.');
}

/** The fixture, filled in by the before() that useMatrix registers. */
export interface Matrix {
  t: TestApp;
  /** The case whose team holds lead and member (person 'person-a', named Visible, family Target). */
  target: Ids;
  /** A case of another organisation's team (person 'person-b', Secretperson, family Secretfamily). */
  other: Ids;
  callers: Record<Subject, Caller & { userId: string }>;
  /** The tables a refused request must leave alone: the shared list, the plan's versions, the meetings and the rest. */
  watchedRows(): Promise<Record<string, number>>;
  /** How many refusals the audit trail holds for this user. */
  deniedAudits(userId: string): Promise<number>;
}

/** What the files of one process share (perProcess): the app, its organisations and a signed-in caller of each Subject. */
interface Requesters {
  t: TestApp;
  callers: Matrix['callers'];
}

/**
 * The app, the organisations (health visiting, a GP practice, police), and a user of each Subject
 * signed in on the web and holding an API token: about 2 s of CPU, built once for the matrix files
 * that one process runs (perProcess), not once a file.
 */
const requesters = perProcess<Requesters>(async () => {
  const t = await createTestApp();
  const health = await makeOrganisation(t.ctx, 'health-visiting');
  const gp = await makeOrganisation(t.ctx, 'gp');
  const police = await makeOrganisation(t.ctx, 'police');
  const make = (role: Role, organisationId: string) => makeUser(t.ctx, { role, organisationId });
  const users = {
    lead: await make('practitioner', health.id),
    member: await make('practitioner', gp.id),
    oversightLead: await make('safeguarding-lead', gp.id),
    oversightManager: await make('manager', health.id),
    otherOrgLead: await make('safeguarding-lead', police.id),
    otherOrgManager: await make('manager', police.id),
    // An agency system's token, which may only add chronology entries.
    otherOrgFeed: await make('practitioner', police.id),
    sameOrgPractitioner: await make('practitioner', health.id),
    admin: await make('admin', health.id),
    breakGlass: await make('practitioner', police.id),
  } satisfies Record<Subject, unknown>;
  const callers = {} as Matrix['callers'];
  for (const [subject, user] of Object.entries(users) as [Subject, (typeof users)[Subject]][]) {
    const web = await WebClient.signedIn(t.app, user);
    const token = await apiTokenFor(t.ctx, user.email, subject === 'otherOrgFeed' ? ['feed'] : undefined);
    callers[subject] = {
      userId: user.id,
      web,
      token,
      api: (method, url, payload) => t.app.inject({ method, url: `/api/v1${url}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) }),
    };
  }
  return { t, callers };
}, async ({ t }) => t.close());

/**
 * Registers the before() that takes the process's requesters (the app and a signed-in user of each
 * Subject, shared by the matrix files of one process) and makes this file's own two cases: the target
 * case (lead and member on its team, breakGlass with emergency access to it) and the other case; and
 * the after() that lets the requesters go. Every file has cases of its own, so what one file's allowed
 * requests change on a case no other file sees. Call it inside the file's describe.
 */
export function useMatrix(): Matrix {
  const matrix = {} as Matrix;
  before(async () => {
    const { t, callers } = await requesters.acquire();
    matrix.t = t;
    matrix.callers = callers;
    const caseA = await makeCase(t.ctx, { familyName: 'Target', teamUserIds: [callers.lead.userId, callers.member.userId] });
    const caseB = await makeCase(t.ctx, { familyName: 'Secretfamily', teamUserIds: [callers.otherOrgLead.userId] });
    const now = t.ctx.clock.now();
    for (const [caseId, personId, name] of [[caseA.id, 'person-a', 'Visible'], [caseB.id, 'person-b', 'Secretperson']] as const) {
      await makePerson(t.ctx, caseId, { id: personId, given_name: name, family_name: 'X' });
    }
    matrix.target = { caseId: caseA.id, personId: 'person-a' };
    matrix.other = { caseId: caseB.id, personId: 'person-b' };
    await t.ctx.db.insertInto('break_glass_access').values({ case_id: caseA.id, id: 'bg', user_id: callers.breakGlass.userId, reason: 'test emergency access', started_at: now, expires_at: new Date(now.getTime() + 3_600_000) }).execute();
  });
  after(() => requesters.release());

  const count = async (table: 'case_plans' | 'case_meetings' | 'case_supervisions' | 'case_consents' | 'growth_measurements') =>
    Number((await matrix.t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
  matrix.watchedRows = async () => ({
    ...(await rowCounts(matrix.t.ctx.db)),
    case_plans: await count('case_plans'),
    case_meetings: await count('case_meetings'),
    case_supervisions: await count('case_supervisions'),
    case_consents: await count('case_consents'),
    growth_measurements: await count('growth_measurements'),
  });
  matrix.deniedAudits = async (userId) =>
    Number((await matrix.t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('actor_user_id', '=', userId).where('outcome', '=', 'denied').executeTakeFirstOrThrow()).n);
  return matrix;
}

/** One test per row and requester: allowed (neither 403 nor a 5xx) or refused (403 showing nothing of the record, audited, no row changed). */
export function caseRouteTests(matrix: Matrix, rows: readonly RouteCase[]): void {
  for (const route of rows) {
    for (const subject of SUBJECTS) {
      const allowed = ALLOWED[subject].includes(route.need);
      it(`${route.name}: ${allowed ? 'allows' : 'refuses'} ${subject}`, async () => {
        const caller = matrix.callers[subject];
        await caller.web.get('/');
        const before = await matrix.deniedAudits(caller.userId);
        const rowsBefore = await matrix.watchedRows();
        const response = await route.request(caller, matrix.target);
        if (allowed) {
          assert.ok(!refused(response) && response.statusCode < 500, `${response.statusCode}: ${response.body.slice(0, 200)}`);
        } else {
          assert.ok(refused(response), `expected 403, got ${response.statusCode}`);
          assert.doesNotMatch(response.body, /Visible|Target/, 'a refusal shows nothing of the record');
          assert.equal(await matrix.deniedAudits(caller.userId), before + 1, 'the refusal is audited');
          assert.deepEqual(await matrix.watchedRows(), rowsBefore, 'a refusal changes no row');
        }
      });
    }
  }
}
