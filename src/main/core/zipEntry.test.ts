import JSZip from 'jszip';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { entry, rawZip, zeroBombEntry } from '../../../test/support/zipBomb';
import { inflateBudget, inflateEntry, ZipBudgetError, ZipEntryError } from './zipEntry';

const load = (bytes: Uint8Array) => JSZip.loadAsync(bytes);
const MiB = 1024 * 1024;

describe('inflating a zip entry within a budget', () => {
  it('reads deflated, stored and empty entries, charging what came out to the shared budget', async () => {
    const zip = await load(
      rawZip([
        entry('a.xml', '<a/>'),
        { name: 'b.bin', data: Buffer.from('stored'), method: 'store', crc: crc32(Buffer.from('stored')), uncompressedSize: 6 },
        { name: 'empty', data: Buffer.alloc(0), method: 'store', crc: 0, uncompressedSize: 0 },
      ]),
    );
    const budget = inflateBudget(1000, 1000);
    expect((await inflateEntry(zip.file('a.xml')!, budget)).toString()).toBe('<a/>');
    expect((await inflateEntry(zip.file('b.bin')!, budget)).toString()).toBe('stored');
    expect((await inflateEntry(zip.file('empty')!, budget)).length).toBe(0);
    expect(budget.remaining).toBe(1000 - 4 - 6);
  });

  it('stops a part at the per-part limit and the package at the total, whatever the zip declares', async () => {
    const honest = await load(rawZip([zeroBombEntry('bomb.xml', 256)]));
    await expect(inflateEntry(honest.file('bomb.xml')!, inflateBudget(8 * MiB, 64 * MiB))).rejects.toBeInstanceOf(ZipBudgetError);
    // It claims 1000 bytes: the claim changes nothing, the output is counted.
    const lying = await load(rawZip([zeroBombEntry('bomb.xml', 256, 'small')]));
    await expect(inflateEntry(lying.file('bomb.xml')!, inflateBudget(8 * MiB, 64 * MiB))).rejects.toBeInstanceOf(ZipBudgetError);
    // Three parts of 3 MiB, each within the part limit, exhaust a total of 8 MiB on the third.
    const many = await load(rawZip([1, 2, 3].map((n) => zeroBombEntry(`p${n}.xml`, 3))));
    const budget = inflateBudget(4 * MiB, 8 * MiB);
    await inflateEntry(many.file('p1.xml')!, budget);
    await inflateEntry(many.file('p2.xml')!, budget);
    await expect(inflateEntry(many.file('p3.xml')!, budget)).rejects.toBeInstanceOf(ZipBudgetError);
  });

  it('refuses an entry whose size or CRC-32 is not what the zip says, and corrupt compressed data', async () => {
    const ok = entry('a.xml', 'hello world');
    const zip = await load(
      rawZip([
        { ...ok, name: 'size.xml', uncompressedSize: 5 },
        { ...ok, name: 'crc.xml', crc: ok.crc ^ 1 },
        { ...ok, name: 'garbage.xml', data: Buffer.from([0xff, 0xff, 0xff, 0xff]) },
      ]),
    );
    for (const name of ['size.xml', 'crc.xml', 'garbage.xml']) {
      await expect(inflateEntry(zip.file(name)!, inflateBudget(MiB, MiB)), name).rejects.toBeInstanceOf(ZipEntryError);
    }
  });

  it('fails loudly, rather than inflating without a limit, on an entry that was not loaded from a file', async () => {
    // Also what a JSZip that stopped keeping raw compressed entries would look like to this reader.
    const zip = new JSZip().file('made-in-memory.xml', '<x/>');
    await expect(inflateEntry(zip.file('made-in-memory.xml')!, inflateBudget(MiB, MiB))).rejects.toBeInstanceOf(ZipEntryError);
  });
});
