// The preload is the one place outside src/main/electron that must import electron at run time.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type DesktopApi } from './api-types';

/**
 * `window.api`: four functions and the locale, each on a fixed IPC channel. ipcRenderer itself never
 * reaches the page, and nothing here passes a callback or an event object across the bridge.
 * Sandboxed: this file is bundled to one CommonJS file and may only require 'electron'.
 */

/** Main passes the system locale as `--sla-locale=<tag>` (see src/main/electron/launchArgs.ts). */
const LOCALE_SWITCH = '--sla-locale=';
const LOCALE_PATTERN = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,3}$/;

function systemLocale(): string {
  const fromMain = process.argv.find((a) => a.startsWith(LOCALE_SWITCH))?.slice(LOCALE_SWITCH.length);
  const fromPage = (globalThis as { navigator?: { language?: string } }).navigator?.language;
  return [fromMain, fromPage].find((value): value is string => !!value && LOCALE_PATTERN.test(value)) ?? 'en';
}

const api = {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke(IPC.api, name, input),
  openSlawFile: () => ipcRenderer.invoke(IPC.openSlaw),
  saveSlawFile: (fileName: string, content: string) => ipcRenderer.invoke(IPC.saveSlaw, fileName, content),
  saveDocxFile: (fileName: string, base64: string) => ipcRenderer.invoke(IPC.saveDocx, fileName, base64),
  locale: systemLocale(),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
