import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { processIsGone, processStartTicks } from '../../db/process-identity.ts';

/** How long a claim holds without its process being known dead: well past one attempt's timeout. */
export const CLAIM_SECONDS = 60;

/** `host:pid:start-ticks:nonce`: names the claiming process (to tell it died) and this one claim (to compare and set). */
export function newClaim(): string {
  return `${hostname()}:${process.pid}:${processStartTicks(process.pid) ?? ''}:${randomUUID()}`;
}

/** A delivery may be claimed when nobody holds it, the claim ran out, or its process is certainly gone (kill -9). */
export function claimable(claimedBy: string | null, claimedUntil: Date | null, now: Date): boolean {
  if (claimedBy === null || claimedUntil === null || claimedUntil.getTime() <= now.getTime()) return true;
  const [host, pid, start] = claimedBy.split(':');
  if (host === undefined || pid === undefined || Number.isNaN(Number(pid))) return true;
  return processIsGone({ host, pid: Number(pid), pidStart: start === '' ? undefined : start });
}
