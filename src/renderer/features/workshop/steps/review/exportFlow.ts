import type { ApiClient } from '../../../../../shared/api/client';
import type { KeyStatus, OpInput, OpOutput } from '../../../../../shared/api/contract';
import type { ApiError } from '../../../../../shared/api/errors';

export type ExportInput = OpInput<'document.export'>;
export type ExportOutput = OpOutput<'document.export'>;
/** What the user asked for: which version, in which language, sealed or not (unset: the host decides). */
export type ExportRequest = Pick<ExportInput, 'id' | 'language' | 'digitalSignature'>;

/** What the signing-key dialog answers: an organization for a new key, a passphrase where there is no keychain. */
export interface KeyAnswer {
  organization?: string;
  passphrase?: string;
}

/** What the signing-key dialog asks for, worked out from the host's refusal and its key status. */
export interface KeyPrompt {
  /** `create`: no key on this computer yet, name the organization; `unlock`: the key exists and needs its passphrase. */
  mode: 'create' | 'unlock';
  /** A passphrase protects the key (no system keychain): asked twice when creating it, once to unlock it. */
  passphrase: boolean;
  identity: KeyStatus['identity'];
  /** The passphrase just given did not open the key. */
  wrongPassphrase: boolean;
  /** Any other failure of the last attempt, shown in the dialog so the answers typed so far are kept. */
  error: ApiError | null;
}

export type ExportStep = { kind: 'exported'; output: ExportOutput } | { kind: 'key'; prompt: KeyPrompt } | { kind: 'failed'; error: ApiError };

type Client = Pick<ApiClient, 'send'>;

export function isWrongPassphrase(error: ApiError): boolean {
  return error.kind === 'unauthorized' && error.params?.reason === 'wrong_passphrase';
}

/** Refusals the signing-key dialog can settle; every other failure is only reported. */
export function needsKey(error: ApiError): boolean {
  return error.kind === 'signing_key_required' || error.kind === 'signing_key_locked' || isWrongPassphrase(error);
}

export function exportInput(request: ExportRequest, answer: KeyAnswer = {}): ExportInput {
  return {
    id: request.id,
    ...(request.language ? { language: request.language } : {}),
    ...(request.digitalSignature !== undefined ? { digitalSignature: request.digitalSignature } : {}),
    ...(answer.organization ? { organization: answer.organization } : {}),
    ...(answer.passphrase ? { passphrase: answer.passphrase } : {}),
  };
}

/**
 * The dialog for a refusal, from the key status rather than from the refusal alone: whether an identity
 * exists decides create or unlock, the protection decides whether a passphrase is asked. Null when no answer
 * could help (a key that the system keychain holds but cannot open).
 */
export function keyPrompt(status: KeyStatus, refusal: ApiError): KeyPrompt | null {
  const passphrase = status.protection === 'passphrase';
  const mode = status.identity ? 'unlock' : 'create';
  if (mode === 'unlock' && !passphrase) return null;
  return { mode, passphrase, identity: status.identity, wrongPassphrase: isWrongPassphrase(refusal), error: null };
}

/**
 * One export attempt. A fully signed agreement is sealed by default, and the host refuses until it has a key
 * it can open: then the answer is a prompt for the dialog, which calls this again with what the user typed
 * (and the prompt it showed, so that any other failure stays in the dialog instead of closing it).
 */
export async function attemptExport(client: Client, request: ExportRequest, answer?: KeyAnswer, shown?: KeyPrompt | null): Promise<ExportStep> {
  const result = await client.send('document.export', exportInput(request, answer));
  if (result.ok) return { kind: 'exported', output: result.value };
  const inDialog = (error: ApiError): ExportStep => (shown ? { kind: 'key', prompt: { ...shown, wrongPassphrase: false, error } } : { kind: 'failed', error });
  if (!needsKey(result.error)) return inDialog(result.error);
  const status = await client.send('signingKey.status', {});
  if (!status.ok) return inDialog(status.error);
  const prompt = keyPrompt(status.value, result.error);
  return prompt ? { kind: 'key', prompt } : inDialog(result.error);
}
