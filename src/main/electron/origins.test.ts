import { describe, expect, it, vi } from 'vitest';
import { externalUrlToOpen, isNavigationAllowed, isNetworkRequestAllowed, isOwnOrigin, originOf } from './origins';

vi.mock('electron', () => ({}));

describe('origins', () => {
  it('are protocol and host, also for our non-special app: scheme (where URL.origin is "null")', () => {
    expect(new URL('app://sla/index.html').origin).toBe('null');
    expect(originOf('app://sla/index.html')).toBe('app://sla');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
    expect(originOf('not a url')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
  });

  it('match only exactly: another host, port or scheme is foreign', () => {
    expect(isOwnOrigin('app://sla/x', ['app://sla'])).toBe(true);
    expect(isOwnOrigin('app://evil/x', ['app://sla'])).toBe(false);
    expect(isOwnOrigin('app://sla.evil/x', ['app://sla'])).toBe(false);
    expect(isOwnOrigin('http://localhost:5174/', ['http://localhost:5173'])).toBe(false);
    expect(isOwnOrigin('https://localhost:5173/', ['http://localhost:5173'])).toBe(false);
    expect(isOwnOrigin('file:///etc/passwd', ['app://sla'])).toBe(false);
  });
});

describe('the navigation guard', () => {
  it('lets the page move within our origin and stops everything else', () => {
    expect(isNavigationAllowed('app://sla/index.html#/workshop/1', ['app://sla'])).toBe(true);
    for (const url of ['https://example.com/', 'file:///home/me/doc.html', 'javascript:alert(1)', 'data:text/html,hi', 'about:blank', 'app://other/']) {
      expect(isNavigationAllowed(url, ['app://sla']), url).toBe(false);
    }
  });
});

describe('links opened outside the app', () => {
  it('are only plain http(s) URLs without credentials', () => {
    expect(externalUrlToOpen('https://example.com/guide')).toBe('https://example.com/guide');
    expect(externalUrlToOpen('http://example.com/')).toBe('http://example.com/');
    for (const url of [
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://server/share',
      'app://sla/',
      'mailto:a@b.c',
      'https://user:pw@example.com/',
      'nonsense',
    ]) {
      expect(externalUrlToOpen(url), url).toBeNull();
    }
  });
});

describe('network requests from the page', () => {
  it('are refused, except to the dev server (http and its hot-reload websocket) in development', () => {
    expect(isNetworkRequestAllowed('https://fonts.example.com/a.woff2', [])).toBe(false);
    expect(isNetworkRequestAllowed('http://127.0.0.1:8080/api', [])).toBe(false);
    expect(isNetworkRequestAllowed('http://localhost:5173/@vite/client', ['http://localhost:5173'])).toBe(true);
    expect(isNetworkRequestAllowed('ws://localhost:5173/', ['http://localhost:5173'])).toBe(true);
    expect(isNetworkRequestAllowed('ws://localhost:9999/', ['http://localhost:5173'])).toBe(false);
    expect(isNetworkRequestAllowed('https://localhost:5173/', ['http://localhost:5173'])).toBe(false);
  });
});
