// What the span queue's exporter sends (otlp-exporter.ts): OTLP over HTTP to the endpoint's
// /v1/traces, in the standard protobuf encoding by default (application/x-protobuf, written by
// otlp-protobuf.ts and read back here field by field from the wire format) or in JSON when
// OTEL_EXPORTER_OTLP_PROTOCOL says http/json; either way the same spans: ids, parent, name, kind,
// times, the attributes kept, the status and the flags. The protobuf reads back as what the SDK's
// own serialiser writes for the same spans, whatever their attributes.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { TraceState } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import * as sdk from '@opentelemetry/sdk-trace-node';
import { spansOfJson, spansOfProtobuf, type OtlpSpan } from '../../../test/helpers/otlp-spans.ts';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { otlpHttpExporter, otlpProtocolFrom, type OtlpProtocol } from './otlp-exporter.ts';
import { otlpProtobufBody } from './otlp-protobuf.ts';
import { PooledIdGenerator } from './span-ids.ts';
import { RecordingTracerProvider } from './tracer-provider.ts';

interface Received {
  path: string | undefined;
  contentType: string | undefined;
  body: Buffer;
}

/** A request span and a statement under it, as a traced request makes them, ended. */
function twoSpans(): sdk.ReadableSpan[] {
  const exporter = new sdk.InMemorySpanExporter();
  const provider = new RecordingTracerProvider({ processor: new sdk.SimpleSpanProcessor(exporter), resource: resourceFromAttributes({ 'service.name': 'infant-care-profile' }), sampler: new sdk.AlwaysOnSampler(), ids: new PooledIdGenerator() });
  const request = provider.getTracer('infant-care-profile/http').startSpan('request', { kind: SpanKind.SERVER, attributes: { 'http.request.method': 'POST', 'http.route': '/api/v1/cases/:caseId/events' } });
  const statement = provider.getTracer('infant-care-profile/sql').startSpan('INSERT', { kind: SpanKind.CLIENT, attributes: { 'db.system': 'postgresql', 'db.statement': 'insert into "entry" ("summary") values ($1)', 'db.parameter_count': 1 } }, trace.setSpan(ROOT_CONTEXT, request));
  statement.setStatus({ code: SpanStatusCode.ERROR });
  statement.end();
  request.setAttribute('http.response.status_code', 201);
  request.end();
  return exporter.getFinishedSpans();
}

/** What a collector should read of a span: OTLP numbers kinds from 1, times in nanoseconds since the epoch. */
function expected(span: sdk.ReadableSpan) {
  const nanos = ([seconds, nanoseconds]: [number, number]) => (BigInt(seconds) * 1_000_000_000n + BigInt(nanoseconds)).toString();
  return {
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? '',
    name: span.name,
    kind: span.kind + 1,
    startTimeUnixNano: nanos(span.startTime),
    endTimeUnixNano: nanos(span.endTime),
    attributes: Object.entries(span.attributes).map(([key, value]) => ({ key, value: typeof value === 'number' ? { intValue: value } : { stringValue: value as string } })),
    status: { code: span.status.code },
    flags: 0x101,
    resource: [{ key: 'service.name', value: { stringValue: 'infant-care-profile' } }],
    scope: span.instrumentationScope.name,
  };
}

function comparable(span: OtlpSpan) {
  const { traceState, ...rest } = span;
  assert.equal(traceState, '');
  return { ...rest, resource: rest.resource.filter((attribute) => attribute.key === 'service.name') };
}

