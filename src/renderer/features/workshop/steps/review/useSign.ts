import type { ApiError } from '../../../../../shared/api/errors';
import { signingState } from '../../../../../shared/signing/signers';
import { api } from '../../../../api/apiClient';
import { useAppStore } from '../../../../store/appStore';
import { liveDrafts } from '../../state/fieldDrafts';

export interface SignInput {
  participantId: string;
  name: string;
  jobTitle: string;
  /** PNG data URL of the drawn signature. */
  image: string;
  /** The fingerprint the dialog showed: the host refuses to sign content with another one. */
  fingerprint: string;
  /** The signer confirmed that their job title in the agreement changes too (before the first signature only). */
  updateJobTitle: boolean;
}

export type SignOutcome = { ok: true; complete: boolean } | { ok: false; error: ApiError | 'notSaved' };

/** Errors after which the stored version has moved on; the screen reloads it so it shows what is true. */
const RELOAD_ON = new Set(['already_signed', 'stale_revision', 'read_only']);

/**
 * Records one signature. A draft's last edits are saved first; the host then signs only if the content still
 * has the fingerprint the dialog showed, and its record replaces the session (the version becomes read-only
 * with the first signature).
 */
export async function signAgreement(input: SignInput): Promise<SignOutcome> {
  const store = useAppStore.getState();
  const before = store.session;
  if (!before) return { ok: false, error: 'notSaved' };
  // Text typed into a field that is not valid yet is on screen but not in the agreement: signing now would
  // sign something other than what the room sees.
  if (liveDrafts(store).length > 0) return { ok: false, error: 'notSaved' };
  if (!before.readOnly && !(await store.saveNow())) return { ok: false, error: 'notSaved' };
  const session = useAppStore.getState().session;
  if (session?.id !== before.id) return { ok: false, error: 'notSaved' };
  const result = await api().send('signing.sign', { id: session.id, revision: session.revision, ...input, consent: true });
  if (result.ok) {
    useAppStore.getState().replaceRecord(result.value.record);
    return { ok: true, complete: signingState(result.value.record.agreement).complete };
  }
  if (RELOAD_ON.has(result.error.kind) && useAppStore.getState().session?.draft === useAppStore.getState().session?.acknowledged) {
    const latest = await api().send('agreements.get', { id: session.id });
    if (latest.ok) useAppStore.getState().replaceRecord(latest.value);
  }
  return { ok: false, error: result.error };
}
