import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import type { TestApp } from '../../../../test/helpers/test-app.ts';
import { laterPackOf, packRecord, transferAreas, withPackRecord, type TransferAreas } from '../../../../test/helpers/transfer-areas.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';
import type { TransferBundle } from '../../../domain/transfer/transfer-pack.ts';

/** A form posted as multipart/form-data, as a browser posts a file upload. */
async function postMultipart(client: WebClient, app: TestApp['app'], url: string, csrfFrom: string, fields: Record<string, string>, file?: { name: string; content: string }): Promise<LightMyRequestResponse> {
  const boundary = '----icp-test-boundary';
  const csrf = /name="_csrf" value="([^"]+)"/.exec(csrfFrom)?.[1] ?? '';
  const parts = Object.entries({ _csrf: csrf, ...fields }).map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  if (file) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="pack"; filename="${file.name}"\r\nContent-Type: application/json\r\n\r\n${file.content}\r\n`);
  return app.inject({ method: 'POST', url, headers: { cookie: client.cookieHeader, 'content-type': `multipart/form-data; boundary=${boundary}` }, payload: `${parts.join('')}--${boundary}--\r\n` });
}

const hidden = (html: string, name: string) => {
  const value = new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';
  // As a browser reads the attribute: nunjucks escapes & " ' < > and the backslash.
  return value.replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&#92;', '\\').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
};

describe('receiving a transfer pack from a page (/transfers/import)', () => {
  let areas: TransferAreas;
  let receiving: TestApp;
  let pack: string;
  let receiver: WebClient;
  let administrator: WebClient;
  let receiverId: string;

  before(async () => {
    areas = await transferAreas();
    const { sending, caseId, leadToken } = areas;
    receiving = areas.receiving;
    const call = (path: string, payload: object) => sending.app.inject({ method: 'POST', url: `/api/v1/cases/${caseId}/${path}`, headers: { authorization: `Bearer ${leadToken}`, accept: 'application/json' }, payload });
    assert.equal((await call('events', { kind: 'home-visit', occurredAt: serviceToday(sending.clock.now()), summary: 'Visited at home', source: 'agency-record' })).statusCode, 201);
    const sent = await call('transfer', { toArea: 'Northshire County Council', contact: 'Rita Receiver' });
    assert.equal(sent.statusCode, 201, sent.body);
    pack = sent.body;
    receiverId = areas.receiver.id;
    receiver = await WebClient.signedIn(receiving.app, areas.receiver);
    administrator = await WebClient.signedIn(receiving.app, await makeUser(receiving.ctx, { organisationId: areas.receivingOrganisationId, role: 'admin' }));
  });
  after(async () => areas.close());

  const audits = async (outcome: string) =>
    (await receiving.ctx.db.selectFrom('audit_log').select('action').where('actor_user_id', '=', receiverId).where('outcome', '=', outcome).orderBy('seq').execute()).map((a) => a.action);
  const caseCount = async () => (await receiving.ctx.db.selectFrom('cases').select('id').execute()).length;

  it('offers a file upload to a practitioner, and refuses (audited) a role that makes no records', async () => {
    assert.match((await receiver.get('/cases/find')).body, /href="\/transfers\/import" data-qa="open-transfer-import"/);
    const form = await receiver.get('/transfers/import');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /enctype="multipart\/form-data"/);
    assert.match(form.body, /type="file"/);
    assert.equal((await administrator.get('/transfers/import')).statusCode, 403);
    const denied = await receiving.ctx.db.selectFrom('audit_log').select('action').where('outcome', '=', 'denied').where('action', '=', 'transfer.preview').execute();
    assert.equal(denied.length, 1);
  });

  it('keeps the user on the page with the error summary: no file, a file that is not JSON, JSON that is not a pack (audited)', async () => {
    const form = (await receiver.get('/transfers/import')).body;
    const none = await postMultipart(receiver, receiving.app, '/transfers/import', form, {});
    assert.equal(none.statusCode, 400);
    assert.deepEqual(summaryErrors(none.body), ['#pack: Choose the transfer pack file the other area sent']);
    const notJson = await postMultipart(receiver, receiving.app, '/transfers/import', form, {}, { name: 'pack.json', content: 'not json' });
    assert.equal(notJson.statusCode, 400);
    assert.match(summaryErrors(notJson.body)[0] ?? '', /not JSON/);
    const notPack = await postMultipart(receiver, receiving.app, '/transfers/import', form, {}, { name: 'pack.json', content: '{"resourceType":"Bundle"}' });
    assert.equal(notPack.statusCode, 422);
    assert.ok(summaryErrors(notPack.body).length > 0);
    assert.match(notPack.body, /Ask the sending area to send it again/);
    assert.deepEqual(await audits('failure'), ['transfer.preview']);
    assert.equal(await caseCount(), 0);
  });

  it('shows what the pack holds before storing anything, then receives it on confirmation', async () => {
    const form = (await receiver.get('/transfers/import')).body;
    const preview = await postMultipart(receiver, receiving.app, '/transfers/import', form, {}, { name: 'pack.json', content: pack });
    assert.equal(preview.statusCode, 200, preview.body);
    const shown = textOf(qaElement(preview.body, 'pack-preview'));
    assert.match(shown, /Sent by\s*Southby Health Visiting/);
    assert.match(shown, /Mover/);
    assert.match(shown, /1 person, 1 chronology entry/);
    assert.equal(await caseCount(), 0, 'nothing stored yet');
    assert.ok((await audits('success')).includes('transfer.preview'));

    const received = await postMultipart(receiver, receiving.app, '/transfers/import/confirm', preview.body, { pack: hidden(preview.body, 'pack') });
    assert.equal(received.statusCode, 303, summaryErrors(received.body).join(" / "));
    const caseId = /^\/cases\/(.+)$/.exec(received.headers.location as string)?.[1];
    assert.ok(caseId);
    assert.equal((await receiving.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).execute()).length, 1);
    assert.ok((await audits('success')).includes('transfer.receive'));
  });

  it('on a likely duplicate shows the record here it may be and what to do, and receives it as a different baby when told', async () => {
    const form = (await receiver.get('/transfers/import')).body;
    const preview = await postMultipart(receiver, receiving.app, '/transfers/import', form, {}, { name: 'pack.json', content: pack });
    const again = await postMultipart(receiver, receiving.app, '/transfers/import/confirm', preview.body, { pack: hidden(preview.body, 'pack') });
    assert.equal(again.statusCode, 409, again.body);
    const first = (await receiving.ctx.db.selectFrom('cases').select('id').execute())[0]!.id;
    assert.match(qaElement(again.body, 'possible-matches') ?? '', new RegExp(`href="/cases/${first}"`));
    assert.match(again.body, /Open each record to check it/);
    assert.ok(qaElement(again.body, 'receive-different-baby'));
    assert.equal(await caseCount(), 1);

    const different = await postMultipart(receiver, receiving.app, '/transfers/import/confirm', again.body, { pack: hidden(again.body, 'pack'), differentBaby: 'yes', checkedCaseIds: hidden(again.body, 'checkedCaseIds') });
    assert.equal(different.statusCode, 303, different.body);
    assert.equal(await caseCount(), 2);
  });

  it('offers to add it to a record here that is the same baby: what it will add, then the merge; refusals keep the upload (audited)', async () => {
    const form = (await receiver.get('/transfers/import')).body;
    const preview = await postMultipart(receiver, receiving.app, '/transfers/import', form, {}, { name: 'pack.json', content: pack });
    const duplicate = await postMultipart(receiver, receiving.app, '/transfers/import/confirm', preview.body, { pack: hidden(preview.body, 'pack') });
    assert.equal(duplicate.statusCode, 409);
    assert.ok(qaElement(duplicate.body, 'merge-into'), 'a way to add it to a match');
    const first = (await receiving.ctx.db.selectFrom('cases').select('id').orderBy('created_at').execute())[0]!.id;
    const entries = async () => (await receiving.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', first).execute()).length;
    const before = await entries();
    const looks = async () => (await receiving.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'transfer.preview').execute()).length;

    // That record was made from this very pack: adding it would double its history. The page says so and keeps the upload (audited once).
    const lookedBefore = await looks();
    const same = await postMultipart(receiver, receiving.app, '/transfers/import/merge', duplicate.body, { pack: hidden(duplicate.body, 'pack'), mergeInto: first });
    assert.equal(same.statusCode, 409);
    assert.match(summaryErrors(same.body)[0] ?? '', /in this record already/);
    assert.equal(hidden(same.body, 'pack'), hidden(duplicate.body, 'pack'), 'the upload kept');
    assert.equal(await entries(), before);
    assert.equal(await looks(), lookedBefore + 1, 'the refusal audited once, the upload shown again not a second look');

    // A later pack of the same record, whose entry is not here yet: what the merge will add, audited once for the look.
    const later = JSON.stringify(laterPackOf(JSON.parse(pack) as TransferBundle));
    const looked = await looks();
    const shown = await postMultipart(receiver, receiving.app, '/transfers/import/merge', duplicate.body, { pack: later, mergeInto: first });
    assert.equal(shown.statusCode, 200, summaryErrors(shown.body).join(' / '));
    assert.equal(await looks(), looked + 1, 'one audit entry for one look');
    assert.ok(lookedBefore < looked);
    const merge = textOf(qaElement(shown.body, 'merge-preview'));
    assert.match(merge, /Will add\s*1 chronology entry, 0 factor assessments, 0 meetings, each marked as received from Southby Health Visiting/);
    assert.match(merge, /People found here by NHS number\s*None\s*People to decide about\s*Zoë Mover/);
    assert.equal(await entries(), before, 'nothing stored yet');

    // Refusals keep the upload on the page: a record this user cannot change, and one with another NHS number.
    const { id: notTheirs } = await makeCase(receiving.ctx, { familyName: 'Elsewhere', teamUserIds: [] });
    const noAccess = await postMultipart(receiver, receiving.app, '/transfers/import/merge', shown.body, { pack: hidden(shown.body, 'pack'), mergeInto: notTheirs, confirm: 'yes' });
    assert.equal(noAccess.statusCode, 404);
    assert.match(summaryErrors(noAccess.body)[0] ?? '', /no record with this id that you can add to/);
    assert.equal(hidden(noAccess.body, 'pack'), hidden(shown.body, 'pack'), 'the upload kept');
    assert.ok(qaElement(noAccess.body, 'pack-preview'));
    const noAccessPreview = await postMultipart(receiver, receiving.app, '/transfers/import/merge', shown.body, { pack: hidden(shown.body, 'pack'), mergeInto: notTheirs });
    assert.equal(noAccessPreview.statusCode, 403);
    assert.match(summaryErrors(noAccessPreview.body)[0] ?? '', /Only the team around the family can add to this record/);
    assert.equal(hidden(noAccessPreview.body, 'pack'), hidden(shown.body, 'pack'), 'the upload kept');
    const sent = JSON.parse(pack) as TransferBundle;
    const record = packRecord(sent);
    const otherBaby = JSON.stringify(withPackRecord(sent, { ...record, baby: { ...record.baby, nhsNumber: '9434765870' } }));
    await receiving.ctx.db.updateTable('cases').set({ nhs_number: '4010232137' }).where('id', '=', first).execute();
    const mismatch = await postMultipart(receiver, receiving.app, '/transfers/import/merge', shown.body, { pack: otherBaby, mergeInto: first, confirm: 'yes' });
    assert.equal(mismatch.statusCode, 422);
    assert.match(summaryErrors(mismatch.body)[0] ?? '', /another NHS number than the baby in the pack/);
    assert.equal(hidden(mismatch.body, 'pack'), otherBaby, 'the upload kept');
    await receiving.ctx.db.updateTable('cases').set({ nhs_number: null }).where('id', '=', first).execute();
    assert.equal(await entries(), before);

    const merged = await postMultipart(receiver, receiving.app, '/transfers/import/merge', shown.body, { pack: hidden(shown.body, 'pack'), mergeInto: first, confirm: 'yes' });
    assert.equal(merged.statusCode, 303, summaryErrors(merged.body).join(' / '));
    assert.equal(merged.headers.location, `/cases/${first}`);
    assert.equal(await entries(), before + 1);
    const proposals = await receiving.ctx.db.selectFrom('fhir_proposed_people').select('given_name').where('case_id', '=', first).execute();
    assert.deepEqual(proposals.map((p) => p.given_name), ['Zoë']);
    // The same pack merged again adds nothing and says so, keeping the upload.
    const again = await postMultipart(receiver, receiving.app, '/transfers/import/merge', shown.body, { pack: hidden(shown.body, 'pack'), mergeInto: first, confirm: 'yes' });
    assert.equal(again.statusCode, 409);
    assert.match(summaryErrors(again.body)[0] ?? '', /in this record already/);
    assert.equal(hidden(again.body, 'pack'), later, 'the upload kept');
    assert.equal(await entries(), before + 1);
    const audit = await receiving.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('actor_user_id', '=', receiverId).where('case_id', 'in', [first, notTheirs]).where('action', 'in', ['transfer.preview', 'transfer.receive']).orderBy('seq').execute();
    // The first: the record made from the pack in an earlier test; then the merge's look, the refusals and the merge.
    assert.deepEqual(audit.map((a) => `${a.action} ${a.outcome}`), ['transfer.receive success', 'transfer.preview failure', 'transfer.preview success', 'transfer.receive denied', 'transfer.preview denied', 'transfer.receive failure', 'transfer.receive success', 'transfer.receive failure']);
  });
});
