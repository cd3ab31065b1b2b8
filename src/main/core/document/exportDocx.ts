import { Packer } from 'docx';
import type { AgreementChange } from '../../../shared/api/contract';
import type { Agreement, Language } from '../../../shared/model/schema';
import { buildDocument, pagePlan } from './buildDocument';
import { embedSignedData, type SealIntent } from './embed';
import { docxFileName } from './fileName';
import { createDocumentModel } from './model';

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
}

/** The agreement as a Word document, with its signed data embedded for `verifyDocx`. */
export async function exportDocx(agreement: Agreement, options: ExportDocxOptions): Promise<{ fileName: string; bytes: Uint8Array }> {
  const fileName = docxFileName(agreement.meta.title);
  const model = createDocumentModel(agreement, fileName, options);
  const plan = pagePlan(model);
  const packed = await Packer.toBuffer(buildDocument(model, plan));
  return { fileName, bytes: await embedSignedData(packed, model, options.seal ?? null, plan.total) };
}
