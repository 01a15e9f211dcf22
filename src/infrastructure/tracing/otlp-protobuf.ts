// The body of an OTLP/HTTP protobuf export (ExportTraceServiceRequest in opentelemetry-proto's
// trace.proto, the standard binary encoding), written straight from the spans into one buffer of
// the right size. The SDK's ProtobufTraceSerializer wrote every string out as UTF-8 again for every
// span, estimated sizes and patched lengths in; here what repeats is encoded once and copied: the
// resource, each instrumentation scope, each span name and each attribute with its value (route
// templates, methods, status codes, SQL statements with placeholders: a small set in a service),
// kept up to a bound. Fields at their default (empty events and links, zero counts, an unset
// status) are left out, as protobuf allows; ids are written as bytes, times as fixed64 nanoseconds.
// The same spans reach the collector (otlp-exporter.test.ts reads them back field by field).
import { SpanStatusCode, type AttributeValue, type HrTime } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-node';

type Resource = ReadableSpan['resource'];
type Scope = ReadableSpan['instrumentationScope'];

/** Field tags: (field number << 3) | wire type (0 varint, 1 fixed64, 2 length-delimited, 5 fixed32). */
const TAG = {
  resourceSpans: 0x0a, // ExportTraceServiceRequest.resource_spans = 1
  resource: 0x0a, // ResourceSpans.resource = 1
  scopeSpans: 0x12, // ResourceSpans.scope_spans = 2
  resourceAttribute: 0x0a, // Resource.attributes = 1
  scope: 0x0a, // ScopeSpans.scope = 1
  span: 0x12, // ScopeSpans.spans = 2
  scopeName: 0x0a, // InstrumentationScope.name = 1
  scopeVersion: 0x12, // InstrumentationScope.version = 2
  traceId: 0x0a, // Span.trace_id = 1
  spanId: 0x12, // Span.span_id = 2
  traceState: 0x1a, // Span.trace_state = 3
  parentSpanId: 0x22, // Span.parent_span_id = 4
  name: 0x2a, // Span.name = 5
  kind: 0x30, // Span.kind = 6
  start: 0x39, // Span.start_time_unix_nano = 7
  end: 0x41, // Span.end_time_unix_nano = 8
  attribute: 0x4a, // Span.attributes = 9
  status: 0x7a, // Span.status = 15
  statusCode: 0x18, // Status.code = 3
  key: 0x0a, // KeyValue.key = 1
  value: 0x12, // KeyValue.value = 2
  string: 0x0a, // AnyValue.string_value = 1
  bool: 0x10, // AnyValue.bool_value = 2
  int: 0x18, // AnyValue.int_value = 3
  double: 0x21, // AnyValue.double_value = 4
  array: 0x2a, // AnyValue.array_value = 5
  arrayValue: 0x0a, // ArrayValue.values = 1
} as const;
/** Span.flags = 16, fixed32: two bytes of tag. */
const FLAGS_TAG = [0x85, 0x01] as const;
/** OTLP's span flags: the W3C trace flags, and whether the parent's remoteness is known (always here) and true. */
const CONTEXT_HAS_IS_REMOTE = 0x100;
const CONTEXT_IS_REMOTE = 0x200;
const UNSET_STATUS: number = SpanStatusCode.UNSET;
/** Trace id, span id and parent span id fields, each a tag, a length and the bytes. */
const TRACE_ID_FIELD = 2 + 16;
const SPAN_ID_FIELD = 2 + 8;
/** Kind (tag and a one-byte varint), two times (tag and 8 bytes each), flags (two-byte tag and 4 bytes). */
const FIXED_FIELDS = 2 + 9 + 9 + 6;
/** Status: tag, length 2, the code's tag and value. */
const STATUS_FIELD = 4;
/** The most encoded names and attributes kept; past it each is encoded as it comes. */
const MOST_KEPT = 10_000;

const TWO_16 = 65_536;
const TWO_32 = 4_294_967_296;

function varintSize(value: number): number {
  let size = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    size++;
  }
  return size;
}

function writeVarint(buffer: Buffer, at: number, value: number): number {
  while (value >= 0x80) {
    buffer[at++] = (value % 128) | 0x80;
    value = Math.floor(value / 128);
  }
  buffer[at++] = value;
  return at;
}

/** A length-delimited field: its tag, its length and its bytes. */
function field(tag: number, bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(1 + varintSize(bytes.length) + bytes.length);
  out[0] = tag;
  bytes.copy(out, writeVarint(out, 1, bytes.length));
  return out;
}

