import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { MailMessage } from '../../infrastructure/mail/mail-transport.ts';
import { deliverOutboxPeriodically } from './deliver-outbox-periodically.ts';

describe('the server mail worker', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const queue = (id: string) =>
    t.ctx.db.insertInto('outbox').values({ id, to_address: `${id}@test.example`, subject: id, body: id, created_at: t.clock.now(), next_attempt_at: t.clock.now() }).execute();

  it('delivers at once and then every interval, logs what it did, and stops when asked', async () => {
    const sent: MailMessage[] = [];
    const logged: string[] = [];
    const log = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
    await queue('at-start');
    const stop = deliverOutboxPeriodically(t.ctx, { send: async (message) => void sent.push(message) }, 20, log);
    await waitFor(() => sent.length === 1);
    await queue('later');
    await waitFor(() => sent.length === 2);
    await stop();
    await queue('after-stop');
    await sleep(100);
    assert.deepEqual(sent.map((message) => message.subject), ['at-start', 'later']);
    assert.ok(logged.includes('Mail: sent 1 message(s); 0 waiting.'), logged.join('\n'));
  });

  it('logs a failed run as a warning with the reason, and keeps the message', async () => {
    await t.ctx.db.deleteFrom('outbox').execute();
    const logged: string[] = [];
    const log = { info: () => undefined, warn: (m: string) => logged.push(m), error: (m: string) => logged.push(m) };
    await queue('refused');
    const stop = deliverOutboxPeriodically(t.ctx, { send: () => Promise.reject(new Error('mail server is down')) }, 20, log);
    await waitFor(() => logged.length > 0);
    await stop();
    assert.deepEqual(logged, ['Mail: 1 message(s) could not be sent and will be retried (mail server is down); 1 waiting.']);
    const kept = await t.ctx.db.selectFrom('outbox').select(['attempts', 'sent_at']).where('id', '=', 'refused').executeTakeFirstOrThrow();
    assert.deepEqual(kept, { attempts: 1, sent_at: null });
  });

  it('notes each run for the readiness check, and on stop ends a run after the message it is sending, leaving the rest unclaimed', async () => {
    await t.ctx.db.deleteFrom('outbox').execute();
    for (const id of ['first', 'second', 'third']) await queue(id);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const sent: string[] = [];
    let runs = 0;
    let release!: () => void;
    const sending = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const transport = {
      send: async (message: MailMessage) => {
        started();
        await sending;
        sent.push(message.subject);
      },
    };
    const stop = deliverOutboxPeriodically(t.ctx, transport, 60_000, log, {
      afterRun: async () => {
        runs++;
      },
    });
    await firstStarted;
    const stopped = stop();
    release();
    await stopped;
    assert.deepEqual(sent, ['first']);
    assert.equal(runs, 1, 'the run that stopped early is noted too');
    const left = await t.ctx.db.selectFrom('outbox').select(['id', 'next_attempt_at']).where('sent_at', 'is', null).orderBy('id').execute();
    assert.deepEqual(left, [{ id: 'second', next_attempt_at: t.clock.now() }, { id: 'third', next_attempt_at: t.clock.now() }], 'not claimed: the next process sends them at once');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition(); tries++) {
    if (tries > 200) throw new Error('timed out waiting');
    await sleep(10);
  }
}
