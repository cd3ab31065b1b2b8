import type JSZip from 'jszip';

/**
 * Inflates one zip entry, stopping as soon as it grows past `limit` bytes: a hostile file that inflates to
 * gigabytes costs no more than the limit. `tooLarge` and `failed` name the error each reader reports.
 */
export function inflateBounded(file: JSZip.JSZipObject, limit: number, tooLarge: () => Error, failed: (cause: unknown) => Error): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stream = file.nodeStream('nodebuffer');
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    stream.on('error', (error: unknown) => reject(failed(error)));
    stream.on('end', () => resolve(Buffer.concat(chunks, size)));
  });
}
