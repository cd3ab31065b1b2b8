import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeSlaw } from '../../src/shared/slaw/format';
import { openDocx } from '../support/docx';
import { signedExample } from '../support/signedExample';
import { expectOneLineError, runCli } from './helpers';
import { useTempDirs } from '../support/tempDirs';
import { issueCertificate, pkcs12 } from '../packageSignature/pki';

const newTempDir = useTempDirs();
let dir: string;
beforeAll(() => {
  dir = newTempDir('slaw-docx-cli-');
});

const at = (name: string) => join(dir, name);

// Each test spawns the built CLI several times, and sealing derives a key: slow on a loaded machine.
describe('sla-workshop export + verify', { timeout: 90_000 }, () => {
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
      'No digital signature on the package.',
    ]);
  });

  it('verifies a signed export (exit 0), and names what differs once it is edited (exit 1)', async () => {
    writeFileSync(at('signed.slaw'), serializeSlaw(signedExample('en'), '0.0.0-test'));
    const exported = await runCli(['export', at('signed.slaw'), '-o', at('signed.docx')]);
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const ok = await runCli(['verify', at('signed.docx')]);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(
      /^✓ .*signed\.docx matches what was signed: “Marketing–Sales SLA 2027”, version 1, fingerprint [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}, all 2 signatures present\.\nNo digital signature on the package\.\n$/,
    );
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
      'El paquete no lleva firma digital.',
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

  it('seals the package with the installation key (created on first use, passphrase from the environment) and verify checks it', async () => {
    const dataDir = at('data');
    const env = { SLA_WORKSHOP_KEY_PASSPHRASE: 'a long passphrase' };
    const noPassphrase = await runCli(['export', at('signed.slaw'), '-o', at('sealed.docx'), '--digital-signature', '--data-dir', dataDir]);
    expect(noPassphrase.code).toBe(2);
    expect(expectOneLineError(noPassphrase)).toBe(
      'The environment variable SLA_WORKSHOP_KEY_PASSPHRASE is not set: it must hold the passphrase of the installation’s signing key.',
    );

    const sealed = await runCli(
      ['export', at('signed.slaw'), '-o', at('sealed.docx'), '--digital-signature', '--organization', 'Nortia Analytics', '--data-dir', dataDir],
      { env },
    );
    expect(sealed).toMatchObject({ code: 0, stderr: '' });
    expect(sealed.stdout).toMatch(/Digitally signed by .*Nortia Analytics.* \(self-signed installation certificate\)\./);
    expect(sealed.stdout).toMatch(/\nCertificate SHA-256 thumbprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}\n$/);
    const thumbprint = /thumbprint: (\S+)/.exec(sealed.stdout)?.[1];
    const ok = await runCli(['verify', at('sealed.docx')]);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toMatch(
      /\n✓ Digital signature valid: .*Nortia Analytics.* \(self-signed: Word shows it as valid but not from a trusted authority\), signed .+; \d+ references checked\.\n/,
    );
    expect(ok.stdout).toContain(`\n  Certificate SHA-256 thumbprint: ${thumbprint}\n`);

    // The data folder that exported it vouches for these exact bytes; another one knows nothing of them.
    const anchored = await runCli(['verify', at('sealed.docx'), '--data-dir', dataDir]);
    expect(anchored).toMatchObject({ code: 0, stderr: '' });
    expect(anchored.stdout).toMatch(/\n✓ This installation exported exactly this file on \d{4}-\d\d-\d\dT[\d:.]+Z \(version 1\)\.\n$/);
    const elsewhere = await runCli(['verify', at('sealed.docx'), '--data-dir', at('other-data')], { lang: 'es_ES.UTF-8' });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stdout).toContain(
      '\n✗ Esta instalación no exportó este archivo exacto.\n  Aquí no hay ningún acuerdo guardado con el identificador del documento',
    );

    // The same key signs a draft too when asked; a wrong passphrase is refused before anything is written.
    const wrong = await runCli(['export', at('ejemplo.slaw'), '-o', at('draft-sealed.docx'), '--digital-signature', '--data-dir', dataDir], {
      env: { SLA_WORKSHOP_KEY_PASSPHRASE: 'wrong' },
    });
    expect(wrong.code).toBe(2);
    expect(expectOneLineError(wrong)).toBe('The passphrase does not open the signing key.');
    expect(existsSync(at('draft-sealed.docx'))).toBe(false);

    // A body edit breaks both the embedded digests and the package signature.
    const zip = await JSZip.loadAsync(readFileSync(at('sealed.docx')));
    zip.file('word/document.xml', (await zip.file('word/document.xml')!.async('string')).replace('Goals', 'Wishes'));
    writeFileSync(at('sealed-edited.docx'), await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
    const edited = await runCli(['verify', at('sealed-edited.docx')]);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('document edited after export: word/document.xml changed');
    expect(edited.stdout).toMatch(/✗ Digital signature invalid \(.*Nortia Analytics.*\):\n {2}- changed since signing: \/word\/document\.xml/);
  });

  it('signs with an organization certificate given as a .p12 file, its password from the environment', async () => {
    const holder = issueCertificate('Nortia Analytics S.L.');
    writeFileSync(at('org.p12'), pkcs12(holder, 'p12 secret'));
    const missing = await runCli(['export', at('signed.slaw'), '-o', at('org.docx'), '--p12', at('org.p12'), '--password-env', 'P12_PASSWORD']);
    expect(expectOneLineError(missing)).toBe('The environment variable P12_PASSWORD is not set: it must hold the password of the certificate file.');
    const wrong = await runCli(['export', at('signed.slaw'), '-o', at('org.docx'), '--p12', at('org.p12'), '--password-env', 'P12_PASSWORD'], {
      env: { P12_PASSWORD: 'nope' },
    });
    expect(expectOneLineError(wrong)).toBe('The certificate password is wrong.');
    const good = await runCli(['export', at('signed.slaw'), '-o', at('org.docx'), '--p12', at('org.p12'), '--password-env', 'P12_PASSWORD'], {
      env: { P12_PASSWORD: 'p12 secret' },
    });
    expect(good).toMatchObject({ code: 0, stderr: '' });
    const ok = await runCli(['verify', at('org.docx')], { lang: 'es_ES.UTF-8' });
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/✓ Firma digital válida: .*Nortia Analytics S\.L\..* \(autofirmada/);
  });

  it('documents both commands and verify’s exit codes in --help', async () => {
    const [main, verify] = await Promise.all([runCli(['--help']), runCli(['verify', '--help'])]);
    expect(main.stdout).toMatch(/export \[options\] <file>/);
    expect(main.stdout).toMatch(/verify \[options\] <file>/);
    expect(verify.stdout).toContain('0  the document matches');
    expect(verify.stdout).toContain('1  the document differs');
    expect(verify.stdout).toContain('2  the file cannot be read');
    expect(verify.stdout).toContain('--data-dir <dir>');
  });
});
