// The requests and answers of the transfer operations (issue 21), as published in the OpenAPI
// document: closing a case for transfer (its pack, a FHIR Bundle), recording the receipt, and
// cancelling a transfer, and receiving a pack from another area.
import { Type } from 'typebox';
import { CANCEL_REASON_LIMIT } from '../../domain/transfer/cancel-transfer.ts';
import { RECEIPT_NOTE_LIMIT, TRANSFER_AREA_LIMIT, TRANSFER_CONTACT_LIMIT } from '../../domain/transfer/transfer-rules.ts';
import { PACK_MARKING, TRANSFER_PACK_SYSTEM, TRANSFER_RECORD_MEDIA_TYPE } from '../../domain/transfer/transfer-pack.ts';
import { FhirPatient, SEARCHED_RESOURCES } from './fhir-export.schemas.ts';

const str = (description?: string) => Type.String(description ? { description } : {});

export const TransferBody = Type.Object(
  {
    toArea: Type.String({ minLength: 1, maxLength: TRANSFER_AREA_LIMIT, description: 'The area the family has moved to: its council or children’s services, such as "Northshire County Council"' }),
    contact: Type.String({ minLength: 1, maxLength: TRANSFER_CONTACT_LIMIT, description: 'Who at the receiving authority the pack goes to, and how to reach them' }),
  },
  { additionalProperties: false },
);

export const ReceiptBody = Type.Object(
  { note: Type.String({ minLength: 1, maxLength: RECEIPT_NOTE_LIMIT, description: 'How the receiving area confirmed it has the pack, such as "Jo Bloggs, duty team, confirmed by phone"' }) },
  { additionalProperties: false },
);

export const CancellationBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: CANCEL_REASON_LIMIT, description: 'Why the transfer is cancelled, such as "Northshire refused it: the family did not move there"' }) },
  { additionalProperties: false },
);

export const TransferStatus = Type.Object({
  caseId: str(),
  toArea: str(),
  contact: str(),
  fromArea: str('The sending area as the pack names it (the lead professional’s organisation)'),
  sentAt: Type.String({ format: 'date-time' }),
  receiptDueOn: Type.String({ format: 'date', description: 'The task: receipt confirmed within 5 working days of sending' }),
  receiptConfirmedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  cancellation: Type.Union([
    Type.Object({ at: Type.String({ format: 'date-time' }), byName: str('Who cancelled it'), reason: str() }, { additionalProperties: false, description: 'The sending side cancelled the transfer before its receipt was confirmed: the case is open here again' }),
    Type.Null(),
  ]),
  task: Type.Union([Type.Literal('due'), Type.Literal('overdue'), Type.Literal('done'), Type.Literal('cancelled')]),
});

/** GET .../transfer: the newest transfer, and the cancelled ones before it. */
export const TransferWithHistory = Type.Object({
  ...TransferStatus.properties,
  earlier: Type.Array(TransferStatus, { description: 'The case’s transfers before this one, newest first: each cancelled, after which the case was closed for transfer again' }),
});

const PackDocument = Type.Object({
  resourceType: Type.Literal('DocumentReference'),
  id: str(),
  meta: Type.Object({ profile: Type.Array(str()) }),
  text: Type.Object({ status: Type.Literal('generated'), div: str() }),
  status: Type.Literal('current'),
  subject: Type.Object({ reference: str() }),
  date: Type.String({ format: 'date-time' }),
  description: str(),
  securityLabel: Type.Array(Type.Object({ text: str(PACK_MARKING) })),
  content: Type.Array(Type.Object({ attachment: Type.Object({ contentType: Type.Literal('application/pdf'), url: str('Where the sending service makes the PDF (signed in)'), title: str() }) })),
});

const PackRecord = Type.Object({
  resourceType: Type.Literal('Binary'),
  id: str(),
  contentType: Type.Literal(TRANSFER_RECORD_MEDIA_TYPE),
  data: str('Base64 of the transfer record (JSON): the baby, every person, every chronology entry and the findings, for another instance of this service'),
});

