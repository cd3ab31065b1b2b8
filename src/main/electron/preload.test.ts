import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC } from '../../preload/api-types';
import { localeArgument } from './launchArgs';

const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoke: vi.fn(async (..._args: unknown[]) => ({ ok: true, value: null })),
  listeners: new Map<string, Set<(...args: unknown[]) => void>>(),
}));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => electron.exposed.set(key, value) },
  ipcRenderer: {
    invoke: electron.invoke,
    send: vi.fn(),
    on: (channel: string, fn: (...args: unknown[]) => void) => electron.listeners.set(channel, (electron.listeners.get(channel) ?? new Set()).add(fn)),
    removeListener: (channel: string, fn: (...args: unknown[]) => void) => electron.listeners.get(channel)?.delete(fn),
  },
}));

/** What main would send on a channel (the first argument is Electron's event object). */
const fromMain = (channel: string, payload: unknown) => {
  for (const fn of electron.listeners.get(channel) ?? []) fn({ sender: 'ipc-renderer-internals' }, payload);
};

const argv = process.argv;
beforeEach(() => {
  vi.resetModules();
  electron.exposed.clear();
  electron.invoke.mockClear();
  electron.listeners.clear();
});
afterEach(() => {
  process.argv = argv;
});

async function loadPreload(extraArgs: string[] = []) {
  process.argv = [...argv, ...extraArgs];
  await import('../../preload/index');
  return electron.exposed.get('api') as Record<string, unknown>;
}

describe('the preload', () => {
  it('exposes only window.api, with exactly the DesktopApi members', async () => {
    const api = await loadPreload();
    expect([...electron.exposed.keys()]).toEqual(['api']);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'locale', 'onAgreementChanged', 'openSlawFile', 'saveDocxFile', 'saveSlawFile']);
  });

  it('never hands the page ipcRenderer or any of its methods', async () => {
    const api = await loadPreload();
    for (const value of Object.values(api)) {
      expect(value).not.toBe(electron.invoke);
      expect(typeof value === 'object' && value !== null && 'invoke' in value).toBe(false);
    }
  });

  it('sends each call on its own fixed channel', async () => {
    const api = (await loadPreload()) as {
      invoke(name: string, input: unknown): Promise<unknown>;
      openSlawFile(): Promise<unknown>;
      saveSlawFile(name: string, content: string): Promise<unknown>;
      saveDocxFile(name: string, base64: string): Promise<unknown>;
    };
    await api.invoke('agreements.list', {});
    await api.openSlawFile();
    await api.saveSlawFile('a.slaw', '{}');
    await api.saveDocxFile('a.docx', 'UEs=');
    expect(electron.invoke.mock.calls).toEqual([
      [IPC.api, 'agreements.list', {}],
      [IPC.openSlaw],
      [IPC.saveSlaw, 'a.slaw', '{}'],
      [IPC.saveDocx, 'a.docx', 'UEs='],
    ]);
  });

  it('passes change notices from main to the page as checked plain copies, and unsubscribes', async () => {
    const api = (await loadPreload()) as { onAgreementChanged(listener: (change: unknown) => void): () => void };
    const seen: unknown[] = [];
    const off = api.onAgreementChanged((change) => seen.push(change));
    fromMain(IPC.agreementChanged, { id: 'a1', revision: 3 });
    fromMain(IPC.agreementChanged, { id: 'a1', revision: null });
    for (const bad of [
      null,
      'a1',
      { id: 7, revision: 1 },
      { id: 'a1', revision: 0 },
      { id: 'a1', revision: 1.5 },
      { id: 'x'.repeat(65), revision: 1 },
      { id: 'a1' },
    ]) {
      fromMain(IPC.agreementChanged, bad);
    }
    fromMain(IPC.api, { id: 'a1', revision: 9 });
    expect(seen).toEqual([
      { id: 'a1', revision: 3 },
      { id: 'a1', revision: null },
    ]);
    off();
    fromMain(IPC.agreementChanged, { id: 'a1', revision: 4 });
    expect(seen).toHaveLength(2);
    expect(electron.listeners.get(IPC.agreementChanged)?.size).toBe(0);
  });

  it('reads the locale main passed on the command line', async () => {
    expect((await loadPreload([localeArgument('es-MX')])).locale).toBe('es-MX');
  });

  it('falls back to a well-formed default when the switch is missing', async () => {
    expect((await loadPreload()).locale).toMatch(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/);
  });
});
