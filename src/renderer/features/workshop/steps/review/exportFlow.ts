import type { ApiClient } from '../../../../../shared/api/client';
import type { OpInput, OpOutput } from '../../../../../shared/api/contract';
import type { ApiError } from '../../../../../shared/api/errors';
import type { SigningKeysDto } from '../../../../../shared/api/keysAndSettings';

export type ExportInput = OpInput<'document.export'>;
export type ExportOutput = OpOutput<'document.export'>;
/** What the user asked for: which version, in which language, sealed or not (unset: the host decides). */
export type ExportRequest = Pick<ExportInput, 'id' | 'language' | 'digitalSignature'>;

/** The seal dialog's answer: an existing key, or a new key for an organization; the passphrase where one is needed. */
export interface SealAnswer {
  keyId?: string;
  organization?: string;
  passphrase?: string;
}

/** What the seal dialog shows, worked out from the host's refusal (or the user's wish to choose) and its keys. */
export interface SealPrompt {
  /** `noMatch`: no key carries the agreement's company; `locked`: the passphrase is needed; `choose`: asked from the menu. */
  reason: 'noMatch' | 'locked' | 'choose';
  keys: SigningKeysDto;
  /** The agreement's company, suggested for a new key. */
  company: string;
  /** The key an export would take by default (its organization matches the company), preselected. */
  suggested: string | null;
  /** The passphrase just given did not open the keys. */
  wrongPassphrase: boolean;
  /** Any other failure of the last attempt, shown in the dialog so what was typed is kept. */
  error: ApiError | null;
}

export type ExportStep = { kind: 'exported'; output: ExportOutput } | { kind: 'seal'; prompt: SealPrompt } | { kind: 'failed'; error: ApiError };

type Client = Pick<ApiClient, 'send'>;

export function isWrongPassphrase(error: ApiError): boolean {
  return error.kind === 'unauthorized' && error.params?.reason === 'wrong_passphrase';
}

/** Refusals the seal dialog can settle; every other failure is only reported. */
export function needsSeal(error: ApiError): boolean {
  return error.kind === 'signing_key_required' || error.kind === 'signing_key_locked' || isWrongPassphrase(error);
}

export function exportInput(request: ExportRequest, answer: SealAnswer = {}): ExportInput {
  return {
    id: request.id,
    ...(request.language ? { language: request.language } : {}),
    ...(request.digitalSignature !== undefined ? { digitalSignature: request.digitalSignature } : {}),
    ...(answer.keyId ? { keyId: answer.keyId } : answer.organization ? { organization: answer.organization } : {}),
    ...(answer.passphrase ? { passphrase: answer.passphrase } : {}),
  };
}

/** The dialog for a version, from the host's keys and the key its company would take by default. */
export async function sealPrompt(
  client: Client,
  id: string,
  reason: SealPrompt['reason'],
  refusal: ApiError | null = null,
): Promise<{ ok: true; prompt: SealPrompt } | { ok: false; error: ApiError }> {
  const [keys, selected] = await Promise.all([client.send('signingKeys.list', {}), client.send('signingKeys.select', { agreementId: id })]);
  if (!keys.ok) return { ok: false, error: keys.error };
  if (!selected.ok) return { ok: false, error: selected.error };
  return {
    ok: true,
    prompt: {
      reason,
      keys: keys.value,
      company: selected.value.company,
      suggested: selected.value.keyId,
      wrongPassphrase: refusal !== null && isWrongPassphrase(refusal),
      error: null,
    },
  };
}

/**
 * One export attempt. A fully signed agreement is sealed by default with the key of its company; when the host
 * has none, or its keys are locked, the answer is a prompt for the seal dialog, which calls this again with the
 * user's choice (and the prompt it showed, so that any other failure stays in the dialog instead of closing it).
 */
export async function attemptExport(client: Client, request: ExportRequest, answer?: SealAnswer, shown?: SealPrompt | null): Promise<ExportStep> {
  const result = await client.send('document.export', exportInput(request, answer));
  if (result.ok) return { kind: 'exported', output: result.value };
  const inDialog = (error: ApiError): ExportStep => (shown ? { kind: 'seal', prompt: { ...shown, wrongPassphrase: false, error } } : { kind: 'failed', error });
  if (!needsSeal(result.error)) return inDialog(result.error);
  const reason = result.error.kind === 'signing_key_required' ? 'noMatch' : 'locked';
  const prompt = await sealPrompt(client, request.id, shown?.reason === 'choose' ? 'choose' : reason, result.error);
  return prompt.ok ? { kind: 'seal', prompt: prompt.prompt } : inDialog(prompt.error);
}
