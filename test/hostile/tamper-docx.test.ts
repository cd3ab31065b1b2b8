import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digitallySign, exportDocx, verifyDocx } from '../../src/main/core/document';
import { certificateThumbprint, createInstallationIdentity, type SigningIdentity } from '../../src/main/core/packageSignature';
import type { Agreement } from '../../src/shared/model/schema';
import { expectOneLineError, runCli } from '../cli/helpers';
import { readerVisibleTampering, removeSeal, rezip, type ReaderVisibleTampering } from '../support/docxTamper';
import { recordFigures } from '../support/figures';
import { signedExample } from '../support/signedExample';
import { useTempDirs } from '../support/tempDirs';
import { entry, rawZip, zeroBombEntry } from '../support/zipBomb';

/**
 * Every way of changing what a reader of an exported .docx sees, tried on an export made without a seal and on
 * a sealed one whose seal was then removed or replaced: `verify` must reject each (status mismatch, CLI exit 1).
 * And zip bombs: refused as unreadable (exit 2) after inflating no more than the budget. One figure per case.
 */
const tempDir = useTempDirs();
const now = new Date('2026-03-10T12:00:00Z');
const tamper: Record<string, string> = {};
const bombs: Record<string, number | string> = {};
let accepted = 0;

afterAll(() => {
  recordFigures('tamper-docx', { ...tamper, tamper_cases: Object.keys(tamper).length, tamper_cases_accepted: accepted });
  recordFigures('zip-bombs', bombs);
});

let agreement: Agreement;
let identity: SigningIdentity;
let unsealed: Uint8Array;
let sealed: Uint8Array;

beforeAll(async () => {
  agreement = signedExample('en', { now });
  identity = await createInstallationIdentity('Nortia Analytics', now);
  unsealed = (await exportDocx(agreement, { appVersion: 'hostile', now })).bytes;
  const forSeal = await exportDocx(agreement, { appVersion: 'hostile', now, seal: { thumbprint: certificateThumbprint(identity.certificatePem) } });
  sealed = await digitallySign(forSeal.bytes, agreement, 'en', identity, now);
}, 60_000);

async function judge(name: string, bytes: Uint8Array): Promise<void> {
  const report = await verifyDocx(bytes);
  tamper[name] = report.status === 'unreadable' ? `unreadable (${report.reason})` : report.status === 'mismatch' ? 'rejected' : 'ACCEPTED';
  if (report.status === 'match') accepted += 1;
  expect(report.status, name).toBe('mismatch');
}

describe('a tampered Word document', () => {
  const names = Object.keys(readerVisibleTampering) as ReaderVisibleTampering[];
  it.each(names)('is rejected: %s, in an export without a seal', async (name) => {
    await judge(`${name}_unsealed`, await rezip(unsealed, readerVisibleTampering[name]));
  });

  it.each(names)('is rejected: %s, in a sealed export with the seal removed', async (name) => {
    await judge(
      `${name}_seal_removed`,
      await rezip(sealed, async (zip) => {
        removeSeal(zip);
        await readerVisibleTampering[name](zip);
      }),
    );
  });

  it('is rejected with its seal removed, replaced by another key of the same name, or added afterwards', async () => {
    await judge('seal_removed', await rezip(sealed, removeSeal));
    const impostor = await createInstallationIdentity('Nortia Analytics', now);
    await judge('resealed_same_subject_other_key', await digitallySign(await rezip(sealed, removeSeal), agreement, 'en', impostor, now));
    await judge(
      'styles_edited_then_resealed',
      await digitallySign(
        await rezip(sealed, async (zip) => {
          removeSeal(zip);
          await readerVisibleTampering.styles_hide_all_text(zip);
        }),
        agreement,
        'en',
        impostor,
        now,
      ),
    );
    await judge('seal_added_to_unsealed_export', await digitallySign(unsealed, agreement, 'en', impostor, now));
  });

  it('makes the command line say so: exit 1, naming the change and the certificate thumbprints', async () => {
    const dir = tempDir('sla-tamper-cli-');
    const file = join(dir, 'resealed.docx');
    const impostor = await createInstallationIdentity('Nortia Analytics', now);
    writeFileSync(file, await digitallySign(await rezip(sealed, removeSeal), agreement, 'en', impostor, now));
    const result = await runCli(['verify', file]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('digital signature replaced: it was sealed by certificate');
    expect(result.stdout).toContain(`Certificate SHA-256 thumbprint: ${certificateThumbprint(impostor.certificatePem).toUpperCase().match(/../g)?.join(':')}`);
  }, 60_000);
});

describe('a zip bomb', () => {
  const docx = (...rest: ReturnType<typeof entry>[]) => rawZip([entry('[Content_Types].xml', '<Types/>'), ...rest]);
  const cases: [string, () => Buffer][] = [
    ['one_part_1_gib_declared_truthfully', () => docx(zeroBombEntry('word/document.xml', 1024))],
    ['one_part_1_gib_declared_1000_bytes', () => docx(zeroBombEntry('word/document.xml', 1024, 'small'))],
    [
      'three_parts_of_30_mib_over_the_total',
      () => docx(zeroBombEntry('word/document.xml', 30), zeroBombEntry('word/a.xml', 30), zeroBombEntry('word/b.xml', 30)),
    ],
  ];

  it.each(cases)(
    'is refused as unreadable, after inflating no more than the budget: %s',
    async (name, make) => {
      const bytes = make();
      const started = performance.now();
      const report = await verifyDocx(bytes);
      bombs[`${name}_ms`] = Math.round(performance.now() - started);
      bombs[`${name}_file_kib`] = Math.round(bytes.length / 1024);
      expect(report).toEqual({ status: 'unreadable', reason: 'too_large' });
    },
    60_000,
  );

  it('makes the command line exit 2 with one translated line, not 1 with an empty certificate subject', async () => {
    const dir = tempDir('sla-bomb-cli-');
    const file = join(dir, 'bomb.docx');
    writeFileSync(file, docx(zeroBombEntry('word/document.xml', 1024)));
    const damaged = join(dir, 'damaged.docx');
    const good = Buffer.from(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'v1-signed-sealed.docx')));
    // A byte flipped inside the first entry's compressed data: an unreadable part, found by its CRC-32.
    good[200] = (good[200] ?? 0) ^ 0xff;
    writeFileSync(damaged, good);
    const [bomb, broken] = await Promise.all([runCli(['verify', file]), runCli(['verify', damaged], { lang: 'es_ES.UTF-8' })]);
    expect(bomb.code).toBe(2);
    expect(expectOneLineError(bomb)).toBe(`${file} is too large to be a document exported by SLA Workshop.`);
    expect(bomb.stdout).toBe('');
    expect(broken.code).toBe(2);
    expect(expectOneLineError(broken)).toBe(`No se puede leer ${damaged} como documento Word: no es un archivo .docx o está dañado.`);
  }, 60_000);
});
