import type { TFunction } from 'i18next';
import type { ApiError } from '../../../../../shared/api/errors';
import type { KeyAnswer, KeyPrompt } from './exportFlow';

/** X.520's upper bound for an organization name, which the host enforces too (`bad_organization`). */
export const ORGANIZATION_MAX = 64;
/** A new passphrase guards a key that signs in the organization's name: short ones are refused here. */
export const NEW_PASSPHRASE_MIN = 8;
export const PASSPHRASE_MAX = 1000;

export type FieldProblem = { key: 'required' } | { key: 'tooLong'; max: number } | { key: 'tooShort'; min: number } | { key: 'mismatch' } | { key: 'control' };

export function problemMessage(t: TFunction, problem: FieldProblem): string {
  const { key, ...params } = problem;
  return t(`steps.review.signingKey.problem.${key}`, params);
}

export interface KeyFormValues {
  organization: string;
  passphrase: string;
  confirm: string;
}
export type KeyFormProblems = Partial<Record<keyof KeyFormValues, FieldProblem>>;

/** The organization as the certificate will carry it: NFC, trimmed, inner runs of spaces collapsed (as the host does). */
export function cleanOrganization(input: string): string {
  return input.normalize('NFC').trim().replace(/\s+/g, ' ');
}

function organizationProblem(input: string): FieldProblem | undefined {
  const name = cleanOrganization(input);
  if (!name) return { key: 'required' };
  if (name.length > ORGANIZATION_MAX) return { key: 'tooLong', max: ORGANIZATION_MAX };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { key: 'control' };
  return undefined;
}

/** A passphrase chosen now (and typed twice), as opposed to one that opens an existing key. */
export function newPassphraseProblems(passphrase: string, confirm: string): Pick<KeyFormProblems, 'passphrase' | 'confirm'> {
  const problems: Pick<KeyFormProblems, 'passphrase' | 'confirm'> = {};
  if (!passphrase) problems.passphrase = { key: 'required' };
  else if (passphrase.length < NEW_PASSPHRASE_MIN) problems.passphrase = { key: 'tooShort', min: NEW_PASSPHRASE_MIN };
  if (!confirm) problems.confirm = { key: 'required' };
  else if (confirm !== passphrase) problems.confirm = { key: 'mismatch' };
  return problems;
}

/** What stops the signing-key dialog from being sent, field by field (empty when it can be sent). */
export function checkKeyForm(prompt: Pick<KeyPrompt, 'mode' | 'passphrase'>, values: KeyFormValues): KeyFormProblems {
  if (prompt.mode === 'unlock') return values.passphrase ? {} : { passphrase: { key: 'required' } };
  const organization = organizationProblem(values.organization);
  return { ...(organization ? { organization } : {}), ...(prompt.passphrase ? newPassphraseProblems(values.passphrase, values.confirm) : {}) };
}

/** The answer the host needs: the organization only for a new key, the passphrase only where one protects it. */
export function keyAnswer(prompt: Pick<KeyPrompt, 'mode' | 'passphrase'>, values: KeyFormValues): KeyAnswer {
  return {
    ...(prompt.mode === 'create' ? { organization: cleanOrganization(values.organization) } : {}),
    ...(prompt.passphrase ? { passphrase: values.passphrase } : {}),
  };
}

/** The first field with a problem, in the order the form shows them, to put the cursor there. */
export function firstProblem<K extends string>(order: readonly K[], problems: Partial<Record<K, unknown>>): K | null {
  return order.find((field) => problems[field] !== undefined) ?? null;
}

export interface ImportFormValues {
  file: { size: number } | null;
  password: string;
  passphrase: string;
  confirm: string;
}
export type ImportFormProblems = Partial<Record<keyof ImportFormValues, FieldProblem>>;

/**
 * The .p12/.pfx file travels as base64, which the contract caps at 10,000,000 characters: 7.5 MB of file.
 * Real certificate files weigh a few kilobytes.
 */
export const MAX_CERTIFICATE_BYTES = 7_500_000;

/** The password of the file may be empty (some exports have none); the passphrase is new, so typed twice. */
export function checkImportForm(values: ImportFormValues, needsPassphrase: boolean): ImportFormProblems {
  const file: FieldProblem | undefined = !values.file ? { key: 'required' } : values.file.size > MAX_CERTIFICATE_BYTES ? { key: 'tooLong', max: MAX_CERTIFICATE_BYTES } : undefined;
  return { ...(file ? { file } : {}), ...(needsPassphrase ? newPassphraseProblems(values.passphrase, values.confirm) : {}) };
}

/** Which field a refused import belongs under: a wrong password under the password, what is wrong with the file under the file. */
export function importProblemField(error: ApiError): 'file' | 'password' | 'form' {
  const reason = error.params?.reason;
  if (reason === 'p12_wrong_password') return 'password';
  const aboutFile = ['p12_unreadable', 'p12_no_key', 'p12_no_certificate', 'certificate_expired', 'certificate_not_yet_valid', 'unsupported_key', 'bad_certificate', 'key_certificate_mismatch'];
  if (typeof reason === 'string' && aboutFile.includes(reason)) return 'file';
  if (error.kind === 'too_large') return 'file';
  return 'form';
}