/** The export's resources but the access log, which is about who looked here and is not sent. */
const SENT_RESOURCES = Object.entries(SEARCHED_RESOURCES).flatMap(([type, schema]) => (type === 'AuditEvent' ? [] : [schema]));

export const TransferPack = Type.Object(
  {
    resourceType: Type.Literal('Bundle'),
    id: str(),
    meta: Type.Object({ profile: Type.Array(str()) }),
    identifier: Type.Object({ system: Type.Literal(TRANSFER_PACK_SYSTEM), value: str() }),
    type: Type.Literal('collection'),
    timestamp: Type.String({ format: 'date-time', description: 'When it was sent' }),
    entry: Type.Array(Type.Object({ resource: Type.Union([FhirPatient, ...SENT_RESOURCES, PackDocument, PackRecord]) })),
  },
  { description: `The transfer pack: the record's UK Core resources (the access log stays here), a DocumentReference linking the PDF of the profile, plan and chronology (${PACK_MARKING}), and a Binary with the transfer record` },
);

/** What POST /transfers takes: a transfer pack as its sender made it (checked whole by the service, not the schema). */
export const ReceivedPack = Type.Object(
  { resourceType: Type.Optional(str('Bundle')), entry: Type.Optional(Type.Array(Type.Object({}, { additionalProperties: true }), { maxItems: 10_000 })) },
  { additionalProperties: true, description: 'The transfer pack (a FHIR Bundle) the sending area’s service made: POST /api/v1/cases/{caseId}/transfer answers it' },
);

/** The most a reason for receiving a pack as a different baby may say. */
export const DIFFERENT_BABY_REASON_LIMIT = 1000;

export const ReceiveQuery = Type.Object(
  {
    confirmedNoDuplicate: Type.Optional(Type.Boolean({ description: 'One way past a 409: you have looked at the possible matches it listed and none is the same baby (needs differentBabyReason and checkedCaseIds)' })),
    checkedCaseIds: Type.Optional(Type.String({ maxLength: 2000, description: 'The ids of the matches you looked at, separated by commas: a match that has appeared since still stops the import' })),
    differentBabyReason: Type.Optional(Type.String({ minLength: 1, maxLength: DIFFERENT_BABY_REASON_LIMIT, description: 'With confirmedNoDuplicate: why you are sure the matches are another baby, such as "Different mother and date of birth; checked with the GP" (audited)' })),
    mergeInto: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'The other way past a 409: the id of the record here that is the same baby; the received history is added to it (entries, people matched by NHS number, the others proposed for someone here to confirm, assessments as received) instead of making a new record' })),
  },
  { additionalProperties: false },
);

const count = (description: string) => Type.Integer({ minimum: 0, description });

export const Received = Type.Object({
  caseId: str('The case made here, or the record the history was added to'),
  merged: Type.Boolean({ description: 'The history was added to a record here (mergeInto)' }),
  entries: count('Chronology entries received'),
  people: count('People in the pack'),
  peopleMatched: count('Merging: people of the pack found here by their NHS number'),
  peopleProposed: count('Merging: people of the pack not found here by NHS number, proposed (not added) for someone here to add, match to a person recorded, or reject, as people a FHIR import names are (/cases/{caseId}/proposed-people)'),
  relationships: count('Relationships between people received (merging: those naming a proposed person are added when that person is)'),
  assessments: count('Factor assessments received, each the sending area’s (unverified) until confirmed or re-assessed here'),
  assessmentsKeptHere: count('Merging: received factors already assessed here, whose evidence was added beside the assessment here'),
  plan: Type.Union([Type.Literal('received'), Type.Literal('kept-here'), Type.Literal('none')], { description: 'The sending area’s plan received, the plan here kept (merging), or none sent' }),
  meetings: count('Professionals’ meetings received'),
  disputes: count('Disputes received beside the entries they dispute'),
});
