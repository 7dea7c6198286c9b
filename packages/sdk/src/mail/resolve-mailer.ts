import { join } from 'node:path';

export const DEFAULT_MAIL_FROM = 'Tenantry <no-reply@tenantry.invalid>';

/** Where the default mailer writes when no SMTP server is configured. */
export function mailLogPath(home: string): string {
  return join(home, 'mail.log');
}
