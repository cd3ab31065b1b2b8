import type { RawTransport } from '../../shared/api/client';
import { TOKEN_HEADER } from '../../shared/security/headers';

const KEEPALIVE_LIMIT = 60_000;

/** Told how each request went, so the page can say at once when its token stopped working. */
export interface TransportObserver {
  answered(httpStatus: number): void;
  unreachable(): void;
}

/** Browser mode: POST /api/<operation> with the per-launch token in a header. */
export function createHttpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch, observer?: TransportObserver): RawTransport {
  return async (name, input) => {
    const body = JSON.stringify(input ?? {});
    let response: Response;
    try {
      response = await fetchImpl(`${baseUrl}/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body,
        // A save sent while the page is closing must still arrive; browsers allow keepalive up to 64 KiB.
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
    } catch (error) {
      observer?.unreachable();
      throw error;
    }
    observer?.answered(response.status);
    return (await response.json()) as unknown;
  };
}
