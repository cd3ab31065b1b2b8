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
  async function* chunks(start: number, end: number, reuse = false): AsyncGenerator<Uint8Array> {
    let at = start;
    let reused: Buffer | null = null;
    while (at < end) {
      const stop = Math.min(end, (Math.floor(at / chunkBytes) + 1) * chunkBytes);
      // Fresh memory costs page faults on every chunk: a caller that keeps nothing gets the same buffer back.
      const buffer = reuse ? (reused ??= Buffer.allocUnsafeSlow(chunkBytes)) : Buffer.allocUnsafeSlow(stop - at);
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
      // One buffer read into again and again: the bytes are only looked at, and fresh memory costs page faults.
      const buffer = Buffer.allocUnsafeSlow(Math.min(chunkBytes, Math.max(1, end - start)));
      let count = 0;
      for (let at = start; at < end;) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(buffer.length, end - at), at);
        if (bytesRead === 0) break;
        const last = bytesRead - 1;
        for (let i = buffer.indexOf(QUOTE); i !== -1 && i <= last; i = i < last ? buffer.indexOf(QUOTE, i + 1) : -1) count++;
        at += bytesRead;
      }
      return count;
    },
    close: () => handle.close(),
  };
}
