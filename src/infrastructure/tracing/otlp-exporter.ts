// The exporter the span queue sends through: OTLP over HTTP as the SDK's OTLPTraceExporter sends it
// (the endpoint, headers, timeout, compression and retries from the OTEL_EXPORTER_OTLP_* variables),
// in the encoding OTEL_EXPORTER_OTLP_TRACES_PROTOCOL or OTEL_EXPORTER_OTLP_PROTOCOL names:
// http/protobuf by default, as the OpenTelemetry specification has it (the standard binary encoding,
// application/x-protobuf), or http/json. The SDK's JSON exporter was the only one installed before;
// protobuf's body is a third of JSON's for a page's span and cheaper to send, and it is written by
// otlp-protobuf.ts, cheaper than the SDK's serialiser (docs/operations/tracing.md, "What a trace
// costs"). The JSON is the SDK's, and so is the reading of the collector's answer.
// Loaded with require only when tracing starts (tracing.ts): the SDK costs a third of a second to load.
import { createRequire } from 'node:module';
import { diag } from '@opentelemetry/api';
import type * as ExporterBase from '@opentelemetry/otlp-exporter-base';
import type * as NodeHttp from '@opentelemetry/otlp-exporter-base/node-http';
import type * as Transformer from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-node';
import { otlpProtobufBody } from './otlp-protobuf.ts';

const require = createRequire(import.meta.url);

export type OtlpProtocol = 'http/protobuf' | 'http/json';

/** The component type the SDK's exporters report their own metrics under (semconv's otlp_http_span_exporter). */
const COMPONENT_TYPE = 'otlp_http_span_exporter';

/** The protocol the environment names for traces, http/protobuf unless http/json (grpc is not offered: its exporter is not installed). */
export function otlpProtocolFrom(env: NodeJS.ProcessEnv): OtlpProtocol {
  const named = (env['OTEL_EXPORTER_OTLP_TRACES_PROTOCOL']?.trim() || env['OTEL_EXPORTER_OTLP_PROTOCOL']?.trim() || 'http/protobuf').toLowerCase();
  if (named === 'http/json') return 'http/json';
  if (named !== 'http/protobuf') diag.error(`OTEL_EXPORTER_OTLP_PROTOCOL value "${named}" not supported, using "http/protobuf".`);
  return 'http/protobuf';
}

export function otlpHttpExporter(protocol: OtlpProtocol = otlpProtocolFrom(process.env)): SpanExporter {
  const { OTLPExporterBase } = require('@opentelemetry/otlp-exporter-base') as typeof ExporterBase;
  const { convertLegacyHttpOptions, createOtlpHttpExportDelegate } = require('@opentelemetry/otlp-exporter-base/node-http') as typeof NodeHttp;
  const { JsonTraceSerializer, ProtobufTraceSerializer, TraceExporterMetricsHelper } = require('@opentelemetry/otlp-transformer') as typeof Transformer;
  const [serializer, contentType] =
    protocol === 'http/json' ? [JsonTraceSerializer, 'application/json'] : [{ serializeRequest: otlpProtobufBody, deserializeResponse: (data: Uint8Array) => ProtobufTraceSerializer.deserializeResponse(data) }, 'application/x-protobuf'];
  // The SDK's own OTLPTraceExporter builds its options so: the only public way to read the OTEL_EXPORTER_OTLP_* variables as it does.
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const options = convertLegacyHttpOptions({}, 'TRACES', 'v1/traces', { 'Content-Type': contentType });
  return new OTLPExporterBase<ReadableSpan[]>(createOtlpHttpExportDelegate(options, serializer, COMPONENT_TYPE, TraceExporterMetricsHelper, undefined));
}
