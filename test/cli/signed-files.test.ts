import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Agreement } from '../../src/shared/model/schema';
import { serializeSlaw } from '../../src/shared/slaw/format';
import { fingerprintOf } from '../../src/main/core/signing/fingerprint';
import { signedExample } from '../support/signedExample';
import { expectOneLineError, runCli } from './helpers';
import { useTempDirs } from '../support/tempDirs';

const newTempDir = useTempDirs();
let dir: string;
beforeAll(() => {
  dir = newTempDir('slaw-signed-cli-');
});

const at = (name: string) => join(dir, name);
const write = (name: string, agreement: Agreement) => {
  writeFileSync(at(name), serializeSlaw(agreement, '0.0.0-test'));
  return at(name);
};

/** The signed example with one word changed after signing: what a hand-edited .slaw looks like. */
function edited(lang: 'es' | 'en'): Agreement {
  const signed = signedExample(lang);
  return { ...signed, protocol: { ...signed.protocol, firstContactBusinessHours: 48 } };
}

/** A signature image with one byte of its compressed pixels changed: still base64 PNG, but its CRC fails. */
function damagedImage(agreement: Agreement): Agreement {
  const [first, second] = agreement.signatures as [Agreement['signatures'][number], Agreement['signatures'][number]];
  const bytes = Buffer.from(second.image.slice('data:image/png;base64,'.length), 'base64');
  bytes[60] = (bytes[60] ?? 0) ^ 0xff;
  return { ...agreement, signatures: [first, { ...second, image: `data:image/png;base64,${bytes.toString('base64')}` }] };
}

describe('a .slaw edited after signing is refused by every command', () => {
  it('validate names the tampered version and exits 1, in the file’s language', async () => {
    const [en, es] = await Promise.all([
      runCli(['validate', write('edited-en.slaw', edited('en'))]),
      runCli(['validate', write('edited-es.slaw', edited('es'))]),
    ]);
    expect(en).toMatchObject({ code: 1, stderr: '' });
    expect(en.stdout.trim().split('\n')).toEqual([
      'Agreement “Marketing–Sales SLA 2027” (Nortia Analytics), English',
      '✗ Version 1 was changed after it was signed: its content no longer matches its signatures (the fingerprint the signatures carry is not the content’s). It cannot be imported or exported.',
    ]);
    expect(es.code).toBe(1);
    expect(es.stdout).toContain(
      '✗ La versión 1 se modificó después de firmarse: su contenido ya no coincide con sus firmas (la huella que llevan las firmas no es la del contenido).',
    );
    // The untouched file is complete and valid.
    const good = await runCli(['validate', write('signed.slaw', signedExample('en'))]);
    expect(good.code).toBe(0);
  });

  it('export writes no document, sealed or not, and opens no key', async () => {
    const file = write('edited.slaw', edited('en'));
    const dataDir = at('keys');
    const env = { SLA_WORKSHOP_KEY_PASSPHRASE: 'a long passphrase' };
    const [plain, sealed, spanish] = await Promise.all([
      runCli(['export', file, '-o', at('edited.docx')]),
      runCli(['export', file, '-o', at('edited-sealed.docx'), '--digital-signature', '--organization', 'Nortia Analytics', '--data-dir', dataDir], { env }),
      runCli(['export', file, '-o', at('edited-es.docx')], { lang: 'es_ES.UTF-8' }),
    ]);
    for (const result of [plain, sealed]) {
      expect(result.code).toBe(2);
      expect(expectOneLineError(result)).toBe(
        '“Marketing–Sales SLA 2027”, version 1, was changed after it was signed: its content no longer matches the recorded signatures.',
      );
    }
    expect(expectOneLineError(spanish)).toBe(
      '«Marketing–Sales SLA 2027», versión 1, se modificó después de firmarse: su contenido ya no coincide con las firmas registradas.',
    );
    expect(existsSync(at('edited.docx'))).toBe(false);
    expect(existsSync(at('edited-sealed.docx'))).toBe(false);
    expect(existsSync(at('edited-es.docx'))).toBe(false);
    // Refused before the signing key was even created.
    expect(existsSync(dataDir)).toBe(false);
  });

  it('import stores nothing (the data folder is not even created)', async () => {
    const dataDir = at('data-edited');
    const result = await runCli(['import', write('edited-import.slaw', edited('es')), '--data-dir', dataDir], { lang: 'es_ES.UTF-8' });
    expect(result.code).toBe(2);
    expect(expectOneLineError(result)).toMatch(/se modificó después de firmarse/);
    expect(existsSync(dataDir)).toBe(false);
  });

  it('a signature re-stamped with another id’s fingerprint is refused too', async () => {
    const signed = signedExample('en');
    const moved = { ...signed, meta: { ...signed.meta, id: 'a-new-id' } };
    const stamped = { ...moved, signatures: signed.signatures.map((s) => ({ ...s, fingerprint: fingerprintOf(signed) })) };
    const result = await runCli(['validate', write('moved.slaw', stamped)]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('✗ Version 1 was changed after it was signed');
  });
});

describe('a .slaw whose drawn signature is not a whole PNG is refused (exit 2)', () => {
  it('by validate, import and export, naming the signer', async () => {
    const file = write('bad-image.slaw', damagedImage(signedExample('en')));
    const dataDir = at('data-bad-image');
    const [validate, imported, exported] = await Promise.all([
      runCli(['validate', file]),
      runCli(['import', file, '--data-dir', dataDir], { lang: 'es_ES.UTF-8' }),
      runCli(['export', file, '-o', at('bad-image.docx')]),
    ]);
    const signer = signedExample('en').signatures[1]?.name ?? '';
    expect(validate.code).toBe(2);
    expect(expectOneLineError(validate)).toBe(
      `The drawn signature of ${signer} in the file is not a usable PNG image (it is damaged, or larger than 4000 × 2000 pixels or 1.5 MB).`,
    );
    expect(imported.code).toBe(2);
    expect(expectOneLineError(imported)).toBe(
      `La firma dibujada de ${signer} en el archivo no es una imagen PNG válida (está dañada o supera los 4000 × 2000 píxeles o 1,5 MB).`,
    );
    expect(exported.code).toBe(2);
    expect(expectOneLineError(exported)).toContain(signer);
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(at('bad-image.docx'))).toBe(false);
  });
});

