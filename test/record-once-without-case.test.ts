// A form that belongs to no case records once when posted twice too (ADR 0026): a new record (posted
// twice, it made two records of one baby), a quality audit and the administrator's legal hold by rule.
// Each rendering carries a one-time submission id; form_submissions is keyed by the user and the id
// (migration 062), a form without a case known by its action. The same five ways as
// test/record-once.test.ts, then what the key change must keep: a new record's note goes with its
// case, and an id is only ever this user's and this form's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { removeCaseData } from '../src/application/cases/remove-case-data.ts';
import { addDays } from '../src/domain/shared/calendar-date.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';
import { makeCase, makeOrganisation, makeUser } from './helpers/factories.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';

/** A form without a case: where it is shown and posted, what to type (new each call), how many it recorded, and who fills it in. */
interface RecordForm {
  name: string;
  page: string;
  action: string;
  fields: () => Record<string, string>;
  count: () => Promise<number>;
  by: () => WebClient;
}

const FAMILIES = ['Abernethy', 'Cholmondeley', 'Fairbrother', 'Gwynne', 'Kowalczyk', 'Lindqvist', 'Mbeki', 'Nakamura', 'Okonjo', 'Pemberton', 'Quayle', 'Ruiz', 'Szabo', 'Tremaine', 'Vasquez', 'Yilmaz'];
const GIVEN = ['Ada', 'Bram', 'Cleo', 'Dov', 'Effie', 'Finn', 'Gus', 'Hedy', 'Ivo', 'Juno', 'Kit', 'Lark', 'Mae', 'Ned', 'Ora', 'Pip'];

