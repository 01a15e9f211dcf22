// Each request's span, made from Fastify's own hooks: "request", the server span (from onRequest to
// the response's end: the route template, the method and the status). It is made the active span in
// onRequest, and the rest of the request (its hooks, the body's parsing and the route's handler) runs
// in that context, so the use case's steps and SQL statements are its children. A W3C traceparent from
// a proxy makes the request a child of the proxy's span. This replaces the http instrumentation's
// server span and @fastify/otel's request and handler spans, which made three spans where one says
// it, read every header, parsed the address and recorded attributes the allow-list then dropped; the
// handler's own span went too, as it repeated the route and doubled a simple page's spans
// (docs/operations/tracing.md, "What a trace costs"). Hooks make no spans.
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Span, type SpanOptions } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { routeTemplate } from '../process/route-template.ts';
import { contextWithSpan } from './span-context.ts';

const tracer = trace.getTracer('infant-care-profile/http');

/**
 * Requests that make no trace: the stylesheets, scripts, fonts and images every page loads, health
 * checks and metrics scrapes. A browser asks for several assets with each page, and probes ask every
 * few seconds; each trace would cost as much as a page's own and say nothing about the service.
 */
export function untracedPath(url: string): boolean {
  return url.startsWith('/assets/') || isPath(url, '/health') || url.startsWith('/health/') || isPath(url, '/metrics');
}

/** Whether the address's path (before any query) is `path`, read in place: no string made a request. */
function isPath(url: string, path: string): boolean {
  return url.startsWith(path) && (url.length === path.length || url.charCodeAt(path.length) === QUESTION_MARK);
}

const QUESTION_MARK = 63;

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's span (null when the request is not traced). */
    traceSpan: Span | null;
  }
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}

/**
 * The span's options, the same for every request: its attributes are set once it is made, which
 * spares two objects a request (the samplers tracing.ts offers decide on the trace id alone).
 */
const SERVER_SPAN: SpanOptions = { kind: SpanKind.SERVER };

function startRequestSpan(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  if (untracedPath(request.url)) {
    done();
    return;
  }
  // Only a request from a tracing proxy carries a traceparent; the others start a trace of their own.
  const parent = request.headers.traceparent === undefined ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, request.headers);
  const span = tracer.startSpan('request', SERVER_SPAN, parent);
  span.setAttribute('http.request.method', request.method);
  const route = routeTemplate(request);
  if (route !== undefined) span.setAttribute('http.route', route);
  request.traceSpan = span;
  context.with(contextWithSpan(parent, span), done);
}

/** The request's span ended with its status, as the request ends. */
function endRequestSpan(request: FastifyRequest, reply: FastifyReply): void {
  const span = request.traceSpan;
  if (span !== null) {
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }
}

function endRequestSpanHook(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  endRequestSpan(request, reply);
  done();
}

export interface RequestSpansOptions {
  /**
   * Where else each request's end is watched (the logs' RequestEnds, web/plugins/request-logging.ts):
   * given endRequestSpan to call there, so that no onResponse hook is needed; without it the span
   * ends in an onResponse hook of its own. With no onResponse hook in the app, Fastify adds no
   * listeners of its own to the response and runs no hook runner (docs/operations/tracing.md, "A
   * service with no Fastify logger").
   */
  endsWith?: ((end: (request: FastifyRequest, reply: FastifyReply) => void) => void) | undefined;
}

/** Registered by app.ts before the routes. */
export const requestSpans = fp(
  (app: FastifyInstance, options: RequestSpansOptions, done: () => void) => {
    app.decorateRequest('traceSpan', null);
    app.addHook('onRequest', startRequestSpan);
    app.addHook('onError', (request, _reply, error, hookDone) => {
      request.traceSpan?.setAttribute('error.type', errorType(error));
      hookDone();
    });
    if (options.endsWith) options.endsWith(endRequestSpan);
    else app.addHook('onResponse', endRequestSpanHook);
    done();
  },
  { name: 'request-spans' },
);
