import type { TFunction } from 'i18next';
import type { ApiError } from '../../../shared/api/errors';
import type { SigningKeysDto } from '../../../shared/api/keysAndSettings';

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

/**
 * What a form must ask to protect or open keys: nothing (system keychain, or already open for this session),
 * the passphrase already protecting the keys here (once per session), or a new one, typed twice.
 */
export type PassphraseNeed = 'none' | 'current' | 'new';

export function passphraseNeed(keys: Pick<SigningKeysDto, 'protection' | 'unlocked' | 'passphraseSet'>): PassphraseNeed {
  if (keys.protection !== 'passphrase' || keys.unlocked) return 'none';
  return keys.passphraseSet ? 'current' : 'new';
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

export function organizationProblem(input: string): FieldProblem | undefined {
  const name = cleanOrganization(input);
  if (!name) return { key: 'required' };
  if (name.length > ORGANIZATION_MAX) return { key: 'tooLong', max: ORGANIZATION_MAX };
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name)) return { key: 'control' };
  return undefined;
}

/** The passphrase fields: a current one is whatever it was (no length rule, no confirmation); a new one is typed twice. */
export function passphraseProblems(need: PassphraseNeed, passphrase: string, confirm: string): Pick<KeyFormProblems, 'passphrase' | 'confirm'> {
  if (need === 'none') return {};
  if (need === 'current') return passphrase ? {} : { passphrase: { key: 'required' } };
  const problems: Pick<KeyFormProblems, 'passphrase' | 'confirm'> = {};
  if (!passphrase) problems.passphrase = { key: 'required' };
  else if (passphrase.length < NEW_PASSPHRASE_MIN) problems.passphrase = { key: 'tooShort', min: NEW_PASSPHRASE_MIN };
  if (!confirm) problems.confirm = { key: 'required' };
  else if (confirm !== passphrase) problems.confirm = { key: 'mismatch' };
  return problems;
}

/** What stops a new key from being created, field by field (empty when it can be sent). */
export function checkCreateForm(need: PassphraseNeed, values: KeyFormValues): KeyFormProblems {
  const organization = organizationProblem(values.organization);
  return { ...(organization ? { organization } : {}), ...passphraseProblems(need, values.passphrase, values.confirm) };
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

/** The password of the file may be empty (some exports have none); a passphrase is asked as `need` says. */
export function checkImportForm(values: ImportFormValues, need: PassphraseNeed): ImportFormProblems {
  const file: FieldProblem | undefined = !values.file
    ? { key: 'required' }
    : values.file.size > MAX_CERTIFICATE_BYTES
      ? { key: 'tooLong', max: MAX_CERTIFICATE_BYTES }
      : undefined;
  return { ...(file ? { file } : {}), ...passphraseProblems(need, values.passphrase, values.confirm) };
}

/** Which field a refused import belongs under: a wrong password under the password, what is wrong with the file under the file. */
export function importProblemField(error: ApiError): 'file' | 'password' | 'passphrase' | 'form' {
  const reason = error.params?.reason;
  if (reason === 'p12_wrong_password') return 'password';
  if (reason === 'wrong_passphrase' || reason === 'passphrase_too_short') return 'passphrase';
  const aboutFile = [
    'p12_unreadable',
    'p12_no_key',
    'p12_no_certificate',
    'certificate_expired',
    'certificate_not_yet_valid',
    'unsupported_key',
    'bad_certificate',
    'key_certificate_mismatch',
  ];
  if (typeof reason === 'string' && aboutFile.includes(reason)) return 'file';
  if (error.kind === 'too_large') return 'file';
  return 'form';
}