/** An int64 as protobuf writes it: a negative one as its 64-bit two's complement (ten bytes). */
function int64Varint(value: number): Buffer {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return Buffer.from(bytes);
}

function anyValue(value: AttributeValue): Buffer {
  if (typeof value === 'string') return field(TAG.string, Buffer.from(value, 'utf8'));
  if (typeof value === 'boolean') return Buffer.from([TAG.bool, value ? 1 : 0]);
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return Buffer.concat([Buffer.from([TAG.int]), int64Varint(value)]);
    const double = Buffer.allocUnsafe(9);
    double[0] = TAG.double;
    double.writeDoubleLE(value, 1);
    return double;
  }
  const values = value.map((item) => field(TAG.arrayValue, item == null ? Buffer.alloc(0) : anyValue(item)));
  return field(TAG.array, Buffer.concat(values));
}

/** A KeyValue as a field of the given tag. */
function keyValue(tag: number, key: string, value: AttributeValue): Buffer {
  return field(tag, Buffer.concat([field(TAG.key, Buffer.from(key, 'utf8')), field(TAG.value, anyValue(value))]));
}

/** Encoded once: span names, attributes with their values (by key, then value), resources and scopes. */
let kept = 0;
const names = new Map<string, Buffer>();
const attributes = new Map<string, Map<AttributeValue, Buffer>>();
const resources = new WeakMap<Resource, Buffer>();
const scopes = new WeakMap<Scope, Buffer>();

function nameField(name: string): Buffer {
  let encoded = names.get(name);
  if (encoded === undefined) {
    encoded = field(TAG.name, Buffer.from(name, 'utf8'));
    if (kept < MOST_KEPT) {
      names.set(name, encoded);
      kept++;
    }
  }
  return encoded;
}

function attributeField(key: string, value: AttributeValue): Buffer {
  if (typeof value === 'object') return keyValue(TAG.attribute, key, value);
  let byValue = attributes.get(key);
  let encoded = byValue?.get(value);
  if (encoded === undefined) {
    encoded = keyValue(TAG.attribute, key, value);
    if (kept < MOST_KEPT) {
      if (byValue === undefined) attributes.set(key, (byValue = new Map<AttributeValue, Buffer>()));
      byValue.set(value, encoded);
      kept++;
    }
  }
  return encoded;
}

function resourceField(resource: Resource): Buffer {
  let encoded = resources.get(resource);
  if (encoded === undefined) {
    const list = Object.entries(resource.attributes).flatMap(([key, value]) => (value == null ? [] : [keyValue(TAG.resourceAttribute, key, value)]));
    resources.set(resource, (encoded = field(TAG.resource, Buffer.concat(list))));
  }
  return encoded;
}

function scopeField(scope: Scope): Buffer {
  let encoded = scopes.get(scope);
  if (encoded === undefined) {
    const parts = [field(TAG.scopeName, Buffer.from(scope.name, 'utf8'))];
    if (scope.version) parts.push(field(TAG.scopeVersion, Buffer.from(scope.version, 'utf8')));
    scopes.set(scope, (encoded = field(TAG.scope, Buffer.concat(parts))));
  }
  return encoded;
}

/** [seconds, nanoseconds] as fixed64 nanoseconds since the epoch, exactly (the sum passes 2^53: worked in parts under it). */
function writeUnixNanos(buffer: Buffer, at: number, [seconds, nanoseconds]: HrTime): void {
  const high16OfSeconds = Math.floor(seconds / TWO_16);
  const a = high16OfSeconds * 1e9; // times 2^16 below
  const b = (seconds - high16OfSeconds * TWO_16) * 1e9 + nanoseconds;
  const aHigh = Math.floor(a / TWO_16);
  const rest = (a - aHigh * TWO_16) * TWO_16 + b;
  const carry = Math.floor(rest / TWO_32);
  buffer.writeUInt32LE(rest - carry * TWO_32, at);
  buffer.writeUInt32LE(aHigh + carry, at + 4);
}

/** What writing a span needs, gathered as its size is worked out. */
interface Encoded {
  span: ReadableSpan;
  name: Buffer;
  attributes: Buffer[];
  traceState: Buffer | undefined;
  size: number;
}

