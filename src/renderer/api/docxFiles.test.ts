import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../preload/api-types';
import { base64ToBytes, saveDocxOnDesktop } from './docxFiles';

const file = { fileName: 'sla-v1.docx', base64: 'UEsDBA==' };

function desktop(save: unknown | (() => Promise<unknown>)): DesktopApi['saveDocxFile'] {
  const saveDocxFile = vi.fn<DesktopApi['saveDocxFile']>(typeof save === 'function' ? (save as () => Promise<unknown>) : () => Promise.resolve(save));
  const api: DesktopApi = {
    invoke: () => Promise.resolve(null),
    openSlawFile: () => Promise.resolve(null),
    saveSlawFile: () => Promise.resolve(null),
    saveDocxFile,
    onAgreementChanged: () => () => undefined,
    locale: 'en',
  };
  vi.stubGlobal('window', { api });
  return saveDocxFile;
}

afterEach(() => vi.unstubAllGlobals());

describe('saving the Word document from the desktop app', () => {
  it('hands the file name and the base64 document to the native dialog and reports where it went', async () => {
    const save = desktop({ ok: true, value: { saved: true, path: '/home/ana/sla-v1.docx' } });
    expect(await saveDocxOnDesktop(file)).toEqual({ kind: 'saved', path: '/home/ana/sla-v1.docx' });
    expect(save).toHaveBeenCalledWith('sla-v1.docx', 'UEsDBA==');
  });

  it('accepts a saved reply without a path', async () => {
    desktop({ ok: true, value: { saved: true } });
    expect(await saveDocxOnDesktop(file)).toEqual({ kind: 'saved', path: null });
  });

  it('tells a cancelled dialog from a folder that cannot be written', async () => {
    desktop({ ok: true, value: { saved: false } });
    expect(await saveDocxOnDesktop(file)).toEqual({ kind: 'cancelled' });
    desktop({ ok: false, error: { kind: 'not_writable', message: 'EACCES', params: { code: 'EACCES' } } });
    expect(await saveDocxOnDesktop(file)).toEqual({ kind: 'failed', error: { kind: 'not_writable', message: 'EACCES', params: { code: 'EACCES' } } });
  });

  it('treats a malformed or thrown reply as an internal error, never as saved', async () => {
    desktop({ saved: 'yes' });
    expect(await saveDocxOnDesktop(file)).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
    desktop(true);
    expect(await saveDocxOnDesktop(file)).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
    desktop(() => Promise.reject(new Error('bridge gone')));
    expect(await saveDocxOnDesktop(file)).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
  });

  it('fails cleanly outside Electron', async () => {
    vi.stubGlobal('window', {});
    expect(await saveDocxOnDesktop(file)).toMatchObject({ kind: 'failed', error: { kind: 'internal' } });
  });
});

describe('the document bytes for a browser download', () => {
  it('decodes base64 into the exact bytes (a .docx starts with the ZIP signature)', () => {
    expect([...base64ToBytes('UEsDBA==')]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect([...base64ToBytes(btoa(String.fromCharCode(...all)))]).toEqual([...all]);
  });
});
