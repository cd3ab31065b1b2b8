/**
 * Which URLs count as "ours". Node's URL gives `origin === "null"` for non-special schemes such as
 * `app:`, so origins are compared as `protocol//host` strings instead.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (!parsed.host) return null;
    return `${parsed.protocol}//${parsed.host}`.toLowerCase();
  } catch {
    return null;
  }
}

export function isOwnOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.some((allowed) => allowed.toLowerCase() === origin);
}

/** Navigation (will-navigate / will-redirect) is allowed only inside our own origin(s). */
export function isNavigationAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  return isOwnOrigin(url, allowedOrigins);
}

/**
 * A link the user clicked that may be handed to the operating system's browser: plain http(s) only,
 * never file:, javascript:, custom schemes or URLs with credentials.
 */
export function externalUrlToOpen(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
    if (parsed.username || parsed.password) return null;
    return parsed.toString();
  } catch {
    return null;
  }
}

/**
 * Network requests from the page: the app runs offline, so http(s) and ws(s) are allowed only to the
 * dev server in development (ws is compared as http for Vite's hot-reload socket).
 */
export function isNetworkRequestAllowed(url: string, allowedOrigins: readonly string[]): boolean {
  const asHttp = url.replace(/^ws(s?):/i, 'http$1:');
  const origin = originOf(asHttp);
  if (origin === null || !/^https?:/.test(origin)) return false;
  return allowedOrigins.some((allowed) => allowed.toLowerCase() === origin);
}
