// The preload is the one place outside src/main/electron that must import electron at run time.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC, type DesktopApi } from './api-types';

/**
 * `window.api`: four calls and the locale, each on a fixed IPC channel, and one subscription to change
 * notices from main. ipcRenderer itself never reaches the page, and no Electron event object crosses the
 * bridge: the page's listener gets a checked `{ id, revision }` copy.
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

/** Only a well-formed change notice reaches the page, rebuilt as a plain object (never Electron's event). */
function changeNotice(payload: unknown): { id: string; revision: number | null } | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const { id, revision } = payload as { id?: unknown; revision?: unknown };
  if (typeof id !== 'string' || id.length === 0 || id.length > 64) return null;
  if (revision !== null && !(typeof revision === 'number' && Number.isInteger(revision) && revision >= 1)) return null;
  return { id, revision };
}

function onAgreementChanged(listener: (change: { id: string; revision: number | null }) => void): () => void {
  const handler = (_event: unknown, payload: unknown) => {
    const notice = changeNotice(payload);
    if (notice) listener(notice);
  };
  ipcRenderer.on(IPC.agreementChanged, handler);
  return () => void ipcRenderer.removeListener(IPC.agreementChanged, handler);
}

const api = {
  invoke: (name: string, input: unknown) => ipcRenderer.invoke(IPC.api, name, input),
  openSlawFile: () => ipcRenderer.invoke(IPC.openSlaw),
  saveSlawFile: (fileName: string, content: string) => ipcRenderer.invoke(IPC.saveSlaw, fileName, content),
  saveDocxFile: (fileName: string, base64: string) => ipcRenderer.invoke(IPC.saveDocx, fileName, base64),
  onAgreementChanged,
  locale: systemLocale(),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
