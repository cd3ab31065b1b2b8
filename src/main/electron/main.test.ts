import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../preload/api-types';

/** A stand-in for the parts of electron main.ts touches, recording what it was asked to do. */
const h = vi.hoisted(() => {
  const state = {
    log: [] as string[],
    isPackaged: false,
    lock: true,
    ready: null as null | { resolve: () => void; promise: Promise<void> },
    appHandlers: new Map<string, (...args: unknown[]) => void>(),
    windows: [] as { options: Record<string, unknown>; loadURL: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn> }[],
    ipc: new Map<string, (...args: unknown[]) => unknown>(),
    protocolHandlers: new Map<string, unknown>(),
    session: {} as Record<string, unknown>,
    menu: null as unknown,
    core: {
      dispatch: vi.fn(async () => ({ ok: true, value: 'dispatched' })),
      close: vi.fn(),
      events: {
        listeners: [] as ((payload: unknown) => void)[],
        on(_name: string, fn: (payload: unknown) => void) {
          this.listeners.push(fn);
          return () => undefined;
        },
      },
    },
    createCore: vi.fn(),
  };
  const deferred = () => {
    let resolve = () => {};
    const promise = new Promise<void>((r) => (resolve = r));
    return { resolve, promise };
  };
  class BrowserWindow {
    options: Record<string, unknown>;
    loadURL = vi.fn(async () => undefined);
    show = vi.fn();
    webContents = { isDestroyed: () => false, getURL: () => 'app://sla/index.html', send: vi.fn() };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.log.push('new BrowserWindow');
      state.windows.push(this);
    }
    once(event: string, fn: () => void) {
      if (event === 'ready-to-show') fn();
    }
    on() {}
    static fromWebContents() {
      return null;
    }
    static getAllWindows() {
      return state.windows;
    }
  }
  const electron = {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      getPath: (name: string) => `/fake/${name}`,
      setPath: vi.fn((name: string, path: string) => state.log.push(`setPath ${name} ${path}`)),
      enableSandbox: vi.fn(() => state.log.push('enableSandbox')),
      requestSingleInstanceLock: () => state.lock,
      quit: vi.fn(() => state.log.push('quit')),
      exit: vi.fn((code: number) => state.log.push(`exit ${code}`)),
      on: (event: string, fn: (...args: unknown[]) => void) => state.appHandlers.set(event, fn),
      whenReady: () => state.ready!.promise,
      getPreferredSystemLanguages: () => ['es-ES'],
      getLocale: () => 'es',
      getVersion: () => '9.9.9',
      getAppPath: () => '/fake/app',
    },
    BrowserWindow,
    dialog: { showErrorBox: vi.fn(), showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string, fn: (...args: unknown[]) => unknown) => state.ipc.set(channel, fn) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => state.log.push('registerSchemesAsPrivileged')),
      handle: (scheme: string, fn: unknown) => state.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: unknown) => (state.session.request = fn),
        setPermissionCheckHandler: (fn: unknown) => (state.session.check = fn),
        setDevicePermissionHandler: (fn: unknown) => (state.session.device = fn),
        webRequest: { onBeforeRequest: (_filter: unknown, fn: unknown) => (state.session.beforeRequest = fn) },
      },
    },
    shell: { openExternal: vi.fn(async () => undefined) },
    // No keychain on this fake machine: the signing key then needs a passphrase.
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    Menu: { buildFromTemplate: (template: unknown) => template, setApplicationMenu: (menu: unknown) => (state.menu = menu) },
  };
  return { state, electron, deferred };
});

vi.mock('electron', () => h.electron);
vi.mock('../core/core', () => ({ createCore: h.state.createCore }));

const { state } = h;
const env = { ...process.env };

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  state.log = [];
  state.isPackaged = false;
  state.lock = true;
  state.ready = h.deferred();
  state.appHandlers.clear();
  state.windows = [];
  state.ipc.clear();
  state.protocolHandlers.clear();
  state.session = {};
  state.menu = null;
  state.core.events.listeners = [];
  state.createCore.mockImplementation(() => state.core);
  delete process.env.ELECTRON_RENDERER_URL;
  delete process.env.SLA_WORKSHOP_DATA_DIR;
});
afterEach(() => {
  process.env = { ...env };
});

