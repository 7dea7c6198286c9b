import { TenantryError } from '../errors.ts';

/** POSTs a JSON body; an unreachable webhook or one answering non-2xx is UNAVAILABLE (safe to retry). */
export async function postJson(url: string, body: unknown): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new TenantryError('UNAVAILABLE', {
      message: `The webhook ${url} could not be reached: ${(error as Error).message}.`,
      hint: 'Check the URL; the findings will be sent again next run.',
      cause: error,
    });
  }
  if (!response.ok) {
    throw new TenantryError('UNAVAILABLE', {
      message: `The webhook ${url} answered ${response.status}.`,
      details: { status: response.status },
      hint: 'The findings will be sent again next run.',
    });
  }
  return response.status;
}
