import type { Mailer, MailMessage, MailReceipt } from '@tenantry/core';
import type { Transporter } from 'nodemailer';

export interface SmtpMailerOptions {
  /** smtp://user:pass@host:587 or smtps://host:465; the password never appears in messages. */
  url: string;
  /** The From header. */
  from: string;
}

/** Delivers through an SMTP server with nodemailer (loaded on first use). */
export function createSmtpMailer(options: SmtpMailerOptions): Mailer {
  let transport: Promise<Transporter> | undefined;
  const open = () => (transport ??= import('nodemailer').then((nodemailer) => nodemailer.createTransport(options.url)));
  return {
    description: describeSmtpUrl(options.url),
    async send(message: MailMessage): Promise<MailReceipt> {
      const info = (await (await open()).sendMail({ from: options.from, to: message.to, subject: message.subject, text: message.text })) as {
        messageId?: string;
      };
      return info.messageId ? { messageId: info.messageId } : {};
    },
  };
}

/** "smtp://user:secret@mail.example.com:587" → "smtp://mail.example.com:587" (never the credentials). */
export function describeSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}`;
  } catch {
    return 'the configured SMTP server';
  }
}
