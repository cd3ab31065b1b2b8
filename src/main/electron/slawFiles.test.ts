import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LIMITS } from '../../shared/model/limits';
import { createSlawFileHandlers, safeSlawFileName, withSlawExtension, type SlawDialogs } from './slawFiles';
import { useTempDirs } from '../../../test/support/tempDirs';

const tempDir = useTempDirs();

vi.mock('electron', () => ({}));

let dir: string;
beforeEach(() => {
  dir = tempDir('sla-files-');
});

function dialogs(open: { canceled: boolean; filePaths: string[] }, save: { canceled: boolean; filePath?: string }) {
  return {
    showOpenDialog: vi.fn(async (_options: OpenDialogOptions) => open),
    showSaveDialog: vi.fn(async (_options: SaveDialogOptions) => save),
  } satisfies SlawDialogs;
}

describe('opening a .slaw file', () => {
  it('returns its name and text', async () => {
    const file = join(dir, 'acme.slaw');
    writeFileSync(file, '{"format":"sla-workshop"}');
    const d = dialogs({ canceled: false, filePaths: [file] }, { canceled: true });
    expect(await createSlawFileHandlers(d, dir).openSlaw()).toEqual({ ok: true, value: { fileName: 'acme.slaw', content: '{"format":"sla-workshop"}' } });
    expect(d.showOpenDialog.mock.calls[0]?.[0]).toMatchObject({ properties: ['openFile'], filters: [{ extensions: ['slaw'] }] });
  });

  it('returns null when the user cancels', async () => {
    expect(await createSlawFileHandlers(dialogs({ canceled: true, filePaths: [] }, { canceled: true }), dir).openSlaw()).toEqual({ ok: true, value: null });
  });

  it('refuses a file over the 20 MB limit without reading it', async () => {
    const file = join(dir, 'huge.slaw');
    writeFileSync(file, Buffer.alloc(LIMITS.slawBytes + 1, 32));
    const result = await createSlawFileHandlers(dialogs({ canceled: false, filePaths: [file] }, { canceled: true }), dir).openSlaw();
    expect(result).toMatchObject({ ok: false, error: { kind: 'too_large', params: { limit: LIMITS.slawBytes } } });
  });

  it('reports a vanished file or a folder as a typed error, not an exception', async () => {
    const gone = await createSlawFileHandlers(dialogs({ canceled: false, filePaths: [join(dir, 'gone.slaw')] }, { canceled: true }), dir).openSlaw();
    expect(gone).toMatchObject({ ok: false, error: { kind: 'storage', params: { detail: 'ENOENT' } } });
    mkdirSync(join(dir, 'folder.slaw'));
    const folder = await createSlawFileHandlers(dialogs({ canceled: false, filePaths: [join(dir, 'folder.slaw')] }, { canceled: true }), dir).openSlaw();
    expect(folder).toMatchObject({ ok: false, error: { kind: 'invalid_file' } });
  });
});

describe('saving a .slaw file', () => {
  it('suggests a safe name in the documents folder, writes the text and returns the path', async () => {
    const target = join(dir, 'out.slaw');
    const d = dialogs({ canceled: true, filePaths: [] }, { canceled: false, filePath: target });
    expect(await createSlawFileHandlers(d, dir).saveSlaw(['../Acme: SLA?', 'content'])).toEqual({ ok: true, value: { saved: true, path: target } });
    expect(readFileSync(target, 'utf8')).toBe('content');
    expect(d.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: join(dir, 'Acme_ SLA_.slaw') });
    expect(readdirSync(dir)).toEqual(['out.slaw']);
  });

  it('replaces an existing file whole', async () => {
    const target = join(dir, 'out.slaw');
    writeFileSync(target, 'old version, longer than the new one');
    await createSlawFileHandlers(dialogs({ canceled: true, filePaths: [] }, { canceled: false, filePath: target }), dir).saveSlaw(['a', 'new']);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('adds .slaw when the chosen name has no extension', async () => {
    const result = await createSlawFileHandlers(dialogs({ canceled: true, filePaths: [] }, { canceled: false, filePath: join(dir, 'plain') }), dir).saveSlaw([
      'a',
      'x',
    ]);
    expect(result).toEqual({ ok: true, value: { saved: true, path: join(dir, 'plain.slaw') } });
  });

  it('reports saved: false when the user cancels', async () => {
    expect(await createSlawFileHandlers(dialogs({ canceled: true, filePaths: [] }, { canceled: true }), dir).saveSlaw(['a', 'x'])).toEqual({
      ok: true,
      value: { saved: false },
    });
  });

  it('validates its arguments before opening any dialog', async () => {
    const d = dialogs({ canceled: true, filePaths: [] }, { canceled: false, filePath: join(dir, 'x.slaw') });
    const handlers = createSlawFileHandlers(d, dir);
    for (const args of [[], ['name'], [42, 'x'], ['', 'x'], ['a', { toString: 'x' }], ['a'.repeat(300), 'x'], ['a', 'b', 'c']]) {
      expect(await handlers.saveSlaw(args), JSON.stringify(args)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
    expect(await handlers.saveSlaw(['a', 'é'.repeat(LIMITS.slawBytes / 2 + 1)])).toMatchObject({ ok: false, error: { kind: 'too_large' } });
    expect(d.showSaveDialog).not.toHaveBeenCalled();
  });

  it('turns a write failure into a storage error and leaves no temporary file', async () => {
    // A folder where the file should go makes the write fail for every user, root included.
    const occupied = join(dir, 'taken.slaw');
    mkdirSync(occupied);
    const existingBefore = new Set(readdirSync(dir));
    const result = await createSlawFileHandlers(dialogs({ canceled: true, filePaths: [] }, { canceled: false, filePath: occupied }), dir).saveSlaw(['a', 'x']);
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage' } });
    expect(readdirSync(dir).filter((name) => name !== 'taken.slaw' && !existingBefore.has(name))).toEqual([]);
  });

  it('turns a missing folder into a storage error', async () => {
    const result = await createSlawFileHandlers(
      dialogs({ canceled: true, filePaths: [] }, { canceled: false, filePath: join(dir, 'nope', 'x.slaw') }),
      dir,
    ).saveSlaw(['a', 'x']);
    expect(result).toMatchObject({ ok: false, error: { kind: 'storage', params: { detail: 'ENOENT' } } });
    expect(existsSync(join(dir, 'nope'))).toBe(false);
  });
});

describe('file names', () => {
  it('are reduced to a plain name ending in .slaw', () => {
    expect(safeSlawFileName('Acme SLA.slaw')).toBe('Acme SLA.slaw');
    expect(safeSlawFileName('C:\\Users\\x\\evil')).toBe('evil.slaw');
    expect(safeSlawFileName('/etc/passwd')).toBe('passwd.slaw');
    expect(safeSlawFileName('...')).toBe('agreement.slaw');
    expect(safeSlawFileName('a\u0000b|c')).toBe('a_b_c.slaw');
    expect(withSlawExtension('/x/y.json')).toBe('/x/y.json');
    expect(withSlawExtension('/x/y')).toBe('/x/y.slaw');
  });
});
