// Imported first by src/server.ts: when OTEL_EXPORTER_OTLP_ENDPOINT is an http(s) URL (and
// OTEL_SDK_DISABLED is not "true"), traces start here (tracing.ts), synchronously, before the app is
// built, so that app.ts finds tracing started and registers the request spans. Nothing is hooked into
// node:http or pg (the spans are made from Fastify's hooks and Kysely's driver), so the order no longer
// matters beyond that. Otherwise nothing is loaded. A bad value is left for the configuration to
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
