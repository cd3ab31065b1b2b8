import JSZip from 'jszip';
import { strokePng } from '../support/png';

/** Changes made to a signed package after signing: what an attacker, or an innocent tool, might do. */
async function edit(docx: Uint8Array, change: (zip: JSZip) => Promise<void>, compression: 'DEFLATE' | 'STORE' = 'DEFLATE'): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  await change(zip);
  return zip.generateAsync({ type: 'uint8array', compression, compressionOptions: { level: 9 } });
}

async function replaceIn(zip: JSZip, name: string, from: string | RegExp, to: string): Promise<void> {
  const text = await zip.file(name)?.async('string');
  if (text === undefined) throw new Error(`no ${name}`);
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`nothing to change in ${name}`);
  zip.file(name, changed);
}

export const tamper = {
  /** One word of the body changed. */
  bodyTextEdited: (docx: Uint8Array, bodyText: string) => edit(docx, (zip) => replaceIn(zip, 'word/document.xml', bodyText, bodyText.replace(/one/, 'ten'))),

  /** The body's first picture relationship pointed at another picture, added to the package (a swapped image). */
  relationshipRetargeted: (docx: Uint8Array) =>
    edit(docx, async (zip) => {
      zip.file('word/media/other.png', strokePng(120, 40, 99));
      await replaceIn(zip, 'word/_rels/document.xml.rels', /Target="media\/[^"]+\.png"/, 'Target="media/other.png"');
    }),

  /** One bit of the signature value flipped. */
  signatureValueAltered: (docx: Uint8Array) =>
    edit(docx, async (zip) => {
      const name = '_xmlsignatures/sig1.xml';
      const xml = (await zip.file(name)?.async('string')) ?? '';
      const match = /<SignatureValue>([^<]+)<\/SignatureValue>/.exec(xml);
      if (!match?.[1]) throw new Error('no SignatureValue');
      const value = Buffer.from(match[1], 'base64');
      value[10] = (value[10] ?? 0) ^ 0x01;
      zip.file(name, xml.replace(match[1], value.toString('base64')));
    }),

  /** Every part unpacked and packed again, stored without compression: same parts, different zip. */
  rezipped: (docx: Uint8Array) => edit(docx, async () => undefined, 'STORE'),

  /** A title added to the document properties, as Word lets you do after signing. */
  corePropertiesEdited: (docx: Uint8Array) =>
    edit(docx, (zip) => replaceIn(zip, 'docProps/core.xml', '</cp:coreProperties>', '<dc:title>Edited after signing</dc:title></cp:coreProperties>')),
};
