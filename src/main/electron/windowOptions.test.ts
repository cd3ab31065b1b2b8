import { describe, expect, it, vi } from 'vitest';
import { buildWindowOptions, WINDOW_BACKGROUND } from './windowOptions';

vi.mock('electron', () => ({}));

const base = { preloadPath: '/app/out/preload/index.cjs', isPackaged: true, platform: 'linux' as const, locale: 'es-ES' };

describe('the main window options', () => {
  it('isolate and sandbox the renderer, with no Node, no webviews and web security on', () => {
    const prefs = buildWindowOptions(base).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
    });
  });

  it('load the bundled CommonJS preload', () => {
    expect(buildWindowOptions(base).webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });

  it('offer DevTools only in development builds', () => {
    expect(buildWindowOptions(base).webPreferences?.devTools).toBe(false);
    expect(buildWindowOptions({ ...base, isPackaged: false }).webPreferences?.devTools).toBe(true);
  });

  it('check spelling only where the OS does it (macOS), so nothing downloads dictionaries', () => {
    expect(buildWindowOptions({ ...base, platform: 'darwin' }).webPreferences?.spellcheck).toBe(true);
    expect(buildWindowOptions({ ...base, platform: 'linux' }).webPreferences?.spellcheck).toBe(false);
    expect(buildWindowOptions({ ...base, platform: 'win32' }).webPreferences?.spellcheck).toBe(false);
  });

  it('pass the system locale to the preload as one switch', () => {
    expect(buildWindowOptions(base).webPreferences?.additionalArguments).toEqual(['--sla-locale=es-ES']);
  });

  it('show the window only when it is ready, on the app background, no smaller than a laptop screen allows', () => {
    const options = buildWindowOptions(base);
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(WINDOW_BACKGROUND);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(600);
    expect(options.icon).toBeUndefined();
    expect(buildWindowOptions({ ...base, iconPath: '/app/resources/icon.png' }).icon).toBe('/app/resources/icon.png');
  });
});
