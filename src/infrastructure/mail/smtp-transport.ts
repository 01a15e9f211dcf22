// Sends mail through the SMTP server that SMTP_URL names (smtp:// or smtps://, credentials in the URL).
// No SMTP_URL means mail is off: there is no transport and the outbox keeps every message.
import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import { MailSendError, type MailTransport } from './mail-transport.ts';

// Tight enough that an unreachable server fails a delivery run quickly rather than holding it for minutes.
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };
const MAX_REASON_LENGTH = 200;

export function createMailTransport(config: Pick<Config, 'smtpUrl' | 'mailFrom'>): MailTransport | undefined {
  if (!config.smtpUrl) return undefined;
  const url = new URL(config.smtpUrl);
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  const transporter = nodemailer.createTransport(
    {
      host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port ? Number(url.port) : undefined,
      secure: url.protocol === 'smtps:',
      auth: user ? { user, pass } : undefined,
      ...TIMEOUTS,
    },
    { from: config.mailFrom },
  );
  const secrets = [pass, url.password].filter((secret) => secret !== '');
  return {
    async send(message) {
      try {
        await transporter.sendMail({ to: message.to, subject: message.subject, text: message.text });
      } catch (error) {
        throw new MailSendError(safeReason(error, secrets));
      }
    },
  };
}

/** The mail server's reason on one short line, with any credential blanked out. */
function safeReason(error: unknown, secrets: string[]): string {
  let reason = error instanceof Error ? error.message : String(error);
  for (const secret of secrets) reason = reason.split(secret).join('***');
  return reason.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_LENGTH) || 'the mail server refused the message';
}
