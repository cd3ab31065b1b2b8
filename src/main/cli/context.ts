import type { TFunction } from 'i18next';
import type { ApiError } from '../../shared/api/errors';
import { createTranslator, describeError, pickLanguage, type TranslationKey } from '../../shared/i18n';
import { LANGUAGES, type Language } from '../../shared/model/schema';

/** Exit codes, documented in `sla-workshop --help`. */
export const EXIT = {
  ok: 0,
  /** `validate` only: the file is valid but the agreement is not complete yet. */
  incomplete: 1,
  /** Anything that went wrong: bad usage, unreadable or invalid file, missing agreement, storage. */
  error: 2,
} as const;

/** Where the CLI writes and what it knows about its environment; injected so it can run in-process too. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CliContext extends CliIo {
  /** Language of the tool's own messages. */
  lang: Language;
  /** True when the language was chosen with `--lang` rather than taken from the environment. */
  langExplicit: boolean;
  t: TFunction;
  /** One line on stdout. */
  out: (line?: string) => void;
}

export interface Message {
  key: TranslationKey;
  params?: Record<string, string | number>;
  /** Parameters that are messages themselves, translated first (e.g. the reason a file could not be read). */
  nested?: Record<string, { key: TranslationKey; params?: Record<string, string | number> }>;
}

/** A message for the user, translated when it is printed. */
export type FailureMessage = Message | { apiError: ApiError };

/** A failure the user should see as one translated line on stderr, then exit with `code`. */
export class CliFailure extends Error {
  constructor(
    readonly failure: FailureMessage,
    readonly exitCode: number = EXIT.error,
  ) {
    super('key' in failure ? failure.key : failure.apiError.message);
    this.name = 'CliFailure';
  }
}

export function renderFailure(t: TFunction, failure: FailureMessage): string {
  if (!('key' in failure)) {
    // Parameters can come from a file (a title, a signer's name): made safe for the terminal like any other.
    const params =
      failure.apiError.params && Object.fromEntries(Object.entries(failure.apiError.params).map(([k, v]) => [k, typeof v === 'string' ? sanitize(v) : v]));
    return describeError(t, { ...failure.apiError, ...(params ? { params } : {}) });
  }
  const nested = Object.fromEntries(Object.entries(failure.nested ?? {}).map(([name, m]) => [name, t(m.key, m.params ?? {})]));
  return t(failure.key, { ...failure.params, ...nested });
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** POSIX order: LC_ALL wins, then LC_MESSAGES, then LANG. Empty variables count as unset. */
export function languageFromEnv(env: NodeJS.ProcessEnv): Language {
  return pickLanguage(env.LC_ALL || env.LC_MESSAGES || env.LANG || null);
}

/** Parses a `--lang` value, accepting `ES`, `es_ES`, `en-GB`… but refusing anything that is neither. */
export function parseLanguage(value: string): Language {
  const base = value.trim().toLowerCase().split(/[-_.]/)[0];
  if (isLanguage(base)) return base;
  throw new CliFailure({ key: 'cli.errors.badLanguage', params: { value: sanitize(value).slice(0, 40) } });
}

export function createContext(io: CliIo, lang: Language, langExplicit: boolean): CliContext {
  return { ...io, lang, langExplicit, t: createTranslator(lang), out: (line = '') => io.stdout(`${line}\n`) };
}

/**
 * Text that came from a file or the database, made safe for a terminal: control characters (escape
 * sequences, carriage returns, bidi overrides) become spaces, so a hostile title cannot rewrite the screen.
 */
export function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ');
}
