import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BadPackageError, partNameFromUri, partUri, readPackage } from './opcPackage';

describe('reading a package', () => {
  it('reads every part, and refuses duplicate names, also when they differ only in case', async () => {
    const zip = new JSZip().file('a.xml', '<a/>').file('b/c.xml', '<c/>');
    const pkg = await readPackage(await zip.generateAsync({ type: 'uint8array' }));
    expect([...pkg.parts.keys()]).toEqual(['a.xml', 'b/c.xml']);
    const folded = await new JSZip().file('Word/x.xml', '1').file('word/x.xml', '2').generateAsync({ type: 'uint8array' });
    await expect(readPackage(folded)).rejects.toBeInstanceOf(BadPackageError);
  });

  it('refuses two entries with the same name, which a zip reader would silently collapse', async () => {
    const bytes = Buffer.from(await new JSZip().file('a.xml', 'AAAA').file('b.xml', 'BBBB').generateAsync({ type: 'uint8array' }));
    // Rename b.xml to a.xml in both its local header and its central directory entry.
    const twice = Buffer.from(bytes.toString('latin1').replaceAll('b.xml', 'a.xml'), 'latin1');
    await expect(readPackage(twice)).rejects.toBeInstanceOf(BadPackageError);
  });

  it('stops inflating a part past the limit', async () => {
    const bomb = await new JSZip().file('big.xml', 'x'.repeat(1_000_000)).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(10_000);
    await expect(readPackage(bomb, { maxPackageBytes: 1e6, maxParts: 10, maxPartBytes: 100_000, maxTotalBytes: 1e6 })).rejects.toThrow(/larger than allowed/);
  });

  it('maps part names to URIs and back, refusing URIs that leave the package', () => {
    expect(partUri('[Content_Types].xml')).toBe('/%5BContent_Types%5D.xml');
    expect(partNameFromUri('/word/media/image%201.png?ContentType=image/png')).toBe('word/media/image 1.png');
    for (const bad of ['word/document.xml', '//host/x', '/a/../b', '/%E0%A4%A', '/a//b']) expect(partNameFromUri(bad), bad).toBeNull();
  });
});
