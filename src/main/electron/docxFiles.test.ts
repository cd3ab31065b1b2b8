import type { SaveDialogOptions } from 'electron';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createDocxFileHandlers, safeDocxFileName, type DocxDialogs } from './docxFiles';
import { useTempDirs } from '../../../test/support/tempDirs';

const tempDir = useTempDirs();
vi.mock('electron', () => ({}));

let dir: string;
beforeEach(() => {
  dir = tempDir('sla-docx-');
});
const dialogs = (save: { canceled: boolean; filePath?: string }) =>
  ({ showSaveDialog: vi.fn(async (_options: SaveDialogOptions) => save) }) satisfies DocxDialogs;
const bytes = Buffer.from('PK\u0003\u0004 pretend docx');

describe('saving the Word document from the desktop app', () => {
  it('suggests a safe name, writes the bytes, and adds .docx when the dialog did not', async () => {
    const d = dialogs({ canceled: false, filePath: join(dir, 'Acme SLA') });
    expect(await createDocxFileHandlers(d, dir).saveDocx(['../Acme: SLA?.docx', bytes.toString('base64')])).toEqual({
      ok: true,
      value: { saved: true, path: join(dir, 'Acme SLA.docx') },
    });
    expect(readFileSync(join(dir, 'Acme SLA.docx'))).toEqual(bytes);
    expect(d.showSaveDialog.mock.calls[0]?.[0]).toMatchObject({ defaultPath: join(dir, 'Acme_ SLA_.docx'), filters: [{ extensions: ['docx'] }] });
    expect(readdirSync(dir)).toEqual(['Acme SLA.docx']);
  });

  it('treats cancel as nothing saved', async () => {
    expect(await createDocxFileHandlers(dialogs({ canceled: true }), dir).saveDocx(['a', 'AAAA'])).toEqual({ ok: true, value: { saved: false } });
  });

  it('says the place is not writable, naming the code, and leaves an existing file whole', async () => {
    writeFileSync(join(dir, 'file'), 'not a folder');
    const intoFile = await createDocxFileHandlers(dialogs({ canceled: false, filePath: join(dir, 'file', 'x.docx') }), dir).saveDocx(['a', 'AAAA']);
    expect(intoFile).toMatchObject({ ok: false, error: { kind: 'not_writable', params: { code: 'ENOTDIR' } } });
    mkdirSync(join(dir, 'taken.docx'));
    const ontoFolder = await createDocxFileHandlers(dialogs({ canceled: false, filePath: join(dir, 'taken.docx') }), dir).saveDocx(['a', 'AAAA']);
    expect(ontoFolder).toMatchObject({ ok: false, error: { kind: 'not_writable' } });
    expect(readdirSync(dir).sort()).toEqual(['file', 'taken.docx']);
  });

  it('refuses malformed arguments before any dialog opens', async () => {
    const d = dialogs({ canceled: true });
    for (const args of [[], ['a'], ['', 'AAAA'], ['a', 'not base64!'], [1, 'AAAA']]) {
      expect(await createDocxFileHandlers(d, dir).saveDocx(args), JSON.stringify(args)).toMatchObject({ ok: false, error: { kind: 'invalid_input' } });
    }
    expect(d.showSaveDialog).not.toHaveBeenCalled();
  });

  it('keeps names safe on every system', () => {
    expect(safeDocxFileName('SLA.DOCX')).toBe('SLA.docx');
    expect(safeDocxFileName('...')).toBe('agreement.docx');
    expect(safeDocxFileName('a\\b/c<d>.docx')).toBe('c_d_.docx');
  });
});
