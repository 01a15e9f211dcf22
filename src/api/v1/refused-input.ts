// A request whose address, query or body is not of its operation's shape, or holds text no database
// can store, is refused after the token check, not before it, so that the refusal is audited with its
// caller (docs/adr/0024-refused-requests-audited.md): every operation behind requireBearer takes its
// schema's verdict as request.validationError (attachValidation), the input guard leaves its text to
// this file, and refuseInvalidInput, right after the token check, records the refusal and answers it
// as before: the input guard's answer for text, or the schema's error thrown on to the route's error
// handler (the API's 400 validation-failed, or a FHIR route's OperationOutcome). A request without a
// valid token is answered 401 and never audited: the request metrics count it by route and status.
import type { FastifyError, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { actorFor } from '../../application/auth/signed-in-user.ts';
import { recordRefusedRequest, type RefusedField } from '../../application/audit/record-refused-request.ts';
import type { InputProblem } from '../api-error.ts';
import { refuseInput, unstorableInput } from '../input-refusal.ts';
import { requireBearer } from './bearer-auth.ts';
import { caseIdInAddress } from './case-in-address.ts';

type SchemaError = NonNullable<FastifyError['validation']>[number];

const PARTS: Record<string, RefusedField['part']> = { params: 'params', querystring: 'query', body: 'body' };

/** What each step into the request matched in the schema: a field it names, an array position, or a key the caller chose. */
type Step = { name: string } | 'position' | 'key';

/** The schema keywords that step into the request, and whether the next token of the path is theirs (a field's name, a pattern). */
const STEPS: Record<string, { step: 'name'; named: true } | { step: 'position' | 'key'; named: boolean } | undefined> = {
  properties: { step: 'name', named: true },
  items: { step: 'position', named: false },
  prefixItems: { step: 'position', named: true },
  additionalProperties: { step: 'key', named: false },
  patternProperties: { step: 'key', named: true },
  additionalItems: { step: 'position', named: false },
  unevaluatedItems: { step: 'position', named: false },
  unevaluatedProperties: { step: 'key', named: false },
};

/** A JSON pointer's token as the name it stands for (RFC 6901). */
const unescaped = (token: string) => token.replace(/~1/g, '/').replace(/~0/g, '~');

/**
 * The steps into the request that the error's schema path took, last ones last: `properties/<name>`
 * a named field, `items` (`prefixItems/<n>`, `additionalItems`, `unevaluatedItems`) an array position,
 * `additionalProperties` (`patternProperties/<pattern>`, `unevaluatedProperties`) a key of a map. Anything else (anyOf/1, $ref …) takes no step.
 * A schema path that starts inside a referenced schema names only the steps from there.
 */
function schemaSteps(error: SchemaError): Step[] {
  const tokens = error.schemaPath.replace(/^[^#]*#/, '').split('/').filter((token) => token !== '');
  tokens.pop(); // the rule itself
  const steps: Step[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const taken = STEPS[tokens[i]!];
    if (!taken) continue;
    if (taken.step !== 'name' && !taken.named) {
      steps.push(taken.step);
      continue;
    }
    i += 1;
    const name = tokens[i];
    if (name === undefined) break;
    steps.push(taken.step === 'name' ? { name: unescaped(name) } : taken.step);
  }
  return steps;
}

/**
 * Where a schema error is, as a JSON pointer of the schema's own names and array positions only:
 * any other step (a key of a map, a step the schema path does not show) was named by the caller and
 * may be an NHS number or a name, so it becomes `*`; an unknown or refused field is named by its parent.
 */
export function refusedField(part: RefusedField['part'], error: SchemaError): RefusedField {
  const segments = error.instancePath === '' ? [] : error.instancePath.slice(1).split('/');
  const steps = schemaSteps(error);
  const offset = segments.length - steps.length;
  const safe = segments.map((segment, i) => {
    const step = steps[i - offset];
    const text = unescaped(segment);
    if (step === 'position' && /^\d+$/.test(text)) return segment;
    return typeof step === 'object' && step.name === text ? segment : '*';
  });
  const missing = error.params['missingProperty'];
  if (error.keyword === 'required' && typeof missing === 'string') safe.push(missing);
  return { part, path: `/${safe.join('/')}`, rule: error.keyword };
}

export function refusedFields(error: NonNullable<FastifyRequest['validationError']>): RefusedField[] {
  const part = PARTS[error.validationContext] ?? 'body';
  return (error as unknown as FastifyError).validation!.map((one) => refusedField(part, one));
}

const declared = new WeakMap<object, Set<string>>();

/** Every field name the route's schemas declare (`properties`), at any depth. */
function declaredNames(schema: unknown, names = new Set<string>()): Set<string> {
  if (schema === null || typeof schema !== 'object') return names;
  for (const [key, inner] of Object.entries(schema as Record<string, unknown>)) {
    if (key === 'properties' && inner !== null && typeof inner === 'object') for (const name of Object.keys(inner)) names.add(name);
    declaredNames(inner, names);
  }
  return names;
}

/** Where text that cannot be stored is, by the schema's names and the request's array positions; any other key is the caller's, `*`. */
function unstorableField(request: FastifyRequest, problem: InputProblem): RefusedField {
  const schema = request.routeOptions.schema ?? {};
  let names = declared.get(schema);
  if (!names) declared.set(schema, (names = declaredNames(schema)));
  let current: unknown = { params: request.params, query: request.query, body: request.body }[problem.part];
  const safe = (problem.path === '/' ? [] : problem.path.slice(1).split('/')).map((segment) => {
    const key = unescaped(segment);
    const kept = Array.isArray(current) || names.has(key) ? segment : '*';
    current = current !== null && typeof current === 'object' ? (current as Record<string, unknown>)[key] : undefined;
    return kept;
  });
  return { part: problem.part, path: `/${safe.join('/')}`, rule: 'storable-text' };
}

/** preHandler, after requireBearer: text that cannot be stored, or the schema's refusal, audited as the caller's and answered. */
export async function refuseInvalidInput(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
  const unstorable = unstorableInput(request);
  const refusal = request.validationError;
  if (!unstorable && !refusal) return undefined;
  if (request.user) {
    await recordRefusedRequest(request.server.ctx, actorFor(request.user, 'api', request.ip), {
      route: request.routeOptions.url ?? '',
      method: request.method,
      fields: unstorable ? [unstorableField(request, unstorable)] : refusedFields(refusal!),
      caseId: caseIdInAddress(request),
      tokenId: request.apiTokenId,
    });
  }
  if (unstorable) return refuseInput(request, reply, unstorable);
  if (refusal) throw refusal;
  return undefined;
}

function preHandlers(route: RouteOptions): unknown[] {
  const value = route.preHandler;
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** onRoute: an operation behind the token check refuses input only after it. Others (POST /tokens) refuse at once, their caller unknown. */
export function refuseInputAfterTokenCheck(route: RouteOptions): void {
  const hooks = preHandlers(route);
  const at = hooks.indexOf(requireBearer);
  if (at < 0 || !route.schema) return;
  route.attachValidation = true;
  route.config = { ...route.config, checksStorableTextAfterTokenCheck: true };
  route.preHandler = [...hooks.slice(0, at + 1), refuseInvalidInput, ...hooks.slice(at + 1)] as RouteOptions['preHandler'];
}
