import type { Mailer } from '../outbox/mailer.ts';
import type { DeliveryMessage } from './delivery-message.ts';
import { signDelivery } from './webhook-secret.ts';
import type { WebhookKind } from './webhook.schemas.ts';

export const ATTEMPT_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 512;

/** Where one delivery goes, with what only the sender may know (unsealed for the attempt, never kept). */
export interface DeliveryTarget {
  kind: WebhookKind;
  /** The URL to POST to (unsealed), or the email address. */
  address: string;
  /** The signing secret of a webhook. */
  secret: string | null;
}

export interface AttemptOutcome {
  ok: boolean;
  statusCode: number | null;
  latencyMs: number;
  /** The response's first bytes, for the delivery log. */
  excerpt: string | null;
  error: string | null;
}

/** Makes one attempt: a signed POST, a Slack message or an email. Never throws: a failure is an outcome. */
export async function sendDelivery(target: DeliveryTarget, message: DeliveryMessage, now: Date, mailer: Mailer | undefined): Promise<AttemptOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    if (target.kind === 'email') return { ...(await sendEmail(target.address, message, mailer)), latencyMs: elapsed() };
    const timestamp = Math.floor(now.getTime() / 1000);
    const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Tenantry-Webhooks/1' };
    if (target.kind === 'webhook' && target.secret !== null) {
      headers['webhook-id'] = message.id;
      headers['webhook-timestamp'] = String(timestamp);
      headers['webhook-signature'] = signDelivery(target.secret, message.id, timestamp, message.body);
    }
    const body = target.kind === 'slack' ? JSON.stringify({ text: message.summary }) : message.body;
    // A redirect is an answer of its own: a receiver that moved must be subscribed again.
    const response = await fetch(target.address, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
    const excerpt = await readExcerpt(response);
    const ok = response.status >= 200 && response.status < 300;
    return { ok, statusCode: response.status, latencyMs: elapsed(), excerpt, error: ok ? null : `answered ${response.status}` };
  } catch (error) {
    return { ok: false, statusCode: null, latencyMs: elapsed(), excerpt: null, error: describeFailure(error) };
  }
}

async function sendEmail(to: string, message: DeliveryMessage, mailer: Mailer | undefined): Promise<Omit<AttemptOutcome, 'latencyMs'>> {
  if (!mailer) return { ok: false, statusCode: null, excerpt: null, error: 'no mailer is configured (set TENANTRY_SMTP_URL or a mail log)' };
  const text = `${message.summary}\n\n${JSON.stringify(JSON.parse(message.body), null, 2)}\n`;
  const receipt = await mailer.send({ to, subject: `[Tenantry] ${message.summary}`, text, secrets: [] });
  const where = receipt.loggedOnly ? `logged (${mailer.description})` : `sent (${mailer.description})`;
  return { ok: true, statusCode: null, excerpt: receipt.messageId ? `${where}, message ${receipt.messageId}` : where, error: null };
}

async function readExcerpt(response: Response): Promise<string | null> {
  if (!response.body) return null;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.length;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const text = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
  return text.length > 0 ? text : null;
}

function describeFailure(error: unknown): string {
  const failure = error as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (failure.name === 'TimeoutError') return `no answer within ${ATTEMPT_TIMEOUT_MS / 1000} s`;
  return failure.cause?.code ?? failure.cause?.message ?? failure.message ?? String(error);
}
