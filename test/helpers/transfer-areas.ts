// The transfer tests' fixture: two instances of the service, each with its own database, that a case
// goes between (the transfer API's tests and the page that receives a pack). Southby sends: its health
// visiting lead professional, Lena Lead, holds the Mover family's case, the mother Zoë on it. Northshire
// receives: Rita Receiver of its children's social care takes the pack in. And the record a pack
// carries in its Binary, read and put back as a test changes a pack.
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { TransferRecord } from '../../src/domain/transfer/transfer-record.ts';
import { apiTokenFor, makeCase, makeOrganisation, makePerson, makeUser } from './factories.ts';
import { createTestApp, type TestApp } from './test-app.ts';

type TestUser = Awaited<ReturnType<typeof makeUser>>;

export interface TransferAreas {
  sending: TestApp;
  receiving: TestApp;
  /** Southby Health Visiting, in the sending area. */
  sendingOrganisationId: string;
  /** Lena Lead of Southby Health Visiting, the case's lead professional, and her API token. */
  lead: TestUser;
  leadToken: string;
  /** The Mover family's case in the sending area: Lena Lead its lead professional, then alsoOnTeam. */
  caseId: string;
  /** Zoë Mover, the baby's mother, on that case. */
  motherId: string;
  /** Northshire Children’s Services, in the receiving area. */
  receivingOrganisationId: string;
  /** Rita Receiver of Northshire Children’s Services, and her API token. */
  receiver: TestUser;
  receiverToken: string;
  /** POST /api/v1/transfers in the receiving area, as Rita Receiver: the pack as the API takes it. */
  receive: (pack: unknown, query?: string) => Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/**
 * Both areas. alsoOnTeam: users of the sending area (made by the callback, given Southby Health
 * Visiting's id) who join the case's team after the lead; motherNhsNumber: the mother's NHS number.
 */
export async function transferAreas(options: { alsoOnTeam?: (sending: TestApp, sendingOrganisationId: string) => Promise<string[]>; motherNhsNumber?: string } = {}): Promise<TransferAreas> {
  const [sending, receiving] = await Promise.all([createTestApp(), createTestApp()]);
  const southby = await makeOrganisation(sending.ctx, 'health-visiting', 'Southby Health Visiting');
  const lead = await makeUser(sending.ctx, { organisationId: southby.id, name: 'Lena Lead' });
  const team = [lead.id, ...((await options.alsoOnTeam?.(sending, southby.id)) ?? [])];
  const { id: caseId } = await makeCase(sending.ctx, { familyName: 'Mover', teamUserIds: team });
  const { id: motherId } = await makePerson(sending.ctx, caseId, { given_name: 'Zoë', family_name: 'Mover', ...(options.motherNhsNumber ? { nhs_number: options.motherNhsNumber } : {}) });
  const northshire = await makeOrganisation(receiving.ctx, 'childrens-social-care', 'Northshire Children’s Services');
  const receiver = await makeUser(receiving.ctx, { organisationId: northshire.id, name: 'Rita Receiver' });
  const receiverToken = await apiTokenFor(receiving.ctx, receiver.email);
  return {
    sending,
    receiving,
    sendingOrganisationId: southby.id,
    lead,
    leadToken: await apiTokenFor(sending.ctx, lead.email),
    caseId,
    motherId,
    receivingOrganisationId: northshire.id,
    receiver,
    receiverToken,
    receive: (pack, query = '') =>
      receiving.app.inject({ method: 'POST', url: `/api/v1/transfers${query}`, headers: { authorization: `Bearer ${receiverToken}`, 'content-type': 'application/fhir+json' }, payload: JSON.stringify(pack) }),
    close: async () => {
      await Promise.all([sending.close(), receiving.close()]);
    },
  };
}

/** What these helpers need of a pack (a FHIR Bundle): its entries' resources, one of them the Binary holding the record. */
interface Pack {
  entry: { resource: { resourceType: string } }[];
}

/** The transfer record a pack carries (its Binary's data: the record as JSON, in base64). */
export function packRecord(pack: Pack): TransferRecord {
  const binary = pack.entry.find((e) => e.resource.resourceType === 'Binary')?.resource as { data?: string } | undefined;
  if (binary?.data === undefined) throw new Error('The pack holds no Binary with a record.');
  return JSON.parse(Buffer.from(binary.data, 'base64').toString('utf8')) as TransferRecord;
}

/** The pack with another record in its Binary, the rest as it was. */
export function withPackRecord<P extends Pack>(pack: P, record: TransferRecord): P {
  const data = Buffer.from(JSON.stringify(record)).toString('base64');
  return { ...pack, entry: pack.entry.map((e) => (e.resource.resourceType === 'Binary' ? { resource: { ...e.resource, data } } : e)) };
}

/**
 * The pack as a later pack of the same record would come, sent an hour later, whose entries are not in
 * the record here: each entry under a new id there, the corrections, evidence and disputes following.
 */
export function laterPackOf<P extends Pack>(pack: P): P {
  const record = packRecord(pack);
  const ids = new Map(record.entries.map((entry) => [entry.id, randomUUID()]));
  const id = (old: string) => ids.get(old) ?? old;
  return withPackRecord(pack, {
    ...record,
    sentAt: new Date(new Date(record.sentAt).getTime() + 3_600_000).toISOString(),
    entries: record.entries.map((entry) => ({ ...entry, id: id(entry.id), ...(entry.corrects === undefined ? {} : { corrects: id(entry.corrects) }) })),
    assessments: record.assessments.map((a) => ({ ...a, evidence: a.evidence.map((e) => (e.entryId === undefined ? e : { ...e, entryId: id(e.entryId) })) })),
    disputes: record.disputes.map((d) => ({ ...d, entryId: id(d.entryId) })),
  });
}