function encoded(span: ReadableSpan): Encoded {
  const name = nameField(span.name);
  const list: Buffer[] = [];
  let size = TRACE_ID_FIELD + SPAN_ID_FIELD + name.length + FIXED_FIELDS;
  for (const key in span.attributes) {
    const value = span.attributes[key];
    if (value == null) continue;
    const attribute = attributeField(key, value);
    list.push(attribute);
    size += attribute.length;
  }
  const state = span.spanContext().traceState?.serialize();
  const traceState = state ? field(TAG.traceState, Buffer.from(state, 'utf8')) : undefined;
  if (traceState !== undefined) size += traceState.length;
  if (span.parentSpanContext !== undefined) size += SPAN_ID_FIELD;
  if ((span.status.code as number) !== UNSET_STATUS) size += STATUS_FIELD;
  return { span, name, attributes: list, traceState, size };
}

function writeSpan(buffer: Buffer, at: number, { span, name, attributes: list, traceState, size }: Encoded): number {
  const context = span.spanContext();
  buffer[at++] = TAG.span;
  at = writeVarint(buffer, at, size);
  buffer[at++] = TAG.traceId;
  buffer[at++] = 16;
  at += buffer.write(context.traceId, at, 'hex');
  buffer[at++] = TAG.spanId;
  buffer[at++] = 8;
  at += buffer.write(context.spanId, at, 'hex');
  if (traceState !== undefined) at += traceState.copy(buffer, at);
  const parent = span.parentSpanContext;
  if (parent !== undefined) {
    buffer[at++] = TAG.parentSpanId;
    buffer[at++] = 8;
    at += buffer.write(parent.spanId, at, 'hex');
  }
  at += name.copy(buffer, at);
  buffer[at++] = TAG.kind;
  buffer[at++] = span.kind + 1; // OTLP numbers kinds from 1 (0 is unspecified), the API from 0
  buffer[at++] = TAG.start;
  writeUnixNanos(buffer, at, span.startTime);
  buffer[at + 8] = TAG.end;
  writeUnixNanos(buffer, at + 9, span.endTime);
  at += 17;
  for (const attribute of list) at += attribute.copy(buffer, at);
  if ((span.status.code as number) !== UNSET_STATUS) {
    buffer[at++] = TAG.status;
    buffer[at++] = 2;
    buffer[at++] = TAG.statusCode;
    buffer[at++] = span.status.code;
  }
  buffer[at++] = FLAGS_TAG[0];
  buffer[at++] = FLAGS_TAG[1];
  buffer.writeUInt32LE((context.traceFlags & 0xff) | CONTEXT_HAS_IS_REMOTE | (parent?.isRemote ? CONTEXT_IS_REMOTE : 0), at);
  return at + 4;
}

/** The export's body: the spans grouped by resource, then by instrumentation scope, in the order they came. */
export function otlpProtobufBody(spans: readonly ReadableSpan[]): Uint8Array {
  const byResource = new Map<Resource, Map<Scope, Encoded[]>>();
  for (const span of spans) {
    let byScope = byResource.get(span.resource);
    if (byScope === undefined) byResource.set(span.resource, (byScope = new Map<Scope, Encoded[]>()));
    let list = byScope.get(span.instrumentationScope);
    if (list === undefined) byScope.set(span.instrumentationScope, (list = []));
    list.push(encoded(span));
  }
  const plan = [...byResource].map(([resource, byScope]) => {
    const scopeSpans = [...byScope].map(([scope, list]) => {
      const header = scopeField(scope);
      const size = list.reduce((sum, span) => sum + 1 + varintSize(span.size) + span.size, header.length);
      return { header, list, size };
    });
    const header = resourceField(resource);
    return { header, scopeSpans, size: scopeSpans.reduce((sum, scope) => sum + 1 + varintSize(scope.size) + scope.size, header.length) };
  });
  const buffer = Buffer.allocUnsafe(plan.reduce((sum, resource) => sum + 1 + varintSize(resource.size) + resource.size, 0));
  let at = 0;
  for (const resource of plan) {
    buffer[at++] = TAG.resourceSpans;
    at = writeVarint(buffer, at, resource.size);
    at += resource.header.copy(buffer, at);
    for (const scope of resource.scopeSpans) {
      buffer[at++] = TAG.scopeSpans;
      at = writeVarint(buffer, at, scope.size);
      at += scope.header.copy(buffer, at);
      for (const span of scope.list) at = writeSpan(buffer, at, span);
    }
  }
  if (at !== buffer.length) throw new Error(`OTLP protobuf: wrote ${String(at)} of ${String(buffer.length)} bytes`);
  return buffer;
}
