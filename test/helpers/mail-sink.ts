// A mail server for tests: a real SMTP server in this process that keeps what it receives.
// It can be stopped and started again on the same port, to play a mail server that goes down.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

export class MailSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | undefined;

  private constructor(
    private port: number,
    private readonly credentials: { user: string; pass: string } | undefined,
  ) {}

  /** With credentials, the sink refuses senders that do not sign in with them. */
  static async start(credentials?: { user: string; pass: string }): Promise<MailSink> {
    const sink = new MailSink(0, credentials);
    await sink.resume();
    return sink;
  }

  /** The SMTP_URL that reaches this sink (with the credentials it expects, if any). */
  get url(): string {
    const auth = this.credentials ? `${encodeURIComponent(this.credentials.user)}:${encodeURIComponent(this.credentials.pass)}@` : '';
    return `smtp://${auth}127.0.0.1:${this.port}`;
  }

  /** Starts listening again on the same port after stop(). */
  async resume(): Promise<void> {
    const server = new SMTPServer({
      logger: false,
      disabledCommands: ['STARTTLS'],
      authOptional: !this.credentials,
      allowInsecureAuth: true,
      onAuth: (auth, _session, done) => {
        const good = auth.username === this.credentials?.user && auth.password === this.credentials?.pass;
        done(good ? null : new Error('Invalid username or password'), good ? { user: auth.username } : undefined);
      },
      onData: (stream, session, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const envelope = session.envelope;
          this.received.push({
            from: envelope.mailFrom ? envelope.mailFrom.address : '',
            to: envelope.rcptTo.map((address) => address.address),
            ...parseMessage(Buffer.concat(chunks).toString('utf8')),
          });
          done();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

/** Enough MIME for what the app sends: one text part, 7bit, quoted-printable or base64, and encoded-word subjects. */
function parseMessage(raw: string): { subject: string; text: string } {
  const split = raw.indexOf('\r\n\r\n');
  const headers = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(headers)?.[1]?.trim() ?? '';
  const encoding = header('Content-Transfer-Encoding').toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body, 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  return { subject: decodeWords(header('Subject')), text: text.replace(/\r\n/g, '\n').replace(/\n$/, '') };
}

function decodeQuotedPrintable(value: string): string {
  const parts = value.replace(/=\r?\n/g, '').split(/(=[0-9A-F]{2})/i);
  const bytes = parts.map((part) => (/^=[0-9A-F]{2}$/i.test(part) ? Buffer.from([parseInt(part.slice(1), 16)]) : Buffer.from(part, 'utf8')));
  return Buffer.concat(bytes).toString('utf8');
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_match, kind: string, data: string) =>
      kind.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
