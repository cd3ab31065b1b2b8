/** The Word document of an agreement: export (with its signed data embedded) and verification. */
export { exportDocx, type ExportDocxOptions } from './exportDocx';
export {
  verifyDocx,
  VERIFY_LIMITS,
  type DocumentVerification,
  type UnreadableReason,
  type VerifiedDocument,
  type VerifyProblem,
  type VerifyReport,
} from './verify';
export { docxFileName } from './fileName';
export { buildDocument } from './buildDocument';
export { createDocumentModel, type DocumentModel } from './model';
export { digitallySign, signatureComment } from './digitalSignature';
export type { SealIntent } from './embed';
