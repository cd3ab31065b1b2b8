import type { RawTransport } from '../../shared/api/client';

export const TOKEN_HEADER = 'X-SLA-Token';

/** Browser mode: POST /api/<operation> with the per-launch token in a header. */
export function createHttpTransport(baseUrl: string, token: string, fetchImpl: typeof fetch = fetch): RawTransport {
  return async (name, input) => {
    const response = await fetchImpl(`${baseUrl}/api/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as unknown;
  };
}
