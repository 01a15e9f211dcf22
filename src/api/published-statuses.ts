// Every API reply's status is one its operation publishes (docs/domain.md: every operation publishes
// its request and response schemas exactly). The reply's body is checked against the schema of its
// status (response-serialization.ts); this checks the status itself, which Fastify would otherwise
// send unchecked when the route's `schema.response` does not list it: exactly, by a range (`4xx`)
// or by `default`. A request that made a change a case closed for transfer refuses must publish that
// refusal's 409 too, whether or not its case was closed (application/cases/case-closed-for-transfer.ts).
// Tests turn it on (buildApp's checkReplies): a reply that breaks it becomes a 500 naming the method,
// the route and the status, and the test process says so on its standard error and ends failed, so a
// test that never looks at the status still fails.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { REFUSED_WHEN_CLOSED } from '../application/cases/case-closed-for-transfer.ts';
import { requestNoted } from '../infrastructure/process/request-scope.ts';

/** Whether `responses` (a route's `schema.response`) publishes `status`. */
export function publishesStatus(responses: Record<string, unknown>, status: number): boolean {
  const code = String(status);
  return code in responses || `${code[0]!}xx` in responses || `${code[0]!}XX` in responses || 'default' in responses;
}

/** An operation of the OpenAPI document (tagged, not hidden), or any route that publishes its replies. */
function isChecked(schema: FastifyRequest['routeOptions']['schema']): boolean {
  if (!schema || schema.hide === true) return false;
  return 'response' in schema || (Array.isArray(schema.tags) && schema.tags.length > 0);
}

/**
 * What is wrong with this reply's status, or null: decided once for each route, status and whether
 * the request could be refused as closed for transfer, and kept with the route's response schemas.
 */
const decided = new WeakMap<object, Map<string, string | null>>();
const NO_RESPONSES = {};

function problemWith(request: FastifyRequest, status: number): string | null {
  const { schema, url } = request.routeOptions;
  const responses = (schema?.response ?? NO_RESPONSES) as Record<string, unknown>;
  const closable = requestNoted(REFUSED_WHEN_CLOSED);
  const key = `${url ?? ''} ${request.method} ${String(status)} ${String(closable)}`;
  let byKey = decided.get(responses);
  if (!byKey) decided.set(responses, (byKey = new Map<string, string | null>()));
  if (byKey.has(key)) return byKey.get(key)!;
  const operation = `${request.method} ${url ?? ''}`;
  let problem: string | null = null;
  if (responses === NO_RESPONSES) problem = `${operation} answered ${String(status)} but publishes no responses (schema.response)`;
  else if (!publishesStatus(responses, status)) problem = `${operation} answered ${String(status)}, a status its schema.response does not publish`;
  else if (closable && !publishesStatus(responses, 409)) problem = `${operation} makes a change that a case closed for transfer refuses with 409 closed-for-transfer, a status its schema.response does not publish`;
  byKey.set(key, problem);
  return problem;
}

/** What becomes of each reply that breaks the rule, besides its 500: the test process is failed, whatever its tests looked at. */
export type UnpublishedStatusHandler = (problem: string) => void;

const failTheTestProcess: UnpublishedStatusHandler = (problem) => {
  process.stderr.write(`Unpublished API reply status: ${problem}\n`);
  process.exitCode = 1;
};

export const publishedStatuses = fp(async (app: FastifyInstance, options: { onUnpublished?: UnpublishedStatusHandler }) => {
  const told = new Set<string>();
  const onUnpublished = options.onUnpublished ?? failTheTestProcess;
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (!isChecked(request.routeOptions.schema)) return payload;
    const problem = problemWith(request, reply.statusCode);
    if (problem === null) return payload;
    if (!told.has(problem)) {
      told.add(problem);
      onUnpublished(problem);
    }
    void reply.code(500).type('application/json; charset=utf-8');
    return JSON.stringify({ error: { code: 'unpublished-status', message: problem, details: [] } });
  });
});