describe('a form without a case posted twice records once', () => {
  let t: TestApp;
  let client: WebClient;
  let midwifeClient: WebClient;
  let leadClient: WebClient;
  let adminClient: WebClient;
  let midwifeId: string;
  let leadId: string;
  let auditOrganisationId: string;
  let babies = 0;

  before(async () => {
    t = await createTestApp();
    const midwife = await makeUser(t.ctx, { organisationId: (await makeOrganisation(t.ctx, 'midwifery', 'Eastvale Midwifery')).id, name: 'Mia Midwife' });
    midwifeId = midwife.id;
    auditOrganisationId = (await makeOrganisation(t.ctx, 'health-visiting', 'Audit Health')).id;
    const lead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: auditOrganisationId, name: 'Lee Lead' });
    leadId = lead.id;
    await makeCase(t.ctx, { familyName: 'Audited', teamUserIds: [lead.id] });
    midwifeClient = await WebClient.signedIn(t.app, midwife);
    leadClient = await WebClient.signedIn(t.app, lead);
    adminClient = await WebClient.signedIn(t.app, await makeUser(t.ctx, { role: 'admin', name: 'Ada Admin' }));
  });
  after(async () => t.close());

  const countOf = async (rows: Promise<{ n: string | number | bigint }>) => Number((await rows).n);

  const forms = (): RecordForm[] => [
    {
      name: 'a new record',
      page: '/cases/new/details?status=unborn',
      action: '/cases/new',
      fields: () => {
        // Each baby its own name and a due date over two weeks from another's, so that one is no possible match for another.
        const n = babies++;
        const [year, month, day] = addDays(serviceToday(t.clock.now()), 5 + (n % 20) * 15).split('-');
        return { status: 'unborn', givenName: GIVEN[n % GIVEN.length]!, familyName: FAMILIES[n % FAMILIES.length]!, 'expectedDeliveryDate-day': day!, 'expectedDeliveryDate-month': month!, 'expectedDeliveryDate-year': year! };
      },
      count: () => countOf(t.ctx.db.selectFrom('cases').select((eb) => eb.fn.countAll<string>().as('n')).where('created_by', '=', midwifeId).executeTakeFirstOrThrow()),
      by: () => midwifeClient,
    },
    {
      name: 'a quality audit',
      page: '/quality-audits/new',
      action: '/quality-audits/new',
      fields: () => ({ scope: 'all', sampleSize: '', seed: '', organisationId: auditOrganisationId }),
      count: () => countOf(t.ctx.db.selectFrom('quality_audits').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()),
      by: () => leadClient,
    },
    {
      name: 'a legal hold by rule',
      page: '/admin/legal-holds',
      action: '/admin/legal-holds',
      fields: () => ({ organisationId: '', bornFrom: '2020-01-01', bornTo: '2020-12-31', reason: 'An inquiry into 2020 has asked for the records' }),
      count: () => countOf(t.ctx.db.selectFrom('legal_holds').select((eb) => eb.fn.countAll<string>().as('n')).where('case_id', 'is', null).executeTakeFirstOrThrow()),
      by: () => adminClient,
    },
  ];

  /** The form's page as its user opens it, with its one-time submission id. */
  async function opened(form: RecordForm): Promise<string> {
    client = form.by();
    const page = await client.get(form.page);
    assert.equal(page.statusCode, 200, form.page);
    const id = /<input type="hidden" name="submissionId" value="([0-9a-f-]{36})">/.exec(page.body)?.[1];
    assert.ok(id, `${form.name}: the form carries a submission id`);
    return id;
  }

  const post = (form: RecordForm, fields: Record<string, string>) => client.post(form.action, fields);

  /** Where a post was sent, and the success message the page there shows once. */
  async function answered(response: LightMyRequestResponse): Promise<{ location: string; message: string }> {
    assert.equal(response.statusCode, 303, /data-qa="possible-matches"[\s\S]{0,3000}/.exec(response.body)?.[0] ?? response.body.slice(0, 500));
    const location = String(response.headers.location);
    const page = await client.get(location);
    const message = /govuk-notification-banner--success[\s\S]*?<p[^>]*>([\s\S]*?)<\/p>/.exec(page.body)?.[1]?.trim() ?? '';
    return { location, message };
  }

  it('records a form posted twice with the same id once, and sends the second post where the first went with the same message', async () => {
    for (const form of forms()) {
      const fields = { ...form.fields(), submissionId: await opened(form) };
      const before = await form.count();
      const first = await answered(await post(form, fields));
      const second = await answered(await post(form, fields));
      assert.equal(await form.count(), before + 1, form.name);
      assert.deepEqual(second, first, form.name);
    }
  });

  it('records the same form rendered twice, each with its own id, twice', async () => {
    for (const form of forms()) {
      const before = await form.count();
      await answered(await post(form, { ...form.fields(), submissionId: await opened(form) }));
      await answered(await post(form, { ...form.fields(), submissionId: await opened(form) }));
      assert.equal(await form.count(), before + 2, form.name);
    }
  });

  it('records a post without an id, or with one not shaped like one, as a new submission', async () => {
    for (const form of forms()) {
      await opened(form);
      const before = await form.count();
      await answered(await post(form, form.fields()));
      await answered(await post(form, form.fields()));
      await answered(await post(form, { ...form.fields(), submissionId: 'not-an-id' }));
      assert.equal(await form.count(), before + 3, form.name);
    }
  });

  it('records two posts of one rendering sent at the same moment once: the later is sent again and then where the first went', async () => {
    for (const form of forms()) {
      const fields = { ...form.fields(), submissionId: await opened(form) };
      const before = await form.count();
      const both = await Promise.all([post(form, fields), post(form, fields)]);
      assert.equal(await form.count(), before + 1, form.name);
      // The one that lost the race stored nothing and asks the browser to send it again, as it was.
      const again = await Promise.all(both.map(async (response) => (response.statusCode === 307 ? post(form, fields) : response)));
      const [a, b] = [await answered(again[0]!), await answered(again[1]!)];
      assert.equal(a.location, b.location, form.name);
      assert.equal(await form.count(), before + 1, form.name);
    }
  });

  it('makes a new record, its audit entry and its note in one transaction, and removes the note with the case', async () => {
    const form = forms()[0]!;
    const submissionId = await opened(form);
    const fields = { ...form.fields(), submissionId };
    const { location } = await answered(await post(form, fields));
    await answered(await post(form, fields));
    const caseId = location.replace('/cases/', '');
    const audited = await t.ctx.db.selectFrom('audit_log').select('outcome').where('action', '=', 'case.create').where('case_id', '=', caseId).execute();
    assert.deepEqual(audited, [{ outcome: 'success' }]);
    const noted = () => t.ctx.db.selectFrom('form_submissions').select(['case_id', 'action', 'record_id']).where('submission_id', '=', submissionId).execute();
    assert.deepEqual(await noted(), [{ case_id: caseId, action: 'case.create', record_id: caseId }]);
    const caseless = await t.ctx.db.selectFrom('form_submissions').select('case_id').where('action', '=', 'quality-audit.start').execute();
    assert.ok(caseless.length > 0 && caseless.every((row) => row.case_id === null), 'a quality audit\'s note has no case');

    const removed = await t.ctx.db.transaction().execute((trx) => removeCaseData(trx, caseId));
    assert.equal(removed['form_submissions'], 1);
    assert.deepEqual(await noted(), []);
    assert.equal((await t.ctx.db.selectFrom('form_submissions').select('case_id').where('action', '=', 'quality-audit.start').execute()).length, caseless.length, 'notes without a case stay');
  });

  it('takes an id noted on another form by this user, or by another user, as a new submission of this one', async () => {
    const [newRecord, audit] = forms();
    // The lead makes a record (a safeguarding lead may), and sends its id with the quality audit form.
    const submissionId = await opened(newRecord!);
    client = leadClient;
    await answered(await post(newRecord!, { ...newRecord!.fields(), submissionId }));
    const notes = () => t.ctx.db.selectFrom('form_submissions').select(['user_id', 'action']).where('submission_id', '=', submissionId).execute();
    const audits = await audit!.count();
    const first = await answered(await post(audit!, { ...audit!.fields(), submissionId }));
    const second = await answered(await post(audit!, { ...audit!.fields(), submissionId }));
    assert.equal(await audit!.count(), audits + 2, 'not taken for the record the id made: each post starts an audit');
    assert.notEqual(first.location, second.location);
    assert.deepEqual(await notes(), [{ user_id: leadId, action: 'case.create' }], 'the id stays the new record\'s');
    // The midwife's own id of a new record, sent by the lead: the lead's post makes a record.
    const midwifes = await opened(newRecord!);
    await answered(await post(newRecord!, { ...newRecord!.fields(), submissionId: midwifes }));
    client = leadClient;
    const made = await t.ctx.db.selectFrom('cases').select('id').where('created_by', '=', leadId).execute();
    await answered(await post(newRecord!, { ...newRecord!.fields(), submissionId: midwifes }));
    assert.equal((await t.ctx.db.selectFrom('cases').select('id').where('created_by', '=', leadId).execute()).length, made.length + 1);
  });
});
