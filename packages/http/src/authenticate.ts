import { TenantryError, type Actor, type TenantryClient } from '@tenantry/sdk';

/** Who called: the client their calls run as, and a name of the credential for logs and idempotency (never the secret). */
export interface Caller {
  client: TenantryClient;
  credential: string;
}

export interface CallerHeaders {
  authorization?: string | undefined;
  actAs?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `Authorization: Bearer <credential>`: a platform service token (`tts_…`) acts as the platform, or,
 * with `Tenantry-Act-As: <email or user id>`, as that tenant user held to their roles (the caller's
 * back end vouches for its signed-in user); a tenant's API key (`tnt_…`) acts in its own tenant within
 * its scopes. Every audit event of the call carries `correlationId`.
 */
export async function authenticate(root: TenantryClient, headers: CallerHeaders, correlationId: string): Promise<Caller> {
  const credential = bearerOf(headers.authorization);
  if (credential.startsWith('tnt_')) {
    if (headers.actAs) throw actAsNeedsToken();
    const verified = await root.apiKeys.verify({ key: credential });
    if (!verified.valid) throw unauthenticated(verified.message);
    const actor: Actor = {
      type: 'api_key',
      id: verified.key.prefix,
      label: `API key ${verified.key.prefix} (${verified.key.name}) of ${verified.tenant.slug}`,
      apiKey: { tenantId: verified.tenant.id, scopes: verified.key.scopes },
    };
    return { client: root.withCall({ actor, correlationId, face: 'http' }), credential: `key:${verified.key.prefix}` };
  }
  const verified = await root.tokens.verify({ token: credential });
  if (!verified.valid) throw unauthenticated(verified.message);
  const actor: Actor = { type: 'operator', id: verified.token.prefix, label: `service token ${verified.token.name}` };
  const client = root.withCall({ actor, correlationId, face: 'http' });
  const name = `token:${verified.token.prefix}`;
  if (!headers.actAs) return { client, credential: name };
  const who = headers.actAs.trim();
  return { client: client.as(UUID.test(who) ? { userId: who } : { email: who }), credential: `${name}:as:${who.toLowerCase()}` };
}

function bearerOf(header: string | undefined): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!match?.[1]) {
    throw unauthenticated(
      header ? 'The Authorization header is not "Bearer <credential>".' : 'The call carries no credential.',
      'Send Authorization: Bearer <service token (tenantry token create) or a tenant API key>.',
    );
  }
  return match[1];
}

function unauthenticated(message: string, hint = 'Check the credential: tenantry token list, tenantry key list SLUG.'): TenantryError {
  return new TenantryError('UNAUTHENTICATED', { message, hint });
}

function actAsNeedsToken(): TenantryError {
  return new TenantryError('FORBIDDEN', {
    message: 'Forbidden: an API key acts only as itself; Tenantry-Act-As needs a platform service token.',
    details: { header: 'Tenantry-Act-As' },
    hint: 'Leave the header out, or call with a service token.',
  });
}
