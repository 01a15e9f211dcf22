import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { cliDatabaseName, icp, useCliEnvironment } from '../test/helpers/cli.ts';
import { MailSink } from '../test/helpers/mail-sink.ts';
import { loadConfig } from './config.ts';
import { openConfiguredDatabase } from './infrastructure/db/open-configured.ts';

describe(`mail deliver on ${cliDatabaseName}`, () => {
  const cli = useCliEnvironment('icp-cli-mail-');
  let sink: MailSink;
  before(async () => {
    const opened = await openConfiguredDatabase(loadConfig({ DATABASE_URL: '', ...cli.env }));
    // The command under test runs on the system clock, as it does for an operator, so its mail is due by that clock.
    // eslint-disable-next-line no-restricted-syntax
    const now = new Date();
    await opened.db
      .insertInto('outbox')
      .values(['one', 'two'].map((id) => ({ id, to_address: `${id}@test.example`, subject: `Alert ${id}`, body: 'Open the case.', created_at: now, next_attempt_at: now })))
      .execute();
    await opened.close();
    sink = await MailSink.start();
  });
  after(async () => {
    await sink.stop();
  });

  it('says mail is off, sends nothing and prints how many wait, when SMTP_URL is not set', async () => {
    const result = await icp({ ...cli.env, SMTP_URL: '' }, 'mail', 'deliver');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /Mail is off \(SMTP_URL is not set\)/);
    assert.equal(result.last, '2');
    assert.equal(sink.received.length, 0);
  });

  it('sends the due messages through SMTP_URL and prints that none wait', async () => {
    const result = await icp({ ...cli.env, SMTP_URL: sink.url }, 'mail', 'deliver');
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Sent 2\./);
    assert.equal(result.last, '0');
    assert.deepEqual(sink.received.map((mail) => mail.subject), ['Alert one', 'Alert two']);
  });
});
