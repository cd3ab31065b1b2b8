import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeSlaw } from '../../src/shared/slaw/format';
import { openDocx } from '../support/docx';
import { signedExample } from '../support/signedExample';
import { expectOneLineError, runCli, tempDir } from './helpers';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir('slaw-docx-cli-')));
afterAll(() => cleanup());

const at = (name: string) => join(dir, name);

describe('sla-workshop export + verify', () => {
  it('exports the example in its language or another, and verify says a draft is not signed (exit 1)', async () => {
    expect((await runCli(['example', '--lang', 'es', '-o', at('ejemplo.slaw')])).code).toBe(0);
    const [es, en] = await Promise.all([
      runCli(['export', at('ejemplo.slaw'), '-o', at('ejemplo.docx')], { lang: 'es_ES.UTF-8' }),
      runCli(['export', at('ejemplo.slaw'), '-o', at('example.docx'), '--lang', 'en'], { lang: 'es_ES.UTF-8' }),
    ]);
    expect(es).toMatchObject({ code: 0, stderr: '' });
    expect(es.stdout.trim()).toBe(`Documento Word de «SLA Marketing–Ventas 2027» (Español) escrito en ${at('ejemplo.docx')}.`);
    // --lang is the document's language; the messages still follow LANG.
    expect(en.stdout.trim()).toBe(`Documento Word de «SLA Marketing–Ventas 2027» (Inglés) escrito en ${at('example.docx')}.`);
    expect(await (await openDocx(readFileSync(at('ejemplo.docx')))).paragraphs('word/document.xml')).toContain('3\u2002Metas');
    expect(await (await openDocx(readFileSync(at('example.docx')))).paragraphs('word/document.xml')).toContain('3\u2002Goals');

    const draft = await runCli(['verify', at('ejemplo.docx')]);
    expect(draft.code).toBe(1);
    expect(draft.stdout.trim().split('\n')).toEqual([
      `✗ ${at('ejemplo.docx')} does not match what was signed (1 difference):`,
      '  - not signed: nobody has signed this version yet (it is a draft)',
    ]);
  });

  it('verifies a signed export (exit 0), and names what differs once it is edited (exit 1)', async () => {
    writeFileSync(at('signed.slaw'), serializeSlaw(signedExample('en'), '0.0.0-test'));
    const exported = await runCli(['export', at('signed.slaw'), '-o', at('signed.docx')]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const ok = await runCli(['verify', at('signed.docx')]);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(/^✓ .*signed\.docx matches what was signed: “Marketing–Sales SLA 2027”, version 1, fingerprint [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}, all 2 signatures present\.\n$/);
    const okEs = await runCli(['verify', '--lang', 'es', at('signed.docx')]);
    expect(okEs.stdout).toContain('coincide con lo firmado');

    const zip = await JSZip.loadAsync(readFileSync(at('signed.docx')));
    const xml = await zip.file('customXml/item1.xml')!.async('string');
    zip.file('customXml/item1.xml', xml.replace(/<fingerprint([^>]*)>[0-9a-f]{64}</, `<fingerprint$1>${'a'.repeat(64)}<`));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    zip.remove(media[1]!);
    writeFileSync(at('edited.docx'), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const edited = await runCli(['verify', at('edited.docx')], { lang: 'es_ES.UTF-8' });
    expect(edited.code).toBe(1);
    expect(edited.stdout.trim().split('\n')).toEqual([
      `✗ ${at('edited.docx')} no coincide con lo firmado (2 diferencias):`,
      '  - huella distinta: la huella registrada no es la que llevan las firmas',
      '  - falta una firma: la firma manuscrita de Daniel Ortega no está en el documento',
    ]);
  });

  it('says in one line, exit 2, when the file cannot be read or written', async () => {
    writeFileSync(at('notes.txt'), 'just text');
    writeFileSync(at('truncated.docx'), readFileSync(at('signed.docx')).subarray(0, 2000));
    const [text, truncated, missing, slaw, notAFolder, exists] = await Promise.all([
      runCli(['verify', at('notes.txt')]),
      runCli(['verify', at('truncated.docx')], { lang: 'es_ES.UTF-8' }),
      runCli(['verify', at('nope.docx')]),
      runCli(['export', at('nope.slaw'), '-o', at('x.docx')]),
      runCli(['export', at('signed.slaw'), '-o', join(at('notes.txt'), 'out.docx')]),
      runCli(['export', at('signed.slaw'), '-o', at('signed.docx')]),
    ]);
    for (const r of [text, truncated, missing, slaw, notAFolder, exists]) {
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(expectOneLineError(text)).toBe(`${at('notes.txt')} cannot be read as a Word document: it is not a .docx file, or it is damaged.`);
    expect(expectOneLineError(truncated)).toBe(`No se puede leer ${at('truncated.docx')} como documento Word: no es un archivo .docx o está dañado.`);
    expect(expectOneLineError(missing)).toBe(`Cannot read ${at('nope.docx')}: it does not exist.`);
    expect(expectOneLineError(slaw)).toBe(`Cannot read ${at('nope.slaw')}: it does not exist.`);
    expect(expectOneLineError(notAFolder)).toBe(`Cannot write ${join(at('notes.txt'), 'out.docx')}: part of the path is not a folder.`);
    expect(expectOneLineError(exists)).toContain('already exists; add --force');
  });

  it('documents both commands and verify’s exit codes in --help', async () => {
    const [main, verify] = await Promise.all([runCli(['--help']), runCli(['verify', '--help'])]);
    expect(main.stdout).toMatch(/export \[options\] <file>/);
    expect(main.stdout).toMatch(/verify \[options\] <file>/);
    expect(verify.stdout).toContain('0  the document matches');
    expect(verify.stdout).toContain('1  the document differs');
    expect(verify.stdout).toContain('2  the file cannot be read');
  });
});
