// The spans in an OTLP/HTTP export's body, as a collector reads them: the standard protobuf encoding
// of ExportTraceServiceRequest (application/x-protobuf, opentelemetry-proto's trace.proto), read here
// from the wire format field by field, or its JSON encoding. For the tests and the bench's stand-in
// collector; the protobuf is read independently of the SDK that writes it.

export interface OtlpAttribute {
  key: string;
  value: { stringValue?: string; intValue?: number; doubleValue?: number; boolValue?: boolean };
}

/** A span as OTLP/JSON spells it (ids in hex, times as decimal nanoseconds), absent fields at their defaults. */
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  traceState: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpAttribute[];
  status: { code: number };
  flags: number;
  /** The resource's and the instrumentation scope's, as the span was sent with them. */
  resource: OtlpAttribute[];
  scope: string;
}

/** One message's fields by number: varints as bigints, fixed64 as bigints, fixed32 as numbers, length-delimited as bytes. */
type Fields = Map<number, (bigint | number | Buffer)[]>;
const NO_FIELDS: Fields = new Map();

function readMessage(bytes: Buffer): Fields {
  const fields: Fields = new Map();
  let at = 0;
  const varint = (): bigint => {
    let value = 0n;
    for (let shift = 0n; ; shift += 7n) {
      const byte = bytes[at++];
      if (byte === undefined) throw new Error('protobuf: a varint runs past the end');
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return value;
    }
  };
  while (at < bytes.length) {
    const tag = Number(varint());
    const [field, wire] = [tag >>> 3, tag & 7];
    let value: bigint | number | Buffer;
    if (wire === 0) value = varint();
    else if (wire === 1) [value, at] = [bytes.readBigUInt64LE(at), at + 8];
    else if (wire === 5) [value, at] = [bytes.readUInt32LE(at), at + 4];
    else if (wire === 2) {
      const length = Number(varint());
      [value, at] = [bytes.subarray(at, at + length), at + length];
      if (at > bytes.length) throw new Error('protobuf: a field runs past the end');
    } else throw new Error(`protobuf: wire type ${String(wire)} of field ${String(field)}`);
    fields.set(field, [...(fields.get(field) ?? []), value]);
  }
  return fields;
}

const bytesOf = (fields: Fields, field: number): Buffer => (fields.get(field)?.at(-1) as Buffer | undefined) ?? Buffer.alloc(0);
const textOf = (fields: Fields, field: number): string => bytesOf(fields, field).toString('utf8');
const numberOf = (fields: Fields, field: number): number => Number(fields.get(field)?.at(-1) ?? 0);
const messagesOf = (fields: Fields, field: number): Fields[] => (fields.get(field) ?? []).map((value) => readMessage(value as Buffer));

function attributesOf(fields: Fields, field: number): OtlpAttribute[] {
  return messagesOf(fields, field).map((keyValue) => {
    const any = messagesOf(keyValue, 2)[0] ?? NO_FIELDS;
    const value: OtlpAttribute['value'] = {};
    if (any.has(1)) value.stringValue = textOf(any, 1);
    if (any.has(2)) value.boolValue = numberOf(any, 2) !== 0;
    if (any.has(3)) value.intValue = Number(BigInt.asIntN(64, any.get(3)?.at(-1) as bigint));
    if (any.has(4)) value.doubleValue = Buffer.from(new BigUint64Array([any.get(4)?.at(-1) as bigint]).buffer).readDoubleLE(0);
    return { key: textOf(keyValue, 1), value };
  });
}

/** The spans of a protobuf ExportTraceServiceRequest. */
export function spansOfProtobuf(body: Buffer): OtlpSpan[] {
  return messagesOf(readMessage(body), 1).flatMap((resourceSpans) => {
    const resource = attributesOf(messagesOf(resourceSpans, 1)[0] ?? NO_FIELDS, 1);
    return messagesOf(resourceSpans, 2).flatMap((scopeSpans) => {
      const scope = textOf(messagesOf(scopeSpans, 1)[0] ?? NO_FIELDS, 1);
      return messagesOf(scopeSpans, 2).map(
        (span): OtlpSpan => ({
          traceId: bytesOf(span, 1).toString('hex'),
          spanId: bytesOf(span, 2).toString('hex'),
          traceState: textOf(span, 3),
          parentSpanId: bytesOf(span, 4).toString('hex'),
          name: textOf(span, 5),
          kind: numberOf(span, 6),
          startTimeUnixNano: String(span.get(7)?.at(-1) ?? 0n),
          endTimeUnixNano: String(span.get(8)?.at(-1) ?? 0n),
          attributes: attributesOf(span, 9),
          status: { code: numberOf(messagesOf(span, 15)[0] ?? NO_FIELDS, 3) },
          flags: numberOf(span, 16),
          resource,
          scope,
        }),
      );
    });
  });
}

/** OTLP/JSON may write an int64 as a number or as text. */
interface JsonAttribute {
  key: string;
  value: Omit<OtlpAttribute['value'], 'intValue'> & { intValue?: number | string };
}
interface JsonRequest {
  resourceSpans?: { resource?: { attributes?: JsonAttribute[] }; scopeSpans?: { scope?: { name?: string }; spans?: (Partial<Omit<OtlpSpan, 'resource' | 'scope' | 'attributes'>> & { attributes?: JsonAttribute[] })[] }[] }[];
}

/** The spans of a JSON ExportTraceServiceRequest, in the same shape (int64 values as numbers). */
export function spansOfJson(body: Buffer): OtlpSpan[] {
  const request = JSON.parse(body.toString('utf8')) as JsonRequest;
  const attributes = (list: JsonAttribute[] | undefined): OtlpAttribute[] =>
    (list ?? []).map(({ key, value: { intValue, ...value } }) => ({ key, value: intValue === undefined ? value : { intValue: Number(intValue) } }));
  return (request.resourceSpans ?? []).flatMap((resourceSpans) =>
    (resourceSpans.scopeSpans ?? []).flatMap((scopeSpans) =>
      (scopeSpans.spans ?? []).map((span) => ({
        traceId: span.traceId ?? '',
        spanId: span.spanId ?? '',
        traceState: span.traceState ?? '',
        parentSpanId: span.parentSpanId ?? '',
        name: span.name ?? '',
        kind: span.kind ?? 0,
        startTimeUnixNano: String(span.startTimeUnixNano ?? 0),
        endTimeUnixNano: String(span.endTimeUnixNano ?? 0),
        attributes: attributes(span.attributes),
        status: { code: span.status?.code ?? 0 },
        flags: span.flags ?? 0,
        resource: attributes(resourceSpans.resource?.attributes),
        scope: scopeSpans.scope?.name ?? '',
      })),
    ),
  );
}

/** The spans of an export's body, by its content type. */
export function spansOfExport(body: Buffer, contentType: string | undefined): OtlpSpan[] {
  return contentType?.startsWith('application/x-protobuf') ? spansOfProtobuf(body) : spansOfJson(body);
}
