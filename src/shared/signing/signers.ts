import type { Agreement, Participant } from '../model/schema';

export type Signature = Agreement['signatures'][number];

export interface SigningState {
  /** Participants marked "must sign", in the order they were listed. */
  signers: Participant[];
  signed: { participant: Participant; signature: Signature }[];
  pending: Participant[];
  /** True once the first signature is recorded: the version is then read-only. */
  started: boolean;
  /** Every required signer has signed. */
  complete: boolean;
  /** The fingerprint recorded with the signatures (they all carry the same one), or null before the first. */
  fingerprint: string | null;
}

export function requiredSigners(agreement: Agreement): Participant[] {
  return agreement.participants.filter((p) => p.mustSign);
}

export function signingState(agreement: Agreement): SigningState {
  const signers = requiredSigners(agreement);
  const byParticipant = new Map(agreement.signatures.map((s) => [s.participantId, s]));
  const signed = signers.flatMap((participant) => {
    const signature = byParticipant.get(participant.id);
    return signature ? [{ participant, signature }] : [];
  });
  const pending = signers.filter((p) => !byParticipant.has(p.id));
  return {
    signers,
    signed,
    pending,
    started: agreement.signatures.length > 0,
    complete: signers.length > 0 && pending.length === 0,
    fingerprint: agreement.signatures[0]?.fingerprint ?? null,
  };
}

/** The first 12 hex digits, grouped for reading aloud: `3f2a 9c01 be77`. */
export function shortFingerprint(fingerprint: string): string {
  return (fingerprint.slice(0, 12).match(/.{1,4}/g) ?? []).join(' ');
}

/** The whole fingerprint in groups of four hex digits, for reading it out or comparing it with a document. */
export function fingerprintGroups(fingerprint: string): string[] {
  return fingerprint.match(/.{1,4}/g) ?? [];
}
