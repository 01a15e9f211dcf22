// Imported first by src/server.ts, so that it runs before Fastify, node:http or pg are loaded: when
// OTEL_EXPORTER_OTLP_ENDPOINT is an http(s) URL (and OTEL_SDK_DISABLED is not "true"), traces start
// here (tracing.ts), synchronously, since an ES module's later imports would not wait for an
// asynchronous start. Otherwise nothing is loaded. A bad value is left for the configuration to
// report (src/config.ts), which stops the start-up naming it.
import { startTracing } from './tracing.ts';

function tracingAsked(env: NodeJS.ProcessEnv): boolean {
  const endpoint = env['OTEL_EXPORTER_OTLP_ENDPOINT']?.trim();
  if (!endpoint || ['true', '1'].includes(env['OTEL_SDK_DISABLED']?.trim().toLowerCase() ?? '')) return false;
  try {
    return ['http:', 'https:'].includes(new URL(endpoint).protocol);
  } catch {
    return false;
  }
}

if (tracingAsked(process.env)) startTracing();
