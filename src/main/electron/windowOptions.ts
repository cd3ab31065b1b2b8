import type { BrowserWindowConstructorOptions } from 'electron';
import { localeArgument } from './launchArgs';

export interface WindowOptionsInput {
  preloadPath: string;
  isPackaged: boolean;
  platform: NodeJS.Platform;
  locale: string;
  iconPath?: string | undefined;
}

/** Light Mantine gray: the colour of the app's background, so no white flash before the first paint. */
export const WINDOW_BACKGROUND = '#f8f9fa';

/**
 * The main window. Every security-relevant switch is spelled out even where it equals Electron's
 * default, so a default changing upstream cannot loosen it silently (checked by windowOptions.test.ts).
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'SLA Workshop',
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: {
      preload: input.preloadPath,
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
      // No `auxclick` (middle-click) events: a middle-click cannot reach a link handler the page did not
      // mean to expose (Electronegativity AUXCLICK_JS_CHECK). The page uses no middle-click.
      disableBlinkFeatures: 'Auxclick',
      safeDialogs: true,
      // Only macOS checks spelling natively; elsewhere Chromium would download Hunspell dictionaries,
      // and the app makes no network requests at run time.
      spellcheck: input.platform === 'darwin',
      devTools: !input.isPackaged,
      additionalArguments: [localeArgument(input.locale)],
    },
  };
}
