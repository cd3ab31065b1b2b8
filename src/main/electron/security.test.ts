import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createSessionHardener, hardenSession, hardenWebContents } from './security';

vi.mock('electron', () => ({}));

type Listener = (event: { url: string; preventDefault(): void }) => void;

function fakeContents() {
  const listeners = new Map<string, Listener[]>();
  let openHandler: ((details: { url: string }) => { action: string }) | null = null;
  const contents = {
    setWindowOpenHandler: (handler: typeof openHandler) => {
      openHandler = handler;
    },
    on: (name: string, listener: Listener) => {
      listeners.set(name, [...(listeners.get(name) ?? []), listener]);
    },
  };
  const emit = (name: string, url: string) => {
    const event = { url, preventDefault: vi.fn() };
    for (const listener of listeners.get(name) ?? []) listener(event);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { contents: contents as unknown as WebContents, emit, open: (url: string) => openHandler?.({ url }), listeners };
}

describe('every webContents', () => {
  it('opens no new window; http(s) links go to the OS browser, nothing else does', () => {
    const fake = fakeContents();
    const openExternal = vi.fn();
    hardenWebContents(fake.contents, ['app://sla'], openExternal);
    expect(fake.open('https://example.com/help')).toEqual({ action: 'deny' });
    expect(fake.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(fake.open('app://sla/index.html')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://example.com/help']]);
  });

  it('cannot navigate or be redirected away from our origin, in any frame', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, ['app://sla'], vi.fn());
    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(fake.emit(name, 'https://example.com/'), name).toBe(true);
      expect(fake.emit(name, 'file:///etc/passwd'), name).toBe(true);
      expect(fake.emit(name, 'app://sla/index.html'), name).toBe(false);
    }
  });

  it('refuses to attach a <webview>', () => {
    const fake = fakeContents();
    hardenWebContents(fake.contents, ['app://sla'], vi.fn());
    expect(fake.emit('will-attach-webview', 'app://sla/')).toBe(true);
  });
});

describe('the session', () => {
  function fakeSession() {
    const calls: Record<string, unknown> = {};
    const session = {
      setPermissionRequestHandler: (h: unknown) => (calls.request = h),
      setPermissionCheckHandler: (h: unknown) => (calls.check = h),
      setDevicePermissionHandler: (h: unknown) => (calls.device = h),
      webRequest: { onBeforeRequest: (filter: unknown, h: unknown) => ((calls.filter = filter), (calls.beforeRequest = h)) },
    };
    return { session: session as unknown as Session, calls };
  }

  type RequestHandler = (wc: unknown, p: string, cb: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  type CheckHandler = (wc: unknown, p: string, origin: string) => boolean;
  const ask = (calls: Record<string, unknown>, permission: string, url: string) => {
    const callback = vi.fn();
    (calls.request as RequestHandler)({}, permission, callback, { requestingUrl: url });
    return callback.mock.calls[0]?.[0];
  };

  it('denies every permission request and check, from any page', () => {
    const { session, calls } = fakeSession();
    hardenSession(session, []);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'keyboardLock', 'pointerLock', 'unknown']) {
      expect(ask(calls, permission, 'app://sla/index.html'), permission).toBe(false);
      expect((calls.check as CheckHandler)({}, permission, 'app://sla'), permission).toBe(false);
    }
    expect((calls.device as () => boolean)()).toBe(false);
  });

  it('allows fullscreen (presentation mode) to our own pages only', () => {
    const { session, calls } = fakeSession();
    hardenSession(session, []);
    expect(ask(calls, 'fullscreen', 'app://sla/index.html#/agreements/x/goals')).toBe(true);
    expect((calls.check as CheckHandler)({}, 'fullscreen', 'app://sla')).toBe(true);
    for (const url of ['https://example.com/', 'app://evil/index.html', 'file:///etc/passwd', 'http://localhost:5173/', '']) {
      expect(ask(calls, 'fullscreen', url), url).toBe(false);
      expect((calls.check as CheckHandler)({}, 'fullscreen', url), url).toBe(false);
    }
  });

  it('allows fullscreen to the dev server in development, and to the content origins given', () => {
    const dev = fakeSession();
    hardenSession(dev.session, ['http://localhost:5173']);
    expect(ask(dev.calls, 'fullscreen', 'http://localhost:5173/')).toBe(true);
    expect(ask(dev.calls, 'fullscreen', 'http://localhost:5174/')).toBe(false);
    const explicit = fakeSession();
    hardenSession(explicit.session, [], ['app://sla']);
    expect(ask(explicit.calls, 'fullscreen', 'app://sla/index.html')).toBe(true);
    expect(ask(explicit.calls, 'media', 'app://sla/index.html')).toBe(false);
  });

  it('cancels network requests, except to the dev server when there is one', () => {
    const { session, calls } = fakeSession();
    hardenSession(session, ['http://localhost:5173']);
    expect(calls.filter).toEqual({ urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] });
    const decide = (url: string) => {
      const callback = vi.fn();
      (calls.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url }, callback);
      return callback.mock.calls[0]?.[0];
    };
    expect(decide('https://cdn.example.com/x.js')).toEqual({ cancel: true });
    expect(decide('http://localhost:5173/src/main.tsx')).toEqual({ cancel: false });
  });
});

describe('every session', () => {
  function countingSession() {
    const count = { request: 0 };
    const session = {
      setPermissionRequestHandler: () => (count.request += 1),
      setPermissionCheckHandler: () => undefined,
      setDevicePermissionHandler: () => undefined,
      webRequest: { onBeforeRequest: () => undefined },
    };
    return { session: session as unknown as Session, count };
  }

  it('is hardened once, however often it is seen, and a missing one is ignored', () => {
    const harden = createSessionHardener([]);
    const first = countingSession();
    const second = countingSession();
    harden(first.session);
    harden(first.session);
    harden(second.session);
    harden(undefined);
    harden(null);
    expect(first.count.request).toBe(1);
    expect(second.count.request).toBe(1);
  });
});
