// How the FHIR routes answer a refusal: always an OperationOutcome (application/fhir+json), with its
// published schema. Fastify's own refusals (a body or query not of the schema's shape, too large,
// of a type not taken, JSON not well formed, empty or not an object) and the service-wide input guard's (a body nested too
// deep, text no database can store) are turned into one too, so a FHIR client reads every refusal
// the same way. The token check's refusals (401, 403 without a scope) stay the API's JSON errors.
import type { FastifyBodyParser, FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { Type } from 'typebox';
import { fhirPathOf, operationOutcome, outcomeIssue, type IssueType, type OperationOutcome, type OutcomeIssue } from '../../domain/fhir/operation-outcome.ts';
import { validationDetail, type InputProblem } from '../api-error.ts';

const str = (description?: string) => Type.String(description ? { description } : {});

export const FhirOperationOutcome = Type.Object(
  {
    resourceType: Type.Literal('OperationOutcome'),
    meta: Type.Object({ profile: Type.Array(str('https://fhir.hl7.org.uk/StructureDefinition/UKCore-OperationOutcome')) }),
    text: Type.Object({ status: Type.Literal('generated'), div: str('XHTML: a div with a paragraph an issue') }),
    issue: Type.Array(
      Type.Object({
        severity: Type.Union([Type.Literal('fatal'), Type.Literal('error'), Type.Literal('warning'), Type.Literal('information')]),
        code: str('The FHIR issue type (http://hl7.org/fhir/ValueSet/issue-type)'),
        details: Type.Object({
          coding: Type.Optional(Type.Array(Type.Object({ system: str(), code: str('The import’s own code: what became of the entry (stored, duplicate, corrected, marked-entered-in-error, a Patient match) or the problem') }))),
          text: str('What the issue says, in words'),
        }),
        expression: Type.Optional(Type.Array(str('Where, as FHIRPath (Bundle.entry[2].resource.period.start), or the search parameter'))),
      }),
      { minItems: 1 },
    ),
  },
  { title: 'OperationOutcome', description: 'A FHIR R4 OperationOutcome (UK Core), application/fhir+json' },
);

/** Where the FHIR routes are: a request under it is answered with an OperationOutcome even when no route could be found for its address. */
export const FHIR_ADDRESSES = '/api/v1/fhir/';

export function sendOutcome(reply: FastifyReply, status: number, outcome: OperationOutcome) {
  return reply.code(status).type('application/fhir+json; charset=utf-8').send(outcome);
}

/** Where a problem in the body (a Bundle) or in the query is, as a FHIR expression. */
const expressionOf = (part: InputProblem['part'], pointer: string) => (part === 'body' ? fhirPathOf(pointer) : pointer.replace(/^\//, ''));

/** A refusal of the whole request, with its code and, when it has one, where (FHIRPath): fatal, but an error when it is not allowed or not found. */
export function refusalIssue(type: IssueType, code: string, text: string, expression?: string): OutcomeIssue {
  const severity = type === 'forbidden' || type === 'not-found' ? 'error' : 'fatal';
  return { ...outcomeIssue(severity, type, code, text), ...(expression ? { expression: [expression] } : {}) };
}

/** The input guard's refusal of a FHIR route's request (route config `sendInputProblem`). */
export function sendInputProblemAsOutcome(reply: FastifyReply, problem: InputProblem) {
  const where = expressionOf(problem.part, problem.path);
  return sendOutcome(reply, 400, operationOutcome([refusalIssue(problem.part === 'body' ? 'structure' : 'invalid', 'validation-failed', `${where} ${problem.message}`, where)]));
}

/** An address no FHIR route can read (errors.ts's answerUnreadableAddress), as the 400 the FHIR routes publish. */
export function sendUnreadableAddressAsOutcome(reply: FastifyReply, text: string) {
  return sendOutcome(reply, 400, operationOutcome([refusalIssue('invalid', 'validation-failed', `The address cannot be read: ${text}`)]));
}

/** A FHIR route's body that could not be read (JSON or XML): a 400 OperationOutcome saying why and what to send. */
export class FhirBodyRefusal extends Error {
  readonly statusCode = 400;
  readonly code = 'FHIR_BODY_UNREADABLE';
}

const sendUnreadableBody = (reply: FastifyReply, text: string) => sendOutcome(reply, 400, operationOutcome([refusalIssue('structure', 'unreadable', text)]));

const SEND_JSON = 'Send one JSON object, a FHIR Bundle such as {"resourceType": "Bundle", "entry": [...]}';

/** What a FHIR route says of a JSON body it cannot read: what is wrong, then what to send. */
export const JSON_BODY_WORDS = {
  empty: `The body is empty. ${SEND_JSON}`,
  notWellFormed: (why?: string) => `The body is not well-formed JSON${why ? ` (${why})` : ''}. ${SEND_JSON}`,
  notAnObject: `The body is JSON but not an object. ${SEND_JSON}`,
};

/** What a route that takes a body says of one too large and of a media type it does not take. */
export interface RefusalWords {
  tooLarge: string;
  mediaTypes: string;
}

/** Fastify's refusals of a FHIR request as OperationOutcomes; `undefined` for anything else, which the API's handler answers. */
export function sendFastifyRefusalAsOutcome(error: FastifyError, reply: FastifyReply, words?: RefusalWords): FastifyReply | undefined {
  if (error.validation) {
    const part = error.validationContext === 'body' ? 'body' : error.validationContext === 'params' ? 'params' : 'query';
    // JSON that is not an object, sent as application/json (Fastify's parser takes any JSON).
    if (part === 'body' && error.validation.some((v) => v.instancePath === '' && v.keyword === 'type')) return sendUnreadableBody(reply, JSON_BODY_WORDS.notAnObject);
    return sendOutcome(reply, 400, operationOutcome(error.validation.map((v) => {
      const detail = validationDetail(v);
      const where = expressionOf(part, detail.path);
      return refusalIssue(part === 'body' ? 'structure' : 'invalid', 'validation-failed', `${where} ${detail.message}`, where);
    })));
  }
  if (error instanceof FhirBodyRefusal) return sendUnreadableBody(reply, error.message);
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return sendUnreadableBody(reply, JSON_BODY_WORDS.empty);
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return sendUnreadableBody(reply, JSON_BODY_WORDS.notWellFormed());
  if (words && error.statusCode === 413) return sendOutcome(reply, 413, operationOutcome([refusalIssue('too-costly', 'too-large', words.tooLarge)]));
  if (words && error.statusCode === 415) return sendOutcome(reply, 415, operationOutcome([refusalIssue('not-supported', 'unsupported-media-type', words.mediaTypes)]));
  if (error.statusCode === 400) return sendUnreadableBody(reply, `The body could not be read (${error.message}). ${SEND_JSON}`);
  return undefined;
}

/** Why text is not JSON, in the words of JSON.parse (with where); or the key the secure parser refuses. */
function whyNotJson(text: string): string {
  try {
    JSON.parse(text);
    return 'a property named "__proto__" is not allowed';
  } catch (error) {
    return error instanceof Error ? error.message : 'it could not be read';
  }
}

/**
 * The FHIR routes' parser of a JSON body: Fastify's own (which refuses a "__proto__" key), but a body
 * that is empty or not well formed is refused with a FhirBodyRefusal saying which, and where. JSON
 * that is not an object is the body schema's to refuse (the route's error handler words it), so a
 * route of the API's own JSON errors that shares this parser keeps its validation-failed answer.
 */
export function fhirJsonParser(app: FastifyInstance): FastifyBodyParser<string> {
  const secureJson = app.getDefaultJsonParser('error', 'ignore');
  return (request, body, done) => {
    if (body.trim() === '') {
      done(new FhirBodyRefusal(JSON_BODY_WORDS.empty), undefined);
      return;
    }
    void secureJson(request, body, (error, value) => {
      if (error) done(new FhirBodyRefusal(JSON_BODY_WORDS.notWellFormed(whyNotJson(body))), undefined);
      else done(null, value);
    });
  };
}