async function startApp() {
  await import('./main');
  state.log.push('ready');
  state.ready!.resolve();
  await vi.waitFor(() => expect(state.windows.length + h.electron.app.exit.mock.calls.length).toBeGreaterThan(0));
}

const event = (url: string) => ({ senderFrame: { url, parent: null }, sender: {} }) as unknown as IpcMainInvokeEvent;

describe('the Electron main process', () => {
  it('registers the app: scheme, turns on sandboxing and fixes the userData folder before ready', async () => {
    await startApp();
    const ready = state.log.indexOf('ready');
    expect(state.log.indexOf('registerSchemesAsPrivileged')).toBeLessThan(ready);
    expect(state.log.indexOf('enableSandbox')).toBeLessThan(ready);
    expect(state.log).toContain('setPath userData /fake/appData/SLA Workshop');
    expect(h.electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([expect.objectContaining({ scheme: 'app' })]);
  });

  it('opens the core on the userData folder as the electron host', async () => {
    await startApp();
    expect(state.createCore).toHaveBeenCalledWith({ dataDir: '/fake/userData', appVersion: '9.9.9', host: 'electron', nativeBinding: undefined });
  });

  it('honours SLA_WORKSHOP_DATA_DIR like the other hosts', async () => {
    process.env.SLA_WORKSHOP_DATA_DIR = '/tmp/sla-e2e-data';
    await startApp();
    expect(state.createCore.mock.calls[0]?.[0]).toMatchObject({ dataDir: '/tmp/sla-e2e-data' });
  });

  it('opens one secured window on the bundled app and shows it when ready', async () => {
    await startApp();
    expect(state.windows).toHaveLength(1);
    const window = state.windows[0]!;
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: true,
    });
    expect(String((window.options.webPreferences as { preload: string }).preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(window.loadURL).toHaveBeenCalledWith('app://sla/index.html');
    expect(window.show).toHaveBeenCalled();
    expect(state.protocolHandlers.has('app')).toBe(true);
  });

  it('loads the dev server in development, but never in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173';
    await startApp();
    expect(state.windows[0]!.loadURL).toHaveBeenCalledWith('http://localhost:5173');

    vi.resetModules();
    state.windows = [];
    state.ready = h.deferred();
    state.isPackaged = true;
    await startApp();
    expect(state.windows[0]!.loadURL).toHaveBeenCalledWith('app://sla/index.html');
    expect(state.windows[0]!.options.webPreferences).toMatchObject({ devTools: false });
  });

  it('serves the API, open and save over IPC to our page only', async () => {
    await startApp();
    expect([...state.ipc.keys()].sort()).toEqual([IPC.api, IPC.openSlaw, IPC.saveSlaw, IPC.saveDocx].sort());
    const api = state.ipc.get(IPC.api)!;
    expect(await api(event('app://sla/index.html'), 'app.info', {})).toEqual({ ok: true, value: 'dispatched' });
    expect(await api(event('https://evil.example/'), 'app.info', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await state.ipc.get(IPC.openSlaw)!(event('https://evil.example/'))).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await state.ipc.get(IPC.saveSlaw)!(event('https://evil.example/'), 'a', 'b')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await state.ipc.get(IPC.saveDocx)!(event('https://evil.example/'), 'a', 'UEs=')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(h.electron.dialog.showOpenDialog).not.toHaveBeenCalled();
    expect(state.core.dispatch).toHaveBeenCalledTimes(1);
  });

  it('tells every window of our origin when an agreement changed, on its own channel', async () => {
    await startApp();
    expect(state.core.events.listeners).toHaveLength(1);
    state.core.events.listeners[0]!({ id: 'a1', revision: 4 });
    const contents = (state.windows[0] as unknown as { webContents: { send: ReturnType<typeof vi.fn> } }).webContents;
    expect(contents.send).toHaveBeenCalledWith(IPC.agreementChanged, { id: 'a1', revision: 4 });
  });

  it('denies permissions in the session and hardens every new webContents', async () => {
    await startApp();
    const callback = vi.fn();
    (state.session.request as (wc: unknown, p: string, cb: (b: boolean) => void) => void)({}, 'media', callback);
    expect(callback).toHaveBeenCalledWith(false);
    expect((state.session.check as () => boolean)()).toBe(false);

    const contents = { setWindowOpenHandler: vi.fn(), on: vi.fn(), session: h.electron.session.defaultSession };
    state.appHandlers.get('web-contents-created')!({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on.mock.calls.map((c) => c[0])).toEqual(expect.arrayContaining(['will-navigate', 'will-attach-webview']));
  });

  it('sends only plain http(s) links from a window.open to the OS browser', async () => {
    await startApp();
    const contents = { setWindowOpenHandler: vi.fn(), on: vi.fn(), session: h.electron.session.defaultSession };
    state.appHandlers.get('web-contents-created')!({}, contents);
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as (details: { url: string }) => { action: string };
    expect(openHandler({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openHandler({ url: 'https://example.com/guide' })).toEqual({ action: 'deny' });
    expect(h.electron.shell.openExternal.mock.calls).toEqual([['https://example.com/guide']]);
  });

  it('guards every other session too: one created later, or the session of a new webContents', async () => {
    await startApp();
    const fresh = () => {
      const handlers: Record<string, unknown> = {};
      const session = {
        setPermissionRequestHandler: (fn: unknown) => (handlers.request = fn),
        setPermissionCheckHandler: (fn: unknown) => (handlers.check = fn),
        setDevicePermissionHandler: (fn: unknown) => (handlers.device = fn),
        webRequest: { onBeforeRequest: (_filter: unknown, fn: unknown) => (handlers.beforeRequest = fn) },
      };
      return { session, handlers };
    };
    const created = fresh();
    state.appHandlers.get('session-created')!(created.session);
    const partition = fresh();
    state.appHandlers.get('web-contents-created')!({}, { setWindowOpenHandler: vi.fn(), on: vi.fn(), session: partition.session });
    for (const { handlers } of [created, partition]) {
      const callback = vi.fn();
      (handlers.request as (wc: unknown, p: string, cb: (b: boolean) => void) => void)({}, 'media', callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect((handlers.device as () => boolean)()).toBe(false);
      const decide = vi.fn();
      (handlers.beforeRequest as (d: { url: string }, cb: (r: { cancel: boolean }) => void) => void)({ url: 'https://example.com/x.js' }, decide);
      expect(decide).toHaveBeenCalledWith({ cancel: true });
    }
  });

  it('sets a menu with the Edit roles', async () => {
    await startApp();
    expect(JSON.stringify(state.menu)).toContain('"role":"paste"');
  });

  it('closes the database when quitting', async () => {
    await startApp();
    state.appHandlers.get('will-quit')!();
    expect(state.core.close).toHaveBeenCalledTimes(1);
  });

  it('refuses to start on a database from a newer version: a translated dialog, exit, no window', async () => {
    // After resetModules, main.ts will share this fresh copy of the errors module (instanceof holds).
    const { AppError } = await import('../../shared/api/errors');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    state.createCore.mockImplementation(() => {
      throw new AppError('db_newer_version', 'newer', { found: 7, supported: 2 });
    });
    await startApp();
    expect(h.electron.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = h.electron.dialog.showErrorBox.mock.calls[0] as [string, string];
    expect(title).toBe('SLA Workshop');
    expect(message).toContain('7');
    expect(message).toMatch(/versión/);
    expect(h.electron.app.exit).toHaveBeenCalledWith(1);
    expect(state.windows).toHaveLength(0);
    expect(state.ipc.size).toBe(0);
    expect(logged).toHaveBeenCalled();
    logged.mockRestore();
  });

  it('leaves when another instance already runs', async () => {
    state.lock = false;
    await import('./main');
    expect(h.electron.app.quit).toHaveBeenCalled();
    state.ready!.resolve();
    await new Promise((r) => setTimeout(r, 20));
    expect(state.createCore).not.toHaveBeenCalled();
    expect(state.windows).toHaveLength(0);
  });
});
