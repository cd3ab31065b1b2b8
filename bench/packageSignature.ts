import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { Document, ImageRun, Packer, Paragraph } from 'docx';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportDocx } from '../src/main/core/document';
import { createDocumentService } from '../src/main/core/document/service';
import { createInstallationIdentity, signPackage } from '../src/main/core/packageSignature';
import { summarize } from '../src/main/core/packageSignature/keys/identity';
import { openDatabase } from '../src/main/db/connection';
import { createExportsRepo } from '../src/main/db/exportsRepo';
import { signedExample } from '../test/support/signedExample';
import { median, percentile, timeAsync, type Row } from './stats';

const RUNS = 40;
const WARM_UP = 5;
const BUDGET_MS = 100;

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  let c = 0xffffffff;
  for (const byte of body) c = (CRC[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((c ^ 0xffffffff) >>> 0);
  return Buffer.concat([head, body, tail]);
}
/** A photo-like (incompressible) RGB PNG of about width × height × 3 bytes. */
function noisePng(width: number, height: number): Buffer {
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.concat([Buffer.from([0]), randomBytes(width * 3)])));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function medianSigning(bytes: Uint8Array, identity: Awaited<ReturnType<typeof createInstallationIdentity>>, now: Date): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++) times.push(await timeAsync(() => signPackage(bytes, identity, { comment: 'bench', now })));
  return times.slice(WARM_UP);
}

/** The whole export as the app runs it once the key is open: build, embed (rules v2), seal, record in SQLite. */
async function medianServiceExport(identity: Awaited<ReturnType<typeof createInstallationIdentity>>, now: Date): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-export-'));
  const db = openDatabase(join(dir, 'bench.db'));
  try {
    const stored = { ...identity, id: 'bench', organization: 'Bench Organization', summary: summarize(identity, 'installation') };
    const documents = createDocumentService({
      identities: { unlock: async () => stored },
      exports: createExportsRepo(db),
      storedAgreement: () => null,
      appVersion: 'bench',
      now: () => now,
    });
    const agreement = signedExample('en', { signers: 2 });
    const times: number[] = [];
    for (let i = 0; i < WARM_UP + RUNS; i++) times.push(await timeAsync(() => documents.export({ agreement, key: { kind: 'installation' } })));
    return times.slice(WARM_UP);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * What signing the package adds to exporting the example: `signPackage` on the exported signed example
 * (two drawn signatures), median of 40 after 5 warm-up runs; and, for scale, a package of four photo-like pictures. The key is made once, outside the timing, as
 * the app does (one key per installation). `npm run bench` adds these rows; `node --import tsx
 * bench/packageSignature.ts` prints them alone.
 */
export async function benchPackageSignature(): Promise<Row[]> {
  const identity = await createInstallationIdentity('Bench Organization');
  const now = new Date('2026-03-10T12:00:00Z');
  const { bytes } = await exportDocx(signedExample('en', { signers: 2 }), { appVersion: 'bench', now });
  const exportTimes: number[] = [];
  for (let i = 0; i < WARM_UP + RUNS; i++)
    exportTimes.push(await timeAsync(() => exportDocx(signedExample('en', { signers: 2 }), { appVersion: 'bench', now })));
  exportTimes.splice(0, WARM_UP);
  const signTimes = await medianSigning(bytes, identity, now);
  const signMedian = median(signTimes);
  // A heavier package for scale: four photo-like pictures of ~300 KiB each.
  const pictures = Array.from(
    { length: 4 },
    () => new Paragraph({ children: [new ImageRun({ type: 'png', data: noisePng(320, 320), transformation: { width: 200, height: 200 } })] }),
  );
  const heavy = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('Pictures'), ...pictures] }] }));
  const heavyTimes = await medianSigning(heavy, identity, now);
  const serviceTimes = await medianServiceExport(identity, now);
  const serviceMedian = median(serviceTimes);
  return [
    {
      name: `package signature of the exported example (${(bytes.length / 1024).toFixed(0)} KiB .docx), median of ${RUNS}`,
      figure: `${signMedian.toFixed(1)} ms`,
      budget: `≤ ${BUDGET_MS} ms`,
      ok: signMedian <= BUDGET_MS,
    },
    { name: 'package signature p95', figure: `${percentile(signTimes, 95).toFixed(1)} ms`, budget: '—', ok: null },
    { name: 'export of the example without it, median', figure: `${median(exportTimes).toFixed(1)} ms`, budget: '—', ok: null },
    {
      name: `package signature of a ${(heavy.length / 1024).toFixed(0)} KiB .docx with four photo-like pictures, median`,
      figure: `${median(heavyTimes).toFixed(1)} ms`,
      budget: '—',
      ok: null,
    },
    {
      name: `export + seal + record through the document service (the app's and the CLI's path, key open), median of ${RUNS}`,
      figure: `${serviceMedian.toFixed(1)} ms`,
      budget: '—',
      ok: null,
    },
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./stats');
  printTable(await benchPackageSignature());
}