describe('import says which identity rule applied', () => {
  it('imported, already there, signatures added, a draft copy — in English and Spanish', async () => {
    const dataDir = at('data-outcomes');
    const signed = signedExample('en');
    const id = signed.meta.id;
    const half = write('half.slaw', { ...signed, signatures: signed.signatures.slice(0, 1) });
    const full = write('full.slaw', signed);
    const first = await runCli(['import', half, '--data-dir', dataDir]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout.trim()).toBe(`Imported “Marketing–Sales SLA 2027” with id ${id}.`);
    const again = await runCli(['import', half, '--data-dir', dataDir], { lang: 'es_ES.UTF-8' });
    expect(again.stdout.trim()).toBe(`«Marketing–Sales SLA 2027», versión 1, ya está entre tus acuerdos (id ${id}); no se cambió nada.`);
    const more = await runCli(['import', full, '--data-dir', dataDir]);
    expect(more.stdout.trim()).toBe(`“Marketing–Sales SLA 2027”, version 1, is already in your agreements (id ${id}); 1 signature from the file was added.`);

    const rewritten = { ...signed, meta: { ...signed.meta, title: 'Rewritten' } };
    const forged = write('forged.slaw', { ...rewritten, signatures: rewritten.signatures.map((s) => ({ ...s, fingerprint: fingerprintOf(rewritten) })) });
    const copy = await runCli(['import', forged, '--data-dir', dataDir, '--json']);
    expect(copy.code).toBe(0);
    const parsed = JSON.parse(copy.stdout) as { outcome: string; summary: { id: string; title: string; status: string } };
    expect(parsed).toMatchObject({ outcome: 'draft_copy', summary: { title: 'Rewritten (copy)', status: 'draft' } });
    expect(parsed.summary.id).not.toBe(id);
    const spanish = await runCli(['import', forged, '--data-dir', dataDir], { lang: 'es_ES.UTF-8' });
    expect(spanish.stdout).toMatch(
      /^Importado «Rewritten \(copy\)» como borrador sin firmar con el id [\w-]+: otra versión ya usa el id del archivo, así que no se pudieron conservar sus firmas\.\n$/,
    );
  });
});
