import { Packer, type Document } from 'docx';

/**
 * The parts of a `docx` Document by name, in the order docx zips them, as Packer builds them before zipping.
 *
 * Why not `Packer.toBuffer`: an export changes four of those parts, adds its own, digests them all and seals
 * them; zipping docx's output only to unzip it again (twice: embed, then seal) cost a third of the export.
 * The compiler is `Packer`'s private static (`docx` 9.15, pinned with `~`): its shape is checked here, so a
 * docx that changes it makes every export fail loudly (packDocument.test.ts), never write something else.
 */
interface DocxCompiler {
  compile(file: Document): Map<string, unknown>;
}

function docxCompiler(): DocxCompiler {
  const compiler: unknown = (Packer as unknown as { compiler?: unknown }).compiler;
  const compile: unknown = typeof compiler === 'object' && compiler !== null ? (compiler as { compile?: unknown }).compile : undefined;
  if (typeof compile !== 'function') throw new Error('This version of docx has no Packer compiler: the export cannot be built');
  return compiler as DocxCompiler;
}

export function packDocument(doc: Document): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const [name, data] of docxCompiler().compile(doc)) {
    if (typeof data === 'string') parts.set(name, Buffer.from(data, 'utf8'));
    else if (data instanceof Uint8Array) parts.set(name, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    else if (data instanceof ArrayBuffer) parts.set(name, Buffer.from(data));
    else throw new Error(`docx compiled ${name} to something that is neither text nor bytes`);
  }
  return parts;
}
