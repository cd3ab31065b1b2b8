import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../../shared/api/errors';
import { describeError } from '../../../../../shared/i18n';
import type { Language } from '../../../../../shared/model/schema';
import { api, isDesktop } from '../../../../api/apiClient';
import { downloadDocx, saveDocxOnDesktop } from '../../../../api/docxFiles';
import { useAppStore } from '../../../../store/appStore';
import { certificateName } from '../../../signingKeys/certificateFile';
import { attemptExport, sealPrompt, type ExportOutput, type ExportRequest, type ExportStep, type SealAnswer, type SealPrompt } from './exportFlow';
import { hideNotice, notice, updateNotice } from './notices';

export interface ExportOptions {
  language?: Language;
  /** False exports a signed agreement without the digital signature; unset lets the host seal signed versions. */
  digitalSignature?: boolean;
}

/** The seal dialog while an export waits for it; `round` changes with each export that opens it. */
export interface SealDialogState {
  prompt: SealPrompt;
  round: number;
}

const unexpected: ApiError = { kind: 'internal', message: 'Export failed' };

/**
 * Export: one notification follows the whole job (preparing → saving → saved, or why not). A draft's last
 * edits are saved first so the document shows what is on screen. Writing the file never touches the
 * agreement, so a folder that cannot be written costs nothing but a clear message.
 *
 * A fully signed agreement is sealed with the signing key of its company's organization; when the host has
 * none, or its keys are locked by their passphrase, the export pauses on the seal dialog (choose a key, create
 * one for the company, give the passphrase, or export without a seal) and resumes with the answer (exportFlow.ts).
 */
export function useExportDocument() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [sealDialog, setSealDialog] = useState<SealDialogState | null>(null);
  const waiting = useRef<{ request: ExportRequest; dialog: SealDialogState } | null>(null);
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
      updateNotice(t, {
        id,
        loading: false,
        color: 'teal',
        title: t('steps.review.export.title'),
        message: `${message}${sealed}`,
        autoClose: 6_000,
        withCloseButton: true,
      });
    if (!isDesktop()) {
      downloadDocx(file);
      done(t('steps.review.export.downloaded', { file: file.fileName }));
      return;
    }
    const outcome = await saveDocxOnDesktop(file);
    if (outcome.kind === 'failed') failWith(id, outcome.error);
    else if (outcome.kind === 'cancelled')
      updateNotice(t, { id, loading: false, color: 'gray', message: t('steps.review.export.cancelled'), autoClose: 4_000, withCloseButton: true });
    else done(outcome.path ? t('steps.review.export.savedTo', { path: outcome.path }) : t('steps.review.export.saved', { file: file.fileName }));
  }

  function openSealDialog(request: ExportRequest, prompt: SealPrompt, round: number): void {
    const dialog = { prompt, round };
    waiting.current = { request, dialog };
    setSealDialog(dialog);
  }

  function closeSealDialog(): void {
    waiting.current = null;
    setSealDialog(null);
  }

  /** Saves a draft's last edits first, so the document shows what is on screen. */
  async function saved(): Promise<boolean> {
    const store = useAppStore.getState();
    return !store.session || store.session.readOnly || store.saveNow();
  }

  async function exportDocument(options: ExportOptions = {}): Promise<void> {
    const store = useAppStore.getState();
    const session = store.session;
    if (!session || busy || waiting.current) return;
    setBusy(true);
    const id = start(t('steps.review.export.preparing'));
    try {
      if (!(await saved())) {
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
      else if (step.kind === 'seal') {
        hideNotice(id);
        openSealDialog(request, step.prompt, ++rounds.current);
      } else await deliver(id, step.output);
    } catch {
      failWith(id, unexpected);
    } finally {
      setBusy(false);
    }
  }

  /** "Choose the seal…" from the menu: the dialog first, whatever key the company would take by default. */
  async function chooseSeal(options: ExportOptions = {}): Promise<void> {
    const session = useAppStore.getState().session;
    if (!session || busy || waiting.current) return;
    setBusy(true);
    try {
      if (!(await saved())) {
        notice(t, { color: 'red', title: t('steps.review.export.failedTitle'), message: t('steps.review.sign.notSaved'), autoClose: 12_000 });
        return;
      }
      const prompt = await sealPrompt(api(), session.id, 'choose');
      const request: ExportRequest = { id: session.id, digitalSignature: true, ...(options.language ? { language: options.language } : {}) };
      if (prompt.ok) openSealDialog(request, prompt.prompt, ++rounds.current);
      else notice(t, { color: 'red', title: t('steps.review.export.failedTitle'), message: describeError(t, prompt.error), autoClose: 12_000 });
    } finally {
      setBusy(false);
    }
  }

  /** The dialog's answer: the export again with it. A wrong passphrase or another failure keeps the dialog open. */
  async function answerSeal(answer: SealAnswer): Promise<void> {
    const current = waiting.current;
    if (!current) return;
    let step: ExportStep;
    try {
      step = await attemptExport(api(), current.request, answer, current.dialog.prompt);
    } catch {
      step = { kind: 'seal', prompt: { ...current.dialog.prompt, wrongPassphrase: false, error: unexpected } };
    }
    if (waiting.current !== current) return;
    if (step.kind === 'seal') {
      openSealDialog(current.request, step.prompt, current.dialog.round);
      return;
    }
    closeSealDialog();
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

  function cancelSeal(): void {
    if (!waiting.current) return;
    closeSealDialog();
    notice(t, { color: 'gray', message: t('steps.review.export.cancelled'), autoClose: 4_000 });
  }

  /** "Export without digital signature" in the seal dialog: one click, the same language as asked. */
  function exportWithoutSeal(): void {
    const current = waiting.current;
    if (!current) return;
    closeSealDialog();
    void exportDocument({ ...(current.request.language ? { language: current.request.language } : {}), digitalSignature: false });
  }

  return { exportDocument, chooseSeal, busy, sealDialog, answerSeal, cancelSeal, exportWithoutSeal };
}
