import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../../test/support/tempDirs';
import { readPackage } from './opcPackage';
import { writePackage } from './writePackage';

const tempDir = useTempDirs();
/** Random bytes, which DEFLATE cannot shrink: a picture's, in effect. */
const picture = randomBytes(4096);

const parts = new Map<string, Buffer>([
  ['[Content_Types].xml', Buffer.from('<Types>' + '<Default Extension="xml"/>'.repeat(200) + '</Types>')],
  ['word/document.xml', Buffer.from('<w:document>Señal · 署名 ✓</w:document>')],
  ['word/media/ímage 1.png', picture],
  ['_xmlsignatures/origin.sigs', Buffer.alloc(0)],
]);

describe('writing a package in one pass', () => {
  it('writes every part, in order and byte for byte, as JSZip reads it back (empty and non-ASCII names included)', async () => {
    const { parts: read } = await readPackage(writePackage(parts));
    expect([...read.keys()]).toEqual([...parts.keys()]);
    for (const [name, bytes] of parts) expect(read.get(name)?.equals(bytes), name).toBe(true);
  });

  it('compresses text and stores what DEFLATE cannot shrink', () => {
    const zip = writePackage(parts);
    const raw = [...parts.values()].reduce((sum, p) => sum + p.length, 0);
    expect(zip.length).toBeLessThan(raw);
    // Stored as is: the picture appears verbatim in the zip.
    expect(Buffer.from(zip).includes(picture)).toBe(true);
    expect(Buffer.from(zip).includes(parts.get('[Content_Types].xml') ?? Buffer.alloc(1))).toBe(false);
  });

  it('gives the same bytes for the same parts, and a zip python checks entry by entry (CRC-32 and sizes)', () => {
    const zip = writePackage(parts);
    expect(Buffer.from(writePackage(parts)).equals(Buffer.from(zip))).toBe(true);
    const path = join(tempDir('sla-zip-'), 'package.zip');
    writeFileSync(path, zip);
    const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip())\nprint("|".join(z.namelist()))';
    const [bad, names] = execFileSync('python3', ['-c', script, path], { encoding: 'utf8' }).trim().split('\n');
    expect(bad).toBe('None');
    expect(names?.split('|')).toEqual([...parts.keys()]);
  });
});