describe('the OTLP exporter', () => {
  const received: Received[] = [];
  let collector: http.Server;
  const saved = process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];

  before(async () => {
    collector = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url, contentType: request.headers['content-type'], body: Buffer.concat(chunks) });
        const json = request.headers['content-type'] === 'application/json';
        response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' }).end(json ? '{}' : '');
      });
    });
    collector.listen(0, '127.0.0.1');
    await once(collector, 'listening');
    process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = `http://127.0.0.1:${String((collector.address() as AddressInfo).port)}`;
  });
  after(() => {
    collector.close();
    if (saved === undefined) delete process.env['OTEL_EXPORTER_OTLP_ENDPOINT'];
    else process.env['OTEL_EXPORTER_OTLP_ENDPOINT'] = saved;
  });

  async function exported(protocol: OtlpProtocol): Promise<{ spans: sdk.ReadableSpan[]; sent: Received }> {
    const spans = twoSpans();
    const exporter = otlpHttpExporter(protocol);
    const result = await new Promise<{ code: number }>((resolve) => exporter.export(spans, resolve));
    await exporter.shutdown();
    assert.equal(result.code, 0, 'the collector took the batch');
    const sent = received.pop();
    assert.ok(sent);
    return { spans, sent };
  }

  it('sends protobuf, the standard encoding, that reads back as the spans', async () => {
    const { spans, sent } = await exported('http/protobuf');
    assert.equal(sent.path, '/v1/traces');
    assert.equal(sent.contentType, 'application/x-protobuf');
    assert.deepEqual(spansOfProtobuf(sent.body).map(comparable), spans.map(expected));
  });

  it('sends JSON when asked, with the same spans', async () => {
    const { spans, sent } = await exported('http/json');
    assert.equal(sent.contentType, 'application/json');
    assert.deepEqual(spansOfJson(sent.body).map(comparable), spans.map(expected));
  });

  it('writes in protobuf what the serialiser of the SDK writes, for any attribute, trace state, remote parent, status and time', () => {
    const exporter = new sdk.InMemorySpanExporter();
    const resource = resourceFromAttributes({ 'service.name': 'infant-care-profile', 'service.instance.id': 'ü-1' });
    const provider = new RecordingTracerProvider({ processor: new sdk.SimpleSpanProcessor(exporter), resource, sampler: new sdk.AlwaysOnSampler(), ids: new PooledIdGenerator() });
    const remote = trace.setSpanContext(ROOT_CONTEXT, { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331', traceFlags: 1, isRemote: true, traceState: new TraceState('vendor=value') });
    const request = provider.getTracer('infant-care-profile/http', '1.2.3').startSpan('request', { kind: SpanKind.SERVER, attributes: { 'http.route': '/cases/:caseId' } }, remote);
    const inside = trace.setSpan(ROOT_CONTEXT, request);
    const step = provider.getTracer('infant-care-profile/steps').startSpan('recordEntries – ü', { attributes: { 'icp.entries': 3, 'icp.ratio': 0.25, 'icp.big': 2 ** 40, 'icp.negative': -5, 'icp.flag': true, 'icp.words': ['a', 'b'], 'icp.empty': '' } }, inside);
    for (let i = 0; i < 300; i++) {
      const statement = provider.getTracer('infant-care-profile/sql').startSpan(i % 2 === 0 ? 'SELECT' : 'INSERT', { kind: SpanKind.CLIENT, attributes: { 'db.statement': `select $1 /* ${'x'.repeat(i)} */`, 'db.parameter_count': i, 'db.rows': i * 1000 } }, trace.setSpan(ROOT_CONTEXT, step));
      if (i % 7 === 0) statement.setStatus({ code: SpanStatusCode.ERROR });
      statement.end();
    }
    step.setStatus({ code: SpanStatusCode.OK });
    step.end();
    request.end();
    const spans = exporter.getFinishedSpans();
    const ours = spansOfProtobuf(Buffer.from(otlpProtobufBody(spans)));
    const sdks = spansOfProtobuf(Buffer.from(ProtobufTraceSerializer.serializeRequest(spans)!));
    assert.equal(ours.length, 302);
    const byId = (list: OtlpSpan[]) => [...list].sort((x, y) => x.spanId.localeCompare(y.spanId));
    assert.deepEqual(byId(ours), byId(sdks));
    assert.equal(ours.find((span) => span.name === 'request')?.flags, 0x301, 'a remote parent');
    assert.equal(ours.find((span) => span.name === 'request')?.traceState, 'vendor=value');
  });

  it('is protobuf unless the environment names http/json, for traces or for every signal', () => {
    assert.equal(otlpProtocolFrom({}), 'http/protobuf');
    assert.equal(otlpProtocolFrom({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' }), 'http/json');
    assert.equal(otlpProtocolFrom({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json', OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' }), 'http/protobuf');
    assert.equal(otlpProtocolFrom({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: ' HTTP/JSON ' }), 'http/json');
    assert.equal(otlpProtocolFrom({ OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' }), 'http/protobuf');
  });
});
