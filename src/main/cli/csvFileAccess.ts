import { open } from 'node:fs/promises';
import type { RandomAccessFile } from '../../shared/actuals/parallelImport';

const QUOTE = 0x22;

/**
 * A CSV file read anywhere through one file handle: chunks that end on multiples of `chunkBytes` (the
 * sequential read's chunks, see parallelImport.ts) and a count of `"` bytes by Buffer.indexOf (memchr).
 */
export async function openRandomAccess(path: string, chunkBytes: number): Promise<RandomAccessFile & { close(): Promise<void> }> {
  const handle = await open(path, 'r');
  let size: number;
  try {
    size = (await handle.stat()).size;
  } catch (error) {
    await handle.close();
    throw error;
  }
  async function* chunks(start: number, end: number): AsyncGenerator<Uint8Array> {
    let at = start;
    while (at < end) {
      const stop = Math.min(end, (Math.floor(at / chunkBytes) + 1) * chunkBytes);
      const buffer = Buffer.allocUnsafeSlow(stop - at);
      const { bytesRead } = await handle.read(buffer, 0, stop - at, at);
      if (bytesRead === 0) throw Object.assign(new Error('the file shrank while it was read'), { code: 'EIO' });
      yield buffer.subarray(0, bytesRead);
      at += bytesRead;
    }
  }
  return {
    size,
    chunks,
    async countQuotes(start, end) {
      let count = 0;
      for await (const chunk of chunks(start, end)) {
        const buffer = chunk as Buffer;
        for (let i = buffer.indexOf(QUOTE); i !== -1; i = buffer.indexOf(QUOTE, i + 1)) count++;
      }
      return count;
    },
    close: () => handle.close(),
  };
}
