import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { sha256Hex } from '../signing/fingerprint';
import { embeddedXml, EMBEDDED_NAMESPACE, type EmbeddedData, type EmbeddedSignature } from './embeddedData';
import type { DocumentModel } from './model';
import { digestedParts, readPart } from './zipParts';

const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CUSTOM_XML_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const CUSTOM_XML_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
/** Our own parts are small; this only guards against a runaway bug, not hostile input (that is verify's job). */
const LIMIT = 256 * 1024 * 1024;

/** The first free customXml/itemN.xml: docx uses item1 for bibliographies, so never assume it is ours. */
function freeIndex(zip: JSZip): number {
  let n = 1;
  while (zip.file(`customXml/item${n}.xml`)) n++;
  return n;
}

function itemProps(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    `<ds:datastoreItem ds:itemID="{${randomUUID().toUpperCase()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${EMBEDDED_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

async function text(zip: JSZip, name: string): Promise<string> {
  const bytes = await readPart(zip, name, LIMIT);
  if (!bytes) throw new Error(`The packed document has no ${name}`);
  return bytes.toString('utf8');
}

/**
 * Adds the agreement, its fingerprint, the signatures and the digests of the document's parts as a custom
 * XML part of the package, related from the main document as Word expects, so Word and LibreOffice keep
 * opening the file and `verify` can read it back. Only the relationships and content types change.
 */
export async function embedSignedData(packed: Uint8Array, model: DocumentModel): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(packed);
  const parts: Record<string, string> = {};
  const mediaByDigest = new Map<string, string>();
  for (const name of digestedParts(zip)) {
    const bytes = await readPart(zip, name, LIMIT);
    if (!bytes) continue;
    parts[name] = sha256Hex(bytes);
    if (name.startsWith('word/media/')) mediaByDigest.set(parts[name], name);
  }
  const signatures: EmbeddedSignature[] = model.signers.flatMap(({ signature, image }) => {
    if (!signature) return [];
    const { id, participantId, name, jobTitle, signedAt, device, fingerprint } = signature;
    const imagePart = image ? (mediaByDigest.get(image.sha256) ?? null) : null;
    return [{ id, participantId, name, jobTitle, signedAt, device, fingerprint, imagePart, imageSha256: imagePart && image ? image.sha256 : null }];
  });
  const data: EmbeddedData = {
    fingerprint: model.fingerprint,
    agreement: model.canonical,
    record: { appVersion: model.appVersion, exportedAt: model.now.toISOString(), language: model.lang, signatures, parts },
  };

  const n = freeIndex(zip);
  zip.file(`customXml/item${n}.xml`, embeddedXml(data));
  zip.file(`customXml/itemProps${n}.xml`, itemProps());
  zip.file(
    `customXml/_rels/item${n}.xml.rels`,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`,
  );
  const rels = await text(zip, 'word/_rels/document.xml.rels');
  zip.file('word/_rels/document.xml.rels', rels.replace('</Relationships>', `<Relationship Id="rIdSlaWorkshop${n}" Type="${CUSTOM_XML_REL}" Target="../customXml/item${n}.xml"/></Relationships>`));
  const types = await text(zip, '[Content_Types].xml');
  const xmlDefault = /<Default[^>]*Extension="xml"/.test(types) ? '' : `<Override PartName="/customXml/item${n}.xml" ContentType="application/xml"/>`;
  zip.file('[Content_Types].xml', types.replace('</Types>', `${xmlDefault}<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CUSTOM_XML_PROPS_TYPE}"/></Types>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}
