import type { TFunction } from 'i18next';
import type { AgreementStatus } from '../model/schema';

/** Signatures recorded and required, as the summary carries them (null before anyone signs). */
export interface SignatureCount {
  signed: number;
  required: number;
}

/** What a version's status is called wherever it shows: "Signed" only once every required signer has signed. */
export type DisplayStatus = 'draft' | 'awaiting' | 'signed' | 'superseded';

export function displayStatus(status: AgreementStatus, signatures: SignatureCount | null): DisplayStatus {
  if (status === 'signed' && signatures && signatures.signed < signatures.required) return 'awaiting';
  return status;
}

/** "Draft", "Awaiting signatures (1 of 2)", "Signed", "Superseded", in the language of `t`. */
export function statusLabel(t: TFunction, status: AgreementStatus, signatures: SignatureCount | null): string {
  const shown = displayStatus(status, signatures);
  if (shown === 'awaiting' && signatures) return t('common.statusAwaiting', { signed: signatures.signed, count: signatures.required });
  return t(`common.status.${status}`);
}

/** The count the summary would carry for an agreement: null for a draft, as before anyone signs. */
export function signatureCountOf(agreement: {
  meta: { status: AgreementStatus };
  signatures: readonly unknown[];
  participants: readonly { mustSign: boolean }[];
}): SignatureCount | null {
  if (agreement.meta.status === 'draft') return null;
  return { signed: agreement.signatures.length, required: agreement.participants.filter((p) => p.mustSign).length };
}
