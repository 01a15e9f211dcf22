// Each request's two spans, made from Fastify's own hooks: "request", the server span (from
// onRequest to onResponse: the route template, the method and the status), and "handler - <route>",
// its child for the route's handler, under which the use case's steps and SQL statements fall. A
// W3C traceparent from a proxy makes the request a child of the proxy's span. This replaces the http
// instrumentation's server span and @fastify/otel's request and handler spans, which made three spans
// where two say the same, read every header, parsed the address and recorded attributes the
// allow-list then dropped (docs/operations/tracing.md, "What a trace costs"). Hooks make no spans.
import { context, propagation, ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Span } from '@opentelemetry/api';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';

const tracer = trace.getTracer('infant-care-profile/http');

/**
 * Requests that make no trace: the stylesheets, scripts, fonts and images every page loads, health
 * checks and metrics scrapes. A browser asks for several assets with each page, and probes ask every
 * few seconds; each trace would cost as much as a page's own and say nothing about the service.
 */
export function untracedPath(url: string): boolean {
  const path = url.split('?', 1)[0]!;
  return path.startsWith('/assets/') || path === '/health' || path.startsWith('/health/') || path === '/metrics';
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The request's span and the context it is active in (null when the request is not traced). */
    traceContext: Context | null;
    traceSpan: Span | null;
  }
}

function errorType(error: unknown): string {
  return error instanceof Error ? error.constructor.name : typeof error;
}

/**
 * The route's handler run as the "handler" span's work, inside the request's context. A request whose
 * trace is not sampled gets no handler span and no context of its own: the handler runs in the
 * request's, whose span already tells the steps below it not to record.
 */
function tracedHandler(handler: RouteHandlerMethod, name: string, route: string): RouteHandlerMethod {
  const attributes = { 'http.route': route };
  return function handlerSpan(this: FastifyInstance, request, reply) {
    const parent = request.traceContext;
    if (parent === null || !request.traceSpan!.isRecording()) return handler.call(this, request, reply);
    const span = tracer.startSpan(name, { attributes }, parent);
    return context.with(trace.setSpan(parent, span), () => {
      let result: unknown;
      try {
        result = handler.call(this, request, reply);
      } catch (error) {
        failed(span, error);
        throw error;
      }
      if (!isPromise(result)) {
        span.end();
        return result;
      }
      return result.then(
        (value: unknown) => {
          span.end();
          return value;
        },
        (error: unknown) => {
          failed(span, error);
          throw error;
        },
      );
    });
  };
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function failed(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', errorType(error));
  span.end();
}

function startRequestSpan(request: FastifyRequest, _reply: FastifyReply, done: () => void): void {
  if (untracedPath(request.url)) {
    done();
    return;
  }
  // Only a request from a tracing proxy carries a traceparent; the others start a trace of their own.
  const parent = request.headers.traceparent === undefined ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, request.headers);
  const route = request.routeOptions.url;
  const span = tracer.startSpan('request', { kind: SpanKind.SERVER, attributes: route === undefined ? { 'http.request.method': request.method } : { 'http.request.method': request.method, 'http.route': route } }, parent);
  const active = trace.setSpan(parent, span);
  request.traceSpan = span;
  request.traceContext = active;
  context.with(active, done);
}

function endRequestSpan(request: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const span = request.traceSpan;
  if (span !== null) {
    span.setAttribute('http.response.status_code', reply.statusCode);
    if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  }
  done();
}

/** Registered by app.ts before the routes, so that every route's handler is wrapped as it is added. */
export const requestSpans = fp(
  (app: FastifyInstance, _options: unknown, done: () => void) => {
    app.decorateRequest('traceSpan', null);
    app.decorateRequest('traceContext', null);
    app.addHook('onRoute', (route) => {
      if (!untracedPath(route.url)) route.handler = tracedHandler(route.handler, `handler - ${route.url}`, route.url);
    });
    app.addHook('onRequest', startRequestSpan);
    app.addHook('onError', (request, _reply, error, hookDone) => {
      request.traceSpan?.setAttribute('error.type', errorType(error));
      hookDone();
    });
    app.addHook('onResponse', endRequestSpan);
    done();
  },
  { name: 'request-spans' },
);
