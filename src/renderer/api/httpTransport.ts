import type { RawTransport } from '../../shared/api/client';
import { TOKEN_HEADER } from '../../shared/security/headers';

const KEEPALIVE_LIMIT = 60_000;

/** Browser mode: POST /api/<operation> with the per-launch token in a header. */
export function createHttpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): RawTransport {
  return async (name, input) => {
    const body = JSON.stringify(input ?? {});
    const response = await fetchImpl(`${baseUrl}/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body,
      // A save sent while the page is closing must still arrive; browsers allow keepalive up to 64 KiB.
      keepalive: body.length < KEEPALIVE_LIMIT,
    });
    return (await response.json()) as unknown;
  };
}
