import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../preload/api-types';
import { openSlawFromDesktop, saveSlawOnDesktop } from './slawFiles';

function desktop(open: unknown, save: unknown = { ok: true, value: { saved: true } }): void {
  const api: DesktopApi = {
    invoke: () => Promise.resolve(null),
    openSlawFile: () => Promise.resolve(open),
    saveSlawFile: () => Promise.resolve(save),
    saveDocxFile: () => Promise.resolve(null),
    onAgreementChanged: () => () => undefined,
    locale: 'en',
  };
  vi.stubGlobal('window', { api });
}

afterEach(() => vi.unstubAllGlobals());

describe('desktop .slaw dialogs', () => {
  it('reads the file from the main process reply, wrapped in a Result', async () => {
    desktop({ ok: true, value: { fileName: 'a.slaw', content: '{}' } });
    expect(await openSlawFromDesktop()).toEqual({ kind: 'file', file: { fileName: 'a.slaw', content: '{}' } });
  });

  it('tells a cancelled dialog from a refused file', async () => {
    desktop({ ok: true, value: null });
    expect(await openSlawFromDesktop()).toEqual({ kind: 'cancelled' });
    desktop({ ok: false, error: { kind: 'too_large', message: 'big', params: { limit: 1 } } });
    expect(await openSlawFromDesktop()).toMatchObject({ kind: 'failed', error: { kind: 'too_large' } });
  });

  it('treats anything else as a malformed reply, never as a file', async () => {
    desktop({ fileName: 1, content: [] });
    expect(await openSlawFromDesktop()).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
    // The main process always wraps its reply; a bare file or null is not a form it sends.
    desktop({ fileName: 'b.slaw', content: 'x' });
    expect(await openSlawFromDesktop()).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
    desktop(null);
    expect(await openSlawFromDesktop()).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
  });

  it('reports whether the save dialog wrote the file', async () => {
    desktop(null, { ok: true, value: { saved: false } });
    expect(await saveSlawOnDesktop({ fileName: 'a.slaw', content: '{}' })).toEqual({ kind: 'cancelled' });
    desktop(null, { ok: true, value: { saved: true, path: '/home/ana/a.slaw' } });
    expect(await saveSlawOnDesktop({ fileName: 'a.slaw', content: '{}' })).toEqual({ kind: 'saved', path: '/home/ana/a.slaw' });
    desktop(null, true);
    expect(await saveSlawOnDesktop({ fileName: 'a.slaw', content: '{}' })).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
    desktop(null, { ok: false, error: { kind: 'storage', message: 'disk', params: { detail: 'EACCES' } } });
    expect(await saveSlawOnDesktop({ fileName: 'a.slaw', content: '{}' })).toMatchObject({ kind: 'failed', error: { kind: 'storage' } });
  });
});
