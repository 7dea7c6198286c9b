import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ServiceContext } from '../../context.ts';
import { maskSecrets, type Mailer } from './mailer.ts';
import { OutboxMessage } from './outbox-message.entity.ts';

export interface OutboxEntry {
  tenantId: string | null;
  kind: string;
  recipient: string;
  subject: string;
  /** May hold `{{name}}` slots for secrets, filled at delivery. */
  body: string;
}

/** A message to deliver after commit, with the secrets for its slots (kept in memory only). */
export interface PendingDelivery {
  messageId: string;
  secrets: Record<string, string>;
}

export interface DeliveryReport {
  messageId: string;
  recipient: string;
  /** `logged`: written to a log (the default mailer without SMTP), so nobody received it. */
  status: 'sent' | 'logged' | 'failed' | 'pending';
  /** Where it went ("smtp://...", "log file ..."), or why it failed. */
  detail: string;
}

/** Adds a message to the outbox in the caller's unit of work: it commits with the change that causes it. */
export function enqueueMessage(ctx: ServiceContext, tx: SqlEntityManager, entry: OutboxEntry): OutboxMessage {
  return tx.create(OutboxMessage, {
    ...entry,
    correlationId: ctx.correlationId,
    status: 'pending',
    attempts: 0,
    lastError: null,
    createdAt: ctx.now(),
    sentAt: null,
  });
}

/**
 * Delivers committed outbox messages through the mailer and records the outcome of each. A failure
 * is recorded (status failed, the error) and reported, never thrown: the change it belongs to has
 * committed. Without a mailer the messages stay pending.
 */
export async function deliverMessages(
  em: SqlEntityManager,
  mailer: Mailer | undefined,
  deliveries: readonly PendingDelivery[],
  now: () => Date,
): Promise<DeliveryReport[]> {
  const reports: DeliveryReport[] = [];
  for (const delivery of deliveries) {
    const message = await em.findOneOrFail(OutboxMessage, delivery.messageId);
    if (!mailer) {
      reports.push({ messageId: message.id, recipient: message.recipient, status: 'pending', detail: 'no mailer configured' });
      continue;
    }
    const secrets = Object.values(delivery.secrets);
    const text = Object.entries(delivery.secrets).reduce((body, [slot, value]) => body.replaceAll(`{{${slot}}}`, value), message.body);
    message.attempts += 1;
    try {
      const receipt = await mailer.send({ to: message.recipient, subject: message.subject, text, secrets });
      // The outbox row is done either way (handed over); the report tells a log from a delivery.
      message.status = 'sent';
      message.sentAt = now();
      message.lastError = null;
      reports.push({ messageId: message.id, recipient: message.recipient, status: receipt.loggedOnly ? 'logged' : 'sent', detail: mailer.description });
    } catch (error) {
      const reason = maskSecrets(error instanceof Error ? error.message : String(error), secrets);
      message.status = 'failed';
      message.lastError = reason.slice(0, 500);
      reports.push({ messageId: message.id, recipient: message.recipient, status: 'failed', detail: reason });
    }
    await em.flush();
  }
  return reports;
}
