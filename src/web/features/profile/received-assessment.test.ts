import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { qaElement, textOf } from '../../../../test/helpers/html.ts';
import { transferAreas, type TransferAreas } from '../../../../test/helpers/transfer-areas.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import { formatDate } from '../../views/london-time.ts';

interface Factor {
  factorId: string;
  subject: string;
  personId?: string;
  version: number;
  receivedFrom: { area: string; receivedOn: string } | null;
}

describe('a factor assessment received in a transfer: the sending area’s, shown as not yet confirmed here until saved here', () => {
  let areas: TransferAreas;
  let caseId: string;
  let mother: string;

  before(async () => {
    areas = await transferAreas({ motherNhsNumber: '9434765919' });
    const send = (method: 'POST' | 'PUT', path: string, payload: object) =>
      areas.sending.app.inject({ method, url: `/api/v1/cases/${areas.caseId}/${path}`, headers: { authorization: `Bearer ${areas.leadToken}` }, payload });
    const assessed = await send('PUT', 'profile/factors/mental-health', { personId: areas.motherId, status: 'present', detail: 'Postnatal depression', evidence: [{ source: 'agency-record', note: 'GP letter' }], version: 0 });
    assert.equal(assessed.statusCode, 200, assessed.body);
    const excluded = await send('PUT', 'profile/factors/alcohol-misuse', { personId: areas.motherId, status: 'excluded', evidence: [{ source: 'observed', note: 'No sign of drink at three visits' }], version: 0 });
    assert.equal(excluded.statusCode, 200, excluded.body);
    const closed = await send('POST', 'transfer', { toArea: 'Northshire County Council', contact: 'Rita Receiver, duty team' });
    assert.equal(closed.statusCode, 201, closed.body);

    const received = await areas.receive(closed.json());
    assert.equal(received.statusCode, 201, received.body);
    caseId = received.json<{ caseId: string }>().caseId;
    mother = (await areas.receiving.ctx.db.selectFrom('people').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()).id;
  });
  after(async () => areas.close());

  const api = (method: 'GET' | 'PUT', path: string, payload?: object) =>
    areas.receiving.app.inject({ method, url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${areas.receiverToken}` }, ...(payload ? { payload } : {}) });
  const profile = async () => (await api('GET', 'profile')).json<{ factors: Factor[]; summary: { unverified: number; receivedNotConfirmed: number } }>();
  const factors = async () => (await profile()).factors;
  const mothers = (all: Factor[], factorId: string) => all.find((f) => f.factorId === factorId && f.personId === mother)!;
  const today = () => serviceToday(areas.receiving.clock.now());

  it('the API read carries receivedFrom on a received assessment, and null on one made here or never made', async () => {
    const here = await api('PUT', 'profile/factors/housing-instability', { status: 'excluded', evidence: [{ source: 'observed', note: 'Settled flat, seen on the visit' }], version: 0 });
    assert.equal(here.statusCode, 200, here.body);
    const all = await factors();
    const mark = { area: 'Southby Health Visiting', receivedOn: today() };
    assert.deepEqual(mothers(all, 'mental-health').receivedFrom, mark);
    assert.deepEqual(mothers(all, 'alcohol-misuse').receivedFrom, mark);
    assert.equal(all.find((f) => f.factorId === 'housing-instability')!.receivedFrom, null, 'made here');
    assert.equal(mothers(all, 'drug-misuse').receivedFrom, null, 'never assessed');
  });

  it('the API read counts them apart from the unverified exclusions (both received on evidence, neither on the carer’s word)', async () => {
    const { summary } = await profile();
    assert.equal(summary.receivedNotConfirmed, 2);
    assert.equal(summary.unverified, 0);
  });

  it('the profile page marks each received factor, counts them and says what to do; the factor page says who assessed it', async () => {
    const client = await WebClient.signedIn(areas.receiving.app, areas.receiver);
    const page = await client.get(`/cases/${caseId}/profile`);
    assert.equal(page.statusCode, 200);
    assert.match(textOf(qaElement(page.body, 'received-unconfirmed')), /2 assessments were made by another area .* confirm it on what you have seen, with your evidence, or re-assess it/);
    assert.match(textOf(qaElement(page.body, 'profile-summary')), /Excluded on the carer's word only 0 .*Received from another area, not yet confirmed here 2 /);
    const marked = `Assessed by Southby Health Visiting, received ${formatDate(today())}: not yet confirmed here`;
    assert.equal(page.body.split(marked).length - 1, 2);

    const factor = await client.get(`/cases/${caseId}/profile/${mother}/alcohol-misuse`);
    assert.equal(factor.statusCode, 200);
    assert.match(textOf(qaElement(factor.body, 'received')), new RegExp(`Not yet confirmed here Assessed by Southby Health Visiting and received in a transfer on ${formatDate(today())}.*Confirm it on what you have seen`));
    const made = await client.get(`/cases/${caseId}/profile/household/housing-instability`);
    assert.equal(made.statusCode, 200);
    assert.doesNotMatch(made.body, /data-qa="received"/);
  });

  it('the printable profile and summary say the same', async () => {
    const client = await WebClient.signedIn(areas.receiving.app, areas.receiver);
    const print = await client.get(`/cases/${caseId}/print/profile`);
    assert.equal(print.statusCode, 200);
    assert.match(textOf(qaElement(print.body, 'received-count')), /^2 assessments were made by another area/);
    assert.equal(print.body.split('data-qa="received-tag"').length - 1, 2);
    assert.match(print.body, /Assessed by Southby Health Visiting, received [^<]*: not yet confirmed here: confirm it on what you have seen, or re-assess it\./);
    const summary = await client.get(`/cases/${caseId}/print/summary`);
    assert.equal(summary.statusCode, 200);
    assert.match(textOf(qaElement(summary.body, 'received-count')), /^2 assessments were made by another area/);
  });

  it('once saved here it is this area’s own: no longer marked anywhere', async () => {
    const client = await WebClient.signedIn(areas.receiving.app, areas.receiver);
    const { version } = mothers(await factors(), 'alcohol-misuse');
    const saved = await client.post(`/cases/${caseId}/profile/${mother}/alcohol-misuse`, { version: String(version), status: 'excluded', evidenceNote: 'No drink seen at our visit', evidenceSource: 'observed' });
    assert.equal(saved.statusCode, 303, saved.body);
    const all = await factors();
    assert.equal(mothers(all, 'alcohol-misuse').receivedFrom, null);
    assert.notEqual(mothers(all, 'mental-health').receivedFrom, null, 'the other is still the sending area’s');
    const page = await client.get(`/cases/${caseId}/profile`);
    assert.match(textOf(qaElement(page.body, 'received-unconfirmed')), /^1 assessment was made by another area/);
    assert.match(textOf(qaElement(page.body, 'profile-summary')), /Received from another area, not yet confirmed here 1 /);
    assert.equal((await profile()).summary.receivedNotConfirmed, 1);
    const factor = await client.get(`/cases/${caseId}/profile/${mother}/alcohol-misuse`);
    assert.doesNotMatch(factor.body, /data-qa="received"/);
  });
});
