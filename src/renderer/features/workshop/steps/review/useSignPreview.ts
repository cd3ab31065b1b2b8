import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgreementChange, OpOutput } from '../../../../../shared/api/contract';
import type { ApiError } from '../../../../../shared/api/errors';
import type { Agreement } from '../../../../../shared/model/schema';
import { diffAgreements } from '../../../../../shared/signing/diff';
import { api } from '../../../../api/apiClient';
import { useAppStore } from '../../../../store/appStore';

export type SignPreview = OpOutput<'signing.preview'>;

/** What the dialog asks the host about: the signer, and the job title when it is to change in the agreement. */
export interface PreviewRequest {
  participantId: string;
  /** Set only when the signer ticked "also update the job title in the agreement". */
  jobTitle: string | null;
}

export interface ReadyPreview {
  status: 'ready';
  preview: SignPreview;
  changes: AgreementChange[];
  request: PreviewRequest;
}

/** While a new preview loads, the last one stays on screen (marked as being updated) instead of flickering away. */
export type PreviewState = { status: 'loading'; last: ReadyPreview | null } | ReadyPreview | { status: 'failed'; error: ApiError | 'notSaved' };

const sameRequest = (a: PreviewRequest, b: PreviewRequest) => a.participantId === b.participantId && a.jobTitle === b.jobTitle;

/** A typed title is sent once typing pauses, not on every key. */
const TITLE_DEBOUNCE_MS = 300;

/**
 * What a signature made now would cover, for the sign dialog to show before anyone signs: the stored version's
 * fingerprint (with the new job title when it changes the agreement), and the changes since the signer opened
 * the review (`seen`). Unsaved edits are saved first, and a version stored by another window is loaded first,
 * so the fingerprint shown is the fingerprint of what is on screen.
 */
export function useSignPreview(seen: Agreement, request: PreviewRequest) {
  const [state, setState] = useState<PreviewState>({ status: 'loading', last: null });
  const latest = useRef(0);

  const load = useCallback(
    async (wanted: PreviewRequest) => {
      const attempt = ++latest.current;
      const current = () => attempt === latest.current;
      setState((previous) => ({ status: 'loading', last: previous.status === 'ready' ? previous : previous.status === 'loading' ? previous.last : null }));
      const store = useAppStore.getState();
      const before = store.session;
      if (!before || (!before.readOnly && !(await store.saveNow()))) {
        if (current()) setState({ status: 'failed', error: 'notSaved' });
        return;
      }
      const ask = () =>
        api().send('signing.preview', { id: before.id, participantId: wanted.participantId, ...(wanted.jobTitle ? { jobTitle: wanted.jobTitle } : {}) });
      let result = await ask();
      let session = useAppStore.getState().session;
      if (result.ok && session && result.value.revision !== session.revision && session.draft === session.acknowledged) {
        // Another window stored a newer version: show it on this screen first, then say what it changed.
        const stored = await api().send('agreements.get', { id: before.id });
        if (stored.ok) useAppStore.getState().replaceRecord(stored.value);
        result = await ask();
        session = useAppStore.getState().session;
      }
      if (!current()) return;
      if (!result.ok) {
        setState({ status: 'failed', error: result.error });
        return;
      }
      if (!session || session.id !== before.id || result.value.revision !== session.revision || session.draft !== session.acknowledged) {
        setState({ status: 'failed', error: 'notSaved' });
        return;
      }
      setState({ status: 'ready', preview: result.value, changes: diffAgreements(seen, session.draft), request: wanted });
    },
    [seen],
  );

  const { participantId, jobTitle } = request;
  useEffect(() => {
    const timer = setTimeout(() => void load({ participantId, jobTitle }), jobTitle === null ? 0 : TITLE_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [load, participantId, jobTitle]);

  const reload = useCallback(() => void load({ participantId, jobTitle }), [load, participantId, jobTitle]);
  /** The preview matches what the form asks for now: only then may the signature go with its fingerprint. */
  const current = state.status === 'ready' && sameRequest(state.request, request) ? state : null;
  return { state, current, reload };
}
