import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../../shared/api/errors';
import { describeError } from '../../../../../shared/i18n';
import type { Language } from '../../../../../shared/model/schema';
import { api, isDesktop } from '../../../../api/apiClient';
import { downloadDocx, saveDocxOnDesktop } from '../../../../api/docxFiles';
import { useAppStore } from '../../../../store/appStore';
import { certificateName } from './certificateFile';
import { attemptExport, type ExportOutput, type ExportRequest, type ExportStep, type KeyAnswer, type KeyPrompt } from './exportFlow';
import { hideNotice, notice, updateNotice } from './notices';

export interface ExportOptions {
  language?: Language;
  /** False exports a signed agreement without the digital signature; unset lets the host seal signed versions. */
  digitalSignature?: boolean;
}

/** The signing-key dialog while an export waits for it; `round` changes with each export that opens it. */
export interface KeyDialogState {
  prompt: KeyPrompt;
  round: number;
}

const unexpected: ApiError = { kind: 'internal', message: 'Export failed' };

/**
 * Export: one notification follows the whole job (preparing → saving → saved, or why not). A draft's last
 * edits are saved first so the document shows what is on screen. Writing the file never touches the
 * agreement, so a folder that cannot be written costs nothing but a clear message.
 *
 * A fully signed agreement is sealed with this computer's signing key; when the host needs a key it can
 * open (none yet, or locked by its passphrase), the export pauses on the signing-key dialog and resumes
 * with what the user typed there (exportFlow.ts).
 */
export function useExportDocument() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [keyDialog, setKeyDialog] = useState<KeyDialogState | null>(null);
  const waiting = useRef<{ request: ExportRequest; dialog: KeyDialogState } | null>(null);
  const rounds = useRef(0);

  const start = (message: string) => notice(t, { loading: true, title: t('steps.review.export.title'), message, autoClose: false, withCloseButton: false });
  const fail = (id: string, message: string) =>
    updateNotice(t, { id, loading: false, color: 'red', title: t('steps.review.export.failedTitle'), message, autoClose: 12_000, withCloseButton: true });
  const failWith = (id: string, error: ApiError) => fail(id, describeError(t, error));

  /** Hands the document to the user: the native save dialog on the desktop, the downloads in browser mode. */
  async function deliver(id: string, output: ExportOutput): Promise<void> {
    const file = { fileName: output.fileName, base64: output.base64 };
    updateNotice(t, { id, message: t('steps.review.export.saving', { file: file.fileName }) });
    const sealed = output.digitalSignature ? ` ${t('steps.review.export.sealedBy', { name: certificateName(output.digitalSignature.subject) })}` : '';
    const done = (message: string) =>
      updateNotice(t, { id, loading: false, color: 'teal', title: t('steps.review.export.title'), message: `${message}${sealed}`, autoClose: 6_000, withCloseButton: true });
    if (!isDesktop()) {
      downloadDocx(file);
      done(t('steps.review.export.downloaded', { file: file.fileName }));
      return;
    }
    const outcome = await saveDocxOnDesktop(file);
    if (outcome.kind === 'failed') failWith(id, outcome.error);
    else if (outcome.kind === 'cancelled') updateNotice(t, { id, loading: false, color: 'gray', message: t('steps.review.export.cancelled'), autoClose: 4_000, withCloseButton: true });
    else done(outcome.path ? t('steps.review.export.savedTo', { path: outcome.path }) : t('steps.review.export.saved', { file: file.fileName }));
  }

  function openKeyDialog(request: ExportRequest, prompt: KeyPrompt, round: number): void {
    const dialog = { prompt, round };
    waiting.current = { request, dialog };
    setKeyDialog(dialog);
  }

  function closeKeyDialog(): void {
    waiting.current = null;
    setKeyDialog(null);
  }

  async function exportDocument(options: ExportOptions = {}): Promise<void> {
    const store = useAppStore.getState();
    const session = store.session;
    if (!session || busy || waiting.current) return;
    setBusy(true);
    const id = start(t('steps.review.export.preparing'));
    try {
      if (!session.readOnly && !(await store.saveNow())) {
        fail(id, t('steps.review.sign.notSaved'));
        return;
      }
      const request: ExportRequest = {
        id: session.id,
        ...(options.language ? { language: options.language } : {}),
        ...(options.digitalSignature !== undefined ? { digitalSignature: options.digitalSignature } : {}),
      };
      const step = await attemptExport(api(), request);
      if (step.kind === 'failed') failWith(id, step.error);
      else if (step.kind === 'key') {
        hideNotice(id);
        openKeyDialog(request, step.prompt, ++rounds.current);
      } else await deliver(id, step.output);
    } catch {
      failWith(id, unexpected);
    } finally {
      setBusy(false);
    }
  }

  /** The dialog's answer: the export again with it. A wrong passphrase or another failure keeps the dialog open. */
  async function answerKey(answer: KeyAnswer): Promise<void> {
    const current = waiting.current;
    if (!current) return;
    let step: ExportStep;
    try {
      step = await attemptExport(api(), current.request, answer, current.dialog.prompt);
    } catch {
      step = { kind: 'key', prompt: { ...current.dialog.prompt, wrongPassphrase: false, error: unexpected } };
    }
    if (waiting.current !== current) return;
    if (step.kind === 'key') {
      openKeyDialog(current.request, step.prompt, current.dialog.round);
      return;
    }
    closeKeyDialog();
    setBusy(true);
    const id = start(t('steps.review.export.preparing'));
    try {
      if (step.kind === 'failed') failWith(id, step.error);
      else await deliver(id, step.output);
    } catch {
      failWith(id, unexpected);
    } finally {
      setBusy(false);
    }
  }

  function cancelKey(): void {
    if (!waiting.current) return;
    closeKeyDialog();
    notice(t, { color: 'gray', message: t('steps.review.export.cancelled'), autoClose: 4_000 });
  }

  return { exportDocument, busy, keyDialog, answerKey, cancelKey };
}
