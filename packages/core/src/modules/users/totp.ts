import { Secret, TOTP } from 'otpauth';

const PERIOD_SECONDS = 30;
/** A code of the step before or after is accepted too: clocks of phones drift. */
const WINDOW = 1;

/** A new TOTP secret (160 bits, RFC 4226's recommendation), in base32 as authenticator apps take it. */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app scans: issuer Tenantry's tenant, label the email. */
export function totpUri(secret: string, issuer: string, email: string): string {
  return new TOTP({ issuer, label: email, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS }).toString();
}

/**
 * The time step a code belongs to, when it is valid at `at` (within one step either side), or null. The
 * caller refuses a step not after the last one accepted, so a code is good once.
 */
export function totpStepOf(secret: string, code: string, at: Date): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS, timestamp: at.getTime(), window: WINDOW });
  return delta === null ? null : TOTP.counter({ period: PERIOD_SECONDS, timestamp: at.getTime() }) + delta;
}
