import { randomUUID } from 'node:crypto';
import { findPart } from '../packageSignature/opcPackage';
import { embeddedXml, EMBEDDED_NAMESPACE, type EmbeddedDataV2, type EmbeddedSignature } from './embeddedData';
import type { DocumentModel } from './model';
import { finishedParts } from './packageFinish';
import { describePackage } from './packageDigests';

const CUSTOM_XML_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml';
const CUSTOM_XML_PROPS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps';
const CUSTOM_XML_PROPS_TYPE = 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml';
/** The first free customXml/itemN.xml: docx uses item1 for bibliographies, so never assume it is ours. */
function freeIndex(parts: ReadonlyMap<string, Buffer>): number {
  let n = 1;
  while (findPart(parts, `customXml/item${n}.xml`)) n++;
  return n;
}

function itemProps(): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' +
    `<ds:datastoreItem ds:itemID="{${randomUUID().toUpperCase()}}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${EMBEDDED_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

/** How the export will be sealed: the SHA-256 of the certificate that will sign it, or null for no seal. */
export interface SealIntent {
  thumbprint: string;
  /** The certificate's subject, as the record page states it; only the thumbprint is embedded. */
  subject?: string;
}

/**
 * Adds the agreement, its fingerprint, the signatures and the digests of every other part (rules v2, see
 * packageDigests.ts) as a custom XML part of the package, related from the main document as Word expects, so
 * Word and LibreOffice keep opening the file and `verify` can read it back. The other parts it adds or changes
 * (properties, relationships, content types) are written first, so the digests cover them as exported.
 * `parts` are the packed document's, changed in place; the parts added go at the end.
 */
export function embedSignedData(parts: Map<string, Buffer>, model: DocumentModel, seal: SealIntent | null, pages: number): void {
  const text = (name: string): string => {
    const part = findPart(parts, name);
    if (!part) throw new Error(`The packed document has no ${name}`);
    return part.bytes.toString('utf8');
  };
  const n = freeIndex(parts);
  const item = `customXml/item${n}.xml`;
  const types = text('[Content_Types].xml');
  const xmlDefault = /<Default[^>]*Extension="xml"/.test(types) ? '' : `<Override PartName="/${item}" ContentType="application/xml"/>`;
  const added = new Map<string, string>([
    ...finishedParts(text, model, pages),
    [`customXml/itemProps${n}.xml`, itemProps()],
    [
      `customXml/_rels/item${n}.xml.rels`,
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${CUSTOM_XML_PROPS_REL}" Target="itemProps${n}.xml"/></Relationships>`,
    ],
    [
      'word/_rels/document.xml.rels',
      text('word/_rels/document.xml.rels').replace(
        '</Relationships>',
        `<Relationship Id="rIdSlaWorkshop${n}" Type="${CUSTOM_XML_REL}" Target="../${item}"/></Relationships>`,
      ),
    ],
    [
      '[Content_Types].xml',
      types.replace('</Types>', `${xmlDefault}<Override PartName="/customXml/itemProps${n}.xml" ContentType="${CUSTOM_XML_PROPS_TYPE}"/></Types>`),
    ],
  ]);
  for (const [name, content] of added) parts.set(name, Buffer.from(content, 'utf8'));

  const described = describePackage(parts, item);
  const mediaByDigest = new Map(described.parts.filter((p) => p.name.startsWith('word/media/')).map((p) => [p.sha256, p.name]));
  const signatures: EmbeddedSignature[] = model.signers.flatMap(({ signature, image }) => {
    if (!signature) return [];
    const { id, participantId, name, jobTitle, signedAt, device, fingerprint } = signature;
    const imagePart = image ? (mediaByDigest.get(image.sha256) ?? null) : null;
    return [{ id, participantId, name, jobTitle, signedAt, device, fingerprint, imagePart, imageSha256: imagePart && image ? image.sha256 : null }];
  });
  const data: EmbeddedDataV2 = {
    fingerprint: model.fingerprint,
    agreement: model.canonical,
    record: {
      appVersion: model.appVersion,
      exportedAt: model.now.toISOString(),
      language: model.lang,
      signatures,
      parts: described.parts,
      packageRelationships: described.packageRelationships,
      seal: seal ? { thumbprint: seal.thumbprint } : null,
    },
  };
  parts.set(item, Buffer.from(embeddedXml(data), 'utf8'));
}
