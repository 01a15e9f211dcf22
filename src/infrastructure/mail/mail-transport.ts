// What the outbox needs from a mail server: send one plain-text message, or fail with a reason
// that is safe to store (no credentials).
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export class MailSendError extends Error {
  override name = 'MailSendError';
}
