/** One email. `secrets` are the values in it that must never be written anywhere but to the recipient. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  secrets: readonly string[];
}

export interface MailReceipt {
  messageId?: string;
  /** The message was recorded (a log file), not delivered to the recipient: reported as `logged`, never `sent`. */
  loggedOnly?: boolean;
}

/** Delivers mail: the SDK's log-file and SMTP mailers, or any a program passes in. */
export interface Mailer {
  /** Where mail goes, for messages: "smtp://mail.example.com:587", "log file /srv/tenantry/mail.log". */
  readonly description: string;
  send(message: MailMessage): Promise<MailReceipt>;
}

/** Replaces each secret with a marker, for anything that records a message rather than delivering it. */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  return secrets
    .filter((secret) => secret.length > 0)
    .reduce((masked, secret) => masked.replaceAll(secret, '[secret withheld: shown once to the sender]'), text);
}
