/**
 * What both hosts promise the page, defined once: the Electron window (app://, src/main/electron) and browser
 * mode (src/main/http) send the same Content Security Policy, and the renderer's HTTP client and the
 * browser-mode server name the token header the same way.
 */

/**
 * The page's Content Security Policy: only our own scripts and styles, no eval, no inline scripts, no
 * network beyond our own origin. Mantine injects style tags, hence 'unsafe-inline' for styles only.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Directives a `<meta http-equiv>` policy cannot carry: browsers ignore them there, with a console warning. */
export const HEADER_ONLY_DIRECTIVES: readonly string[] = ['frame-ancestors', 'report-uri', 'report-to', 'sandbox'];

/** The policy as the page's `<meta http-equiv>` fallback repeats it (written into index.html at build). */
export function metaContentSecurityPolicy(policy: string = CONTENT_SECURITY_POLICY): string {
  return policy
    .split(';')
    .map((directive) => directive.trim())
    .filter((directive) => directive !== '' && !HEADER_ONLY_DIRECTIVES.includes(directive.split(/\s+/)[0]!.toLowerCase()))
    .join('; ');
}

/** Where index.html asks for the meta policy; the renderer build replaces it (electron.vite.config.ts). */
export const CSP_PLACEHOLDER = '__CONTENT_SECURITY_POLICY__';

/** index.html with the meta policy written in; throws when the page has no placeholder to fill. */
export function withMetaContentSecurityPolicy(html: string): string {
  if (!html.includes(CSP_PLACEHOLDER)) throw new Error(`index.html has no ${CSP_PLACEHOLDER} to fill`);
  return html.replaceAll(CSP_PLACEHOLDER, metaContentSecurityPolicy());
}

/**
 * The header that carries browser mode's per-launch token on every API call. Header names are
 * case-insensitive; Node hands them to the server in lower case, so this is the one spelling.
 */
export const TOKEN_HEADER = 'x-sla-token';
