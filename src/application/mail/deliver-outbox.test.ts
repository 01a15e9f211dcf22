import assert from 'node:assert/strict';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { MailSink } from '../../../test/helpers/mail-sink.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { MailTransport } from '../../infrastructure/mail/mail-transport.ts';
import { createMailTransport } from '../../infrastructure/mail/smtp-transport.ts';
import { deliverOutbox } from './deliver-outbox.ts';

describe('delivering the outbox', () => {
  let t: TestApp;
  let sink: MailSink;
  let transport: MailTransport;
  let auditsBefore = 0;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());
  beforeEach(async () => {
    await t.ctx.db.deleteFrom('outbox').execute();
    auditsBefore = (await allAudits()).length;
    sink = await MailSink.start();
    transport = createMailTransport({ smtpUrl: sink.url, mailFrom: 'Infant Care Profile <no-reply@test.example>' })!;
  });
  afterEach(async () => sink.stop());

  /** Queues messages as the alert code does, one second apart, all due now. */
  async function queue(...names: string[]): Promise<void> {
    const now = t.clock.now().getTime();
    for (const [index, name] of names.entries()) {
      const at = new Date(now - (names.length - index) * 1000);
      await t.ctx.db
        .insertInto('outbox')
        .values({ id: name, to_address: `${name}@test.example`, subject: `Alert for ${name}`, body: `Open the case, ${name}.`, created_at: at, next_attempt_at: at })
        .execute();
    }
  }

  const row = (id: string) => t.ctx.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const allAudits = () => t.ctx.db.selectFrom('audit_log').select(['channel', 'outcome', 'details']).where('action', '=', 'mail.deliver').orderBy('seq').execute();
  const audits = async () => (await allAudits()).slice(auditsBefore);
  const minutesFromNow = (date: Date) => (date.getTime() - t.clock.now().getTime()) / 60_000;

  it('sends due messages earliest first, marks them sent and audits the run once', async () => {
    await queue('first', 'second');
    const run = await deliverOutbox(t.ctx, transport, { limit: 10 });
    assert.deepEqual(run, { sent: 2, failed: 0, waiting: 0, lastError: null });
    assert.deepEqual(
      sink.received.map((mail) => [mail.to, mail.subject, mail.text, mail.from]),
      [
        [['first@test.example'], 'Alert for first', 'Open the case, first.', 'no-reply@test.example'],
        [['second@test.example'], 'Alert for second', 'Open the case, second.', 'no-reply@test.example'],
      ],
    );
    for (const id of ['first', 'second']) {
      const sent = await row(id);
      assert.deepEqual([sent.sent_at, sent.attempts, sent.last_error], [t.clock.now(), 0, null]);
    }
    assert.deepEqual(await audits(), [{ channel: 'system', outcome: 'success', details: { sent: 2, failed: 0 } }]);

    const again = await deliverOutbox(t.ctx, transport, { limit: 10 });
    assert.deepEqual([again.sent, again.failed, sink.received.length, (await audits()).length], [0, 0, 2, 1], 'nothing is sent twice, and an idle run is not audited');
  });

  it('sends no more than the limit in one run, leaving the rest for the next', async () => {
    await queue('a', 'b', 'c');
    const run = await deliverOutbox(t.ctx, transport, { limit: 2 });
    assert.deepEqual([run.sent, run.waiting], [2, 1]);
    assert.deepEqual(sink.received.map((mail) => mail.subject), ['Alert for a', 'Alert for b']);
    assert.equal((await row('c')).sent_at, null);
    assert.deepEqual((await deliverOutbox(t.ctx, transport, { limit: 2 })).sent, 1);
  });

  it('leaves a message whose next attempt is still to come', async () => {
    await queue('later');
    await t.ctx.db.updateTable('outbox').set({ next_attempt_at: new Date(t.clock.now().getTime() + 60_000) }).execute();
    assert.deepEqual(await deliverOutbox(t.ctx, transport, { limit: 10 }), { sent: 0, failed: 0, waiting: 1, lastError: null });
    t.clock.advanceMinutes(1);
    assert.equal((await deliverOutbox(t.ctx, transport, { limit: 10 })).sent, 1);
  });

  it('keeps an alert raised while mail is down, backs off, and sends it exactly once when mail returns', async () => {
    await queue('discharge', 'injury');
    await sink.stop();

    const down = await deliverOutbox(t.ctx, transport, { limit: 10 });
    assert.deepEqual([down.sent, down.failed, down.waiting], [0, 2, 2]);
    assert.match(down.lastError ?? '', /ECONNREFUSED/);
    let kept = await row('discharge');
    assert.deepEqual([kept.attempts, kept.sent_at, minutesFromNow(kept.next_attempt_at)], [1, null, 1]);
    assert.match(kept.last_error ?? '', /ECONNREFUSED/);
    assert.deepEqual((await audits()).at(-1), { channel: 'system', outcome: 'failure', details: { sent: 0, failed: 2 } });

    assert.equal((await deliverOutbox(t.ctx, transport, { limit: 10 })).failed, 0, 'not retried before its time');
    t.clock.advanceMinutes(1);
    await deliverOutbox(t.ctx, transport, { limit: 10 });
    kept = await row('discharge');
    assert.deepEqual([kept.attempts, minutesFromNow(kept.next_attempt_at)], [2, 2], 'the wait doubles');

    await sink.resume();
    t.clock.advanceMinutes(1);
    assert.equal((await deliverOutbox(t.ctx, transport, { limit: 10 })).sent, 0, 'still waiting out its delay');
    t.clock.advanceMinutes(1);
    const back = await deliverOutbox(t.ctx, transport, { limit: 10 });
    assert.deepEqual([back.sent, back.failed, back.waiting], [2, 0, 0]);
    kept = await row('discharge');
    assert.deepEqual([kept.attempts, kept.sent_at], [2, t.clock.now()]);
    t.clock.advanceMinutes(60);
    await deliverOutbox(t.ctx, transport, { limit: 10 });
    assert.deepEqual(sink.received.map((mail) => mail.subject), ['Alert for discharge', 'Alert for injury'], 'each sent exactly once');
  });

  it('waits at most an hour between attempts', async () => {
    await queue('stubborn');
    await t.ctx.db.updateTable('outbox').set({ attempts: 9 }).execute();
    await sink.stop();
    await deliverOutbox(t.ctx, transport, { limit: 10 });
    const kept = await row('stubborn');
    assert.deepEqual([kept.attempts, minutesFromNow(kept.next_attempt_at)], [10, 60]);
  });

  it('stores why the server refused without the password', async () => {
    await sink.stop();
    sink = await MailSink.start({ user: 'icp', pass: 'Secret-Pa55word' });
    const wrong = createMailTransport({ smtpUrl: sink.url.replace('Secret-Pa55word', 'Wrong-Pa55word'), mailFrom: 'no-reply@test.example' })!;
    await queue('refused');
    await deliverOutbox(t.ctx, wrong, { limit: 10 });
    const kept = await row('refused');
    assert.match(kept.last_error ?? '', /Invalid login/);
    assert.doesNotMatch(kept.last_error ?? '', /Pa55word/);
    assert.ok((kept.last_error ?? '').length <= 200);
    assert.equal((await deliverOutbox(t.ctx, createMailTransport({ smtpUrl: sink.url, mailFrom: 'no-reply@test.example' }), { limit: 10 })).sent, 0, 'backing off');
  });

  it('sends each message once when two workers deliver at the same time', async () => {
    await queue('m1', 'm2', 'm3', 'm4', 'm5', 'm6');
    const runs = await Promise.all([deliverOutbox(t.ctx, transport, { limit: 10 }), deliverOutbox(t.ctx, transport, { limit: 10 })]);
    assert.equal(runs[0].sent + runs[1].sent, 6);
    assert.deepEqual(sink.received.map((mail) => mail.to[0]).sort(), ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((name) => `${name}@test.example`));
  });

  it('with mail off sends nothing and keeps every message as it was', async () => {
    await queue('waiting');
    const off = createMailTransport(t.ctx.config);
    assert.equal(off, undefined, 'no SMTP_URL, no transport');
    assert.deepEqual(await deliverOutbox(t.ctx, off, { limit: 10 }), { sent: 0, failed: 0, waiting: 1, lastError: null });
    const kept = await row('waiting');
    assert.deepEqual([kept.attempts, kept.last_error, kept.sent_at], [0, null, null]);
    assert.ok(minutesFromNow(kept.next_attempt_at) <= 0, 'still due');
    assert.deepEqual(await audits(), []);
    assert.equal(sink.received.length, 0);
  });
});
