// The set-up the case API tests share (the plan's, the meetings'): named users with API tokens, a case
// whose team holds some of them, a call as one of them under /api/v1/cases/{caseId}/, and the audit
// trail's refusals of one user.
import type { LightMyRequestResponse } from 'fastify';
import type { TokenScope } from '../../src/domain/shared/token-scopes.ts';
import { apiTokenFor, makeCase, makeUser } from './factories.ts';
import type { TestApp } from './test-app.ts';

/** The API's error shape. */
export interface ApiErrorBody {
  error: { code: string; message: string; details: { path: string; message: string }[] };
}

export interface ApiUser {
  /** Named `Api <name>`; in the case's team unless `inTeam` is false. */
  name: string;
  inTeam?: boolean;
  scopes?: TokenScope[];
  organisationId?: string;
}

export interface CaseApi {
  caseId: string;
  /** User ids and tokens by name. */
  users: Record<string, string>;
  tokens: Record<string, string>;
  /** A request as `who` to /api/v1/cases/{id}/{path} (the case made, unless another id is given). */
  call: (who: string, method: 'GET' | 'POST' | 'PUT', path: string, payload?: object, id?: string) => Promise<LightMyRequestResponse>;
  /** The actions refused to `who`, as the audit trail holds them. */
  deniedFor: (who: string) => Promise<string[]>;
}

export async function caseApi(t: TestApp, people: readonly ApiUser[]): Promise<CaseApi> {
  const users: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  for (const person of people) {
    const user = await makeUser(t.ctx, { name: `Api ${person.name}`, ...(person.organisationId ? { organisationId: person.organisationId } : {}) });
    users[person.name] = user.id;
    tokens[person.name] = await apiTokenFor(t.ctx, user.email, person.scopes);
  }
  const { id: caseId } = await makeCase(t.ctx, { teamUserIds: people.filter((person) => person.inTeam !== false).map((person) => users[person.name]!) });
  return {
    caseId,
    users,
    tokens,
    call: (who, method, path, payload, id = caseId) =>
      t.app.inject({ method, url: `/api/v1/cases/${id}/${path}`, headers: { authorization: `Bearer ${tokens[who]}` }, ...(payload ? { payload } : {}) }),
    deniedFor: async (who) =>
      (await t.ctx.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', users[who]!).where('outcome', '=', 'denied').execute()).map((row) => row.action),
  };
}
