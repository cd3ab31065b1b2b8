import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell, type IpcMainInvokeEvent } from 'electron';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../../shared/api/errors';
import { IPC } from '../../preload/api-types';
import { createCore, type Core } from '../core/core';
import { DATA_DIR_ENV } from '../core/dataDir';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, APP_START_URL, createAppProtocolHandler } from './appProtocol';
import { forwardAgreementChanges } from './changeForwarder';
import { createIpcApiHandler } from './ipcHost';
import { pickSystemLocale } from './launchArgs';
import { buildMenuTemplate } from './menu';
import { electronNativeBinding } from './nativeBinding';
import { externalUrlToOpen, originOf } from './origins';
import { createSessionHardener, hardenWebContents } from './security';
import { createDocxFileHandlers } from './docxFiles';
import { createKeychainProtector } from './keychain';
import { createSlawFileHandlers, type SlawDialogs } from './slawFiles';
import { startupErrorText } from './startupError';
import { createTrustedSenderCheck } from './trustedSender';
import { buildWindowOptions } from './windowOptions';

const PRODUCT_NAME = 'SLA Workshop';

/** out/ (this file is out/main/index.js once built): the preload and the renderer sit beside main. */
const OUT_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const PRELOAD = join(OUT_DIR, 'preload', 'index.cjs');
const RENDERER_DIR = join(OUT_DIR, 'renderer');

/** electron-vite dev sets ELECTRON_RENDERER_URL; a packaged app never honours it. */
const devServerUrl = !app.isPackaged && process.env.ELECTRON_RENDERER_URL ? process.env.ELECTRON_RENDERER_URL : undefined;
const devOrigin = devServerUrl ? originOf(devServerUrl) : null;
/** The only origin whose pages may navigate, call IPC or be navigated to. */
const contentOrigins: string[] = devOrigin ? [devOrigin] : [APP_ORIGIN];

const unauthorized: Result<never> = { ok: false, error: { kind: 'unauthorized', message: 'Untrusted sender' } };

/**
 * The data folder: Electron's userData, unless `--data-dir=DIR` or SLA_WORKSHOP_DATA_DIR names another
 * (the same overrides as browser mode and the CLI; used by tests and support).
 */
function dataDir(argv: readonly string[], env: NodeJS.ProcessEnv): string {
  const flag = argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  const chosen = flag || env[DATA_DIR_ENV];
  return chosen ? resolve(chosen) : app.getPath('userData');
}

function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return homedir();
  }
}

/** The system keychain for the signing key, when this computer has a usable one. */
function keychainOption(): { keychain?: NonNullable<ReturnType<typeof createKeychainProtector>> } {
  const keychain = createKeychainProtector(safeStorage);
  return keychain ? { keychain } : {};
}

function dialogsFor(event: IpcMainInvokeEvent): SlawDialogs {
  const parent = BrowserWindow.fromWebContents(event.sender);
  return {
    showOpenDialog: (options) => (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options)),
    showSaveDialog: (options) => (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options)),
  };
}

/** Hands a link to the OS browser: checked again here, at the sink, whoever calls it (http(s) only, no credentials). */
function openExternal(url: string): void {
  const safe = externalUrlToOpen(url);
  if (safe) void shell.openExternal(safe).catch(() => undefined);
}

// Before `ready`: the privileged scheme, sandboxing for every renderer, and one userData folder for dev
// and packaged builds alike (Electron would otherwise name it after package.json's "name" in dev).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let core: Core | null = null;
  let mainWindow: BrowserWindow | null = null;
  let locale = 'en';

  const closeCore = () => {
    const open = core;
    core = null;
    try {
      open?.close();
    } catch {
      // Closing twice or after a failed start: nothing left to flush.
    }
  };

  const failStart = (error: unknown) => {
    const { title, message } = startupErrorText(error, locale);
    console.error(`${title}: ${message}`, error instanceof Error && 'code' in error ? `(${String(error.code)})` : '');
    dialog.showErrorBox(title, message);
    closeCore();
    app.exit(1);
  };

  const createWindow = () => {
    const icon = join(app.getAppPath(), 'resources', 'icon.png');
    const window = new BrowserWindow(
      buildWindowOptions({
        preloadPath: PRELOAD,
        isPackaged: app.isPackaged,
        platform: process.platform,
        locale,
        iconPath: !app.isPackaged && existsSync(icon) ? icon : undefined,
      }),
    );
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    void window.loadURL(devServerUrl ?? APP_START_URL);
    mainWindow = window;
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  // Every session and every webContents, including ones created later (devtools, a future window, one with
  // its own partition), get the same guards.
  const hardenSessionOnce = createSessionHardener(devOrigin ? [devOrigin] : []);
  app.on('session-created', hardenSessionOnce);
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, contentOrigins, openExternal);
    hardenSessionOnce(contents.session);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', closeCore);

  void app
    .whenReady()
    .then(() => {
      locale = pickSystemLocale(app.getPreferredSystemLanguages(), app.getLocale());
      try {
        core = createCore({
          dataDir: dataDir(process.argv, process.env),
          appVersion: app.getVersion(),
          host: 'electron',
          nativeBinding: electronNativeBinding(app.getAppPath(), app.isPackaged),
          // safeStorage is only usable once the app is ready, which it is here.
          ...keychainOption(),
        });
      } catch (error) {
        // A database from a newer version, a locked or unreadable folder, a native module for the wrong
        // ABI: say so and stop. Nothing is written, so the data stays exactly as it was.
        failStart(error);
        return;
      }
      const { dispatch } = core;

      hardenSessionOnce(session.defaultSession);
      protocol.handle(APP_SCHEME, createAppProtocolHandler(RENDERER_DIR));

      const isTrustedSender = createTrustedSenderCheck(contentOrigins);
      ipcMain.handle(IPC.api, createIpcApiHandler(dispatch, isTrustedSender));
      ipcMain.handle(IPC.openSlaw, (event) => (isTrustedSender(event) ? createSlawFileHandlers(dialogsFor(event), documentsDir()).openSlaw() : unauthorized));
      ipcMain.handle(IPC.saveSlaw, (event, ...args: unknown[]) =>
        isTrustedSender(event) ? createSlawFileHandlers(dialogsFor(event), documentsDir()).saveSlaw(args) : unauthorized,
      );
      ipcMain.handle(IPC.saveDocx, (event, ...args: unknown[]) =>
        isTrustedSender(event) ? createDocxFileHandlers(dialogsFor(event), documentsDir()).saveDocx(args) : unauthorized,
      );
      // Every committed write is told to every window, so two windows on one agreement never overwrite each other.
      forwardAgreementChanges(core.events, () => BrowserWindow.getAllWindows().map((window) => window.webContents), contentOrigins);

      Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate({ isPackaged: app.isPackaged, platform: process.platform })));
      createWindow();
    })
    .catch(failStart);
}
