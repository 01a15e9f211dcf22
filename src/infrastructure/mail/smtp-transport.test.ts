import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MailSink } from '../../../test/helpers/mail-sink.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { MailSendError } from './mail-transport.ts';
import { createMailTransport } from './smtp-transport.ts';

function problemsFor(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
}

describe('mail settings', () => {
  it('leaves mail off by default, with a sender and an interval ready for when it is on', () => {
    const config = loadConfig({});
    assert.deepEqual([config.smtpUrl, config.mailFrom, config.outboxIntervalSeconds], [undefined, 'Infant Care Profile <no-reply@localhost>', 30]);
    assert.equal(createMailTransport(config), undefined);
    const chosen = loadConfig({ SMTP_URL: 'smtps://icp:pw@mail.example', MAIL_FROM: 'ICP <icp@council.example>', OUTBOX_INTERVAL_SECONDS: '60' });
    assert.deepEqual([chosen.smtpUrl, chosen.mailFrom, chosen.outboxIntervalSeconds], ['smtps://icp:pw@mail.example', 'ICP <icp@council.example>', 60]);
  });

  it('refuses an SMTP_URL that is not an SMTP URL, saying what it accepts without repeating the value', () => {
    assert.deepEqual(problemsFor({ SMTP_URL: 'mail.example:587' }), ['SMTP_URL must start with smtp:// or smtps:// (it starts with mail.example://)']);
    assert.deepEqual(problemsFor({ SMTP_URL: 'https://user:hunter2@mail.example' }), ['SMTP_URL must start with smtp:// or smtps:// (it starts with https://)']);
    assert.deepEqual(problemsFor({ SMTP_URL: 'not a url' }), ['SMTP_URL must be an SMTP URL such as smtp://user:password@mail.example:587']);
    assert.deepEqual(problemsFor({ SMTP_URL: 'smtp:mail' }), ['SMTP_URL must name the mail server, as in smtp://mail.example:587']);
    assert.deepEqual(problemsFor({ OUTBOX_INTERVAL_SECONDS: '1' }), ['OUTBOX_INTERVAL_SECONDS must be a whole number from 5 to 3600 (it is "1")']);
  });

  it('sends from MAIL_FROM through the server SMTP_URL names, signing in with its credentials', async () => {
    const sink = await MailSink.start({ user: 'icp@council.example', pass: 'p@ss/word' });
    try {
      assert.match(sink.url, /^smtp:\/\/icp%40council\.example:p%40ss%2Fword@127\.0\.0\.1:\d+$/);
      const config = loadConfig({ SMTP_URL: sink.url, MAIL_FROM: 'ICP <alerts@council.example>' });
      await createMailTransport(config)!.send({ to: 'sw@council.example', subject: 'Hospital discharge – baby Ōkafor', text: 'Seen: yes – 100% sure.\nLine two.' });
      assert.deepEqual(sink.received, [
        { from: 'alerts@council.example', to: ['sw@council.example'], subject: 'Hospital discharge – baby Ōkafor', text: 'Seen: yes – 100% sure.\nLine two.' },
      ]);
    } finally {
      await sink.stop();
    }
  });

  it('fails with a short reason that never holds the password', async () => {
    const sink = await MailSink.start({ user: 'icp', pass: 'right' });
    try {
      const transport = createMailTransport({ smtpUrl: sink.url.replace(':right@', ':Hunter2-secret@'), mailFrom: 'icp@council.example' })!;
      const error = await transport.send({ to: 'sw@council.example', subject: 's', text: 't' }).then(() => undefined, (reason: unknown) => reason);
      assert.ok(error instanceof MailSendError);
      assert.match(error.message, /^Invalid login: 535/);
      assert.doesNotMatch(error.message, /Hunter2/);
    } finally {
      await sink.stop();
    }
  });
});
