import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { groupedThumbprint } from '../../../shared/document/verification';
import type { Language } from '../../../shared/model/schema';
import type { KeyRequest } from '../../core/document/service';
import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { readFileBounded, writeOutputFile } from '../files';
import { withCore } from '../withClient';
import { loadIntactSlaw } from './validate';

/** Where the installation key's passphrase is read from when no other variable is named. */
export const DEFAULT_PASSPHRASE_ENV = 'SLA_WORKSHOP_KEY_PASSPHRASE';
const P12_LIMIT = 10 * 1024 * 1024;

export interface ExportDocxCommandOptions {
  output: string;
  /** Language of the document; the agreement's own when not given. */
  language?: Language;
  force: boolean;
  /** Seal the package with an OOXML digital signature (implied by `p12`). */
  digitalSignature?: boolean;
  /** An organization certificate (.p12/.pfx) to sign with instead of the installation's key. */
  p12?: string;
  /** The environment variable holding the .p12 password. */
  passwordEnv?: string;
  /** Seals with this organization's key, created on first use (default: the agreement's company's). */
  organization?: string;
  /** The environment variable holding the installation key's passphrase (default SLA_WORKSHOP_KEY_PASSPHRASE). */
  passphraseEnv?: string;
  /** The data folder: its database records the export, and it holds the installation's key. */
  dataDir: string;
}

function fromEnv(ctx: CliContext, name: string, what: 'password' | 'passphrase'): string {
  const value = ctx.env[name];
  if (value === undefined || value === '') {
    throw new CliFailure({ key: 'cli.exportDocx.missingEnv', params: { name: sanitize(name) }, nested: { what: { key: `cli.exportDocx.what.${what}` } } });
  }
  return value;
}

/** The certificate named on the command line, or the organization's key (created on first use). */
function keyRequest(ctx: CliContext, options: ExportDocxCommandOptions, company: string): KeyRequest {
  if (options.p12) {
    const file = resolve(ctx.cwd, options.p12);
    const bytes = readFileBounded(file, P12_LIMIT, () => new CliFailure({ key: 'cli.exportDocx.p12TooLarge', params: { file: sanitize(options.p12 ?? '') } }));
    return { kind: 'p12', bytes, password: options.passwordEnv ? fromEnv(ctx, options.passwordEnv, 'password') : '' };
  }
  return {
    kind: 'installation',
    organization: options.organization ?? company,
    passphrase: fromEnv(ctx, options.passphraseEnv ?? DEFAULT_PASSPHRASE_ENV, 'passphrase'),
  };
}

/**
 * `export`: writes a .slaw file's agreement as a Word document, its signed data embedded for `verify`; with
 * `--digital-signature` (or `--p12`) the package is also sealed with an OOXML digital signature. The export
 * goes through the core's document service (key → build → seal → record in the data folder's database).
 */
export async function runExportDocx(ctx: CliContext, path: string, options: ExportDocxCommandOptions): Promise<number> {
  // A version edited after signing gets no document, and so never a seal (checked before the key is opened).
  const { agreement } = loadIntactSlaw(ctx, path).envelope;
  const language = options.language ?? agreement.meta.language;
  const file = resolve(ctx.cwd, options.output);
  // Refused before the key is opened or the export recorded; writeOutputFile still refuses atomically.
  if (!options.force && existsSync(file)) throw new CliFailure({ key: 'cli.errors.exists', params: { file } });
  const seal = options.digitalSignature === true || options.p12 !== undefined;
  const key = seal ? keyRequest(ctx, options, agreement.meta.company.trim() || agreement.meta.title) : null;
  const exported = await withCore(options.dataDir, async (core) => (await core.documents()).export({ agreement, lang: language, key }), ctx);
  writeOutputFile(file, exported.bytes, options.force);
  ctx.out(ctx.t('cli.exportDocx.written', { title: sanitize(agreement.meta.title), language: ctx.t(`common.language.${language}`), file }));
  const sealedBy = exported.sealedBy;
  if (sealedBy) {
    const kind = sealedBy.selfSigned ? ctx.t('cli.exportDocx.selfSigned') : ctx.t('cli.exportDocx.issued', { issuer: sanitize(sealedBy.issuer) });
    ctx.out(ctx.t('cli.exportDocx.sealed', { subject: sanitize(sealedBy.subject), kind }));
    ctx.out(ctx.t('verify.seal.thumbprint', { thumbprint: groupedThumbprint(sealedBy.thumbprint) }));
  }
  return EXIT.ok;
}
