import { Packer } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { signedExample } from '../../../../test/support/signedExample';
import { readPackage } from '../packageSignature/opcPackage';
import { buildDocument } from './buildDocument';
import { createDocumentModel } from './model';
import { packDocument } from './packDocument';

const model = () => createDocumentModel(signedExample('en', { signers: 2 }), 'x.docx', { appVersion: '1', now: new Date('2026-03-10T12:00:00Z') });
const packer = Packer as unknown as { compiler: unknown };
const original = packer.compiler;
afterEach(() => {
  packer.compiler = original;
});

describe("the parts of docx's package, before docx zips them", () => {
  it('are the parts, in the order and with the bytes, that Packer zips', async () => {
    const doc = buildDocument(model());
    const { parts: zipped } = await readPackage(await Packer.toBuffer(doc));
    const parts = packDocument(doc);
    expect([...parts.keys()]).toEqual([...zipped.keys()]);
    for (const [name, bytes] of parts) expect(bytes.equals(zipped.get(name) ?? Buffer.alloc(0)), name).toBe(true);
  });

  it('fail loudly when docx no longer has the compiler they come from', () => {
    const doc = buildDocument(model());
    packer.compiler = undefined;
    expect(() => packDocument(doc)).toThrow(/no Packer compiler/);
    packer.compiler = { compile: () => new Map<string, unknown>([['word/document.xml', 42]]) };
    expect(() => packDocument(doc)).toThrow(/neither text nor bytes/);
  });
});
