import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { maskSecrets, type Mailer, type MailMessage, type MailReceipt } from '@tenantry/core';

/**
 * The default mailer when no SMTP server is configured: appends each message, one JSON object a line,
 * to a log file (`$TENANTRY_HOME/mail.log`). A log is not a mailbox: the secrets in a message (an
 * invitation token) are masked; the command that created them has already shown them once.
 */
export function createLogFileMailer(path: string, now: () => Date = () => new Date()): Mailer {
  return {
    description: `log file ${path}`,
    async send(message: MailMessage): Promise<MailReceipt> {
      await mkdir(dirname(path), { recursive: true });
      const entry = {
        at: now().toISOString(),
        to: message.to,
        subject: maskSecrets(message.subject, message.secrets),
        text: maskSecrets(message.text, message.secrets),
      };
      await appendFile(path, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
      return { loggedOnly: true };
    },
  };
}
