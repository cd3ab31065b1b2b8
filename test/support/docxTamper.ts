import JSZip from 'jszip';
import { signaturePng } from './signedExample';

/** The document with some parts rewritten. */
export async function rezip(bytes: Uint8Array, edit: (zip: JSZip) => Promise<void> | void): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

async function replaceIn(zip: JSZip, name: string, from: string | RegExp, to: string): Promise<void> {
  const text = await zip.file(name)?.async('string');
  if (text === undefined) throw new Error(`no ${name}`);
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`nothing to change in ${name}`);
  zip.file(name, changed);
}

/**
 * Edits a reader would see (or that would change what a reader is shown) that leave the body, headers,
 * footers and pictures byte for byte as exported: what rules v1 did not cover.
 */
export const readerVisibleTampering = {
  /** Every run hidden by default: Word shows empty pages. */
  styles_hide_all_text: (zip) => replaceIn(zip, 'word/styles.xml', '<w:rPrDefault><w:rPr>', '<w:rPrDefault><w:rPr><w:vanish/>'),
  /** The numbered list's numbers rewritten ("1." → "Not 1."). */
  numbering_text_changed: (zip) => replaceIn(zip, 'word/numbering.xml', '<w:lvlText w:val="%1."/>', '<w:lvlText w:val="Not %1."/>'),
  /** The first signer's relationship pointed at the second signer's picture. */
  signer_image_relationship_swapped: (zip) => replaceIn(zip, 'word/_rels/document.xml.rels', 'Target="media/image1.png"', 'Target="media/image2.png"'),
  /** A picture added, reachable from nothing the export wrote. */
  part_added: (zip) => void zip.file('word/media/extra.png', signaturePng(7)),
  /** The main document declared as a macro-enabled one. */
  content_type_changed: (zip) => replaceIn(zip, '[Content_Types].xml', 'wordprocessingml.document.main+xml', 'wordprocessingml.document.macroEnabled.main+xml'),
  /** The document properties relationship pointed at the body instead. */
  package_relationship_retargeted: (zip) => replaceIn(zip, '_rels/.rels', 'Target="docProps/core.xml"', 'Target="word/document.xml"'),
  /** One figure in the body changed. */
  body_text_changed: (zip) => replaceIn(zip, 'word/document.xml', /At least 500 per month|Al menos 500 al mes/, 'At least 50 per month'),
  /** The settings part rewritten (e.g. to attach a template or hide spelling marks). */
  settings_changed: (zip) => replaceIn(zip, 'word/settings.xml', /<\/w:settings>$/, '<w:hideSpellingErrors/></w:settings>'),
} satisfies Record<string, (zip: JSZip) => Promise<void> | void>;
export type ReaderVisibleTampering = keyof typeof readerVisibleTampering;

/** The package signature removed, as far as a zip tool can: the folder and its part. */
export const removeSeal = (zip: JSZip): void => {
  for (const name of Object.keys(zip.files)) if (name.startsWith('_xmlsignatures/')) zip.remove(name);
};
