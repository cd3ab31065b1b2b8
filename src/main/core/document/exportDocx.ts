import type { AgreementChange } from '../../../shared/api/contract';
import type { Agreement, Language } from '../../../shared/model/schema';
import { certificateThumbprint } from '../packageSignature/certificate';
import type { PackageSigner } from '../packageSignature/signPackage';
import { writePackage } from '../packageSignature/writePackage';
import { buildDocument, pagePlan } from './buildDocument';
import { embedSignedData, type SealIntent } from './embed';
import { docxFileName } from './fileName';
import { createDocumentModel } from './model';
import { packDocument } from './packDocument';

export interface ExportDocxOptions {
  /** The document's language; the agreement's own when not given. */
  lang?: Language;
  /** What changed since the version this one amends: listed in the document when non-empty. */
  changes?: AgreementChange[];
  baseVersion?: number;
  appVersion: string;
  now?: Date;
  /** The certificate that will seal the document (recorded in its embedded data); null or absent for none. */
  seal?: SealIntent | null;
  /**
   * Seals the document with this key (its certificate must be the one `seal` names): the package signature is
   * added to the parts before they are zipped, so the package is zipped once. Absent: the caller seals, or not.
   */
  sealWith?: PackageSigner;
}

/** The agreement as a Word document, with its signed data embedded for `verifyDocx`, sealed when asked. */
export async function exportDocx(agreement: Agreement, options: ExportDocxOptions): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { sealWith, seal = null } = options;
  // What the document records about its seal and who seals it must agree, or `verify` would report a swap.
  if (sealWith && (!seal || seal.thumbprint !== certificateThumbprint(sealWith.certificatePem))) {
    throw new Error('The sealing key is not the certificate the document records');
  }
  const fileName = docxFileName(agreement.meta.title);
  const model = createDocumentModel(agreement, fileName, options);
  const plan = pagePlan(model);
  const parts = packDocument(buildDocument(model, plan));
  embedSignedData(parts, model, seal, plan.total);
  if (sealWith) {
    // The signing code (node-forge, xml-crypto) loads only for an export that is sealed.
    const { sealParts } = await import('./digitalSignature');
    for (const [name, data] of sealParts(parts, agreement, model.lang, sealWith, model.now)) parts.set(name, data);
  }
  return { fileName, bytes: writePackage(parts) };
}
