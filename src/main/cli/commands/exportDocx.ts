import { resolve } from 'node:path';
import type { Language } from '../../../shared/model/schema';
import { APP_VERSION } from '../../core/appVersion';
import { resolveDataDir } from '../../core/dataDir';
import { digitallySign, exportDocx } from '../../core/document';
import { importPkcs12, type PackageSigner } from '../../core/packageSignature';
import { summarize } from '../../core/packageSignature/keys/identity';
import { createIdentityService } from '../../core/signingIdentity';
import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { readFileBounded, writeOutputFile } from '../files';
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
  /** Names the installation certificate when it is created (default: the agreement's company). */
  organization?: string;
  /** The environment variable holding the installation key's passphrase (default SLA_WORKSHOP_KEY_PASSPHRASE). */
  passphraseEnv?: string;
  dataDir?: string;
}

function fromEnv(ctx: CliContext, name: string, what: 'password' | 'passphrase'): string {
  const value = ctx.env[name];
  if (value === undefined || value === '') {
    throw new CliFailure({ key: 'cli.exportDocx.missingEnv', params: { name: sanitize(name) }, nested: { what: { key: `cli.exportDocx.what.${what}` } } });
  }
  return value;
}

/** The certificate named on the command line, or the installation's key (created on first use). */
function signerFor(ctx: CliContext, options: ExportDocxCommandOptions, company: string): PackageSigner & { subject: string; issuer: string; selfSigned: boolean } {
  if (options.p12) {
    const file = resolve(ctx.cwd, options.p12);
    const bytes = readFileBounded(file, P12_LIMIT, () => new CliFailure({ key: 'cli.exportDocx.p12TooLarge', params: { file: sanitize(options.p12 ?? '') } }));
    const password = options.passwordEnv ? fromEnv(ctx, options.passwordEnv, 'password') : '';
    const identity = importPkcs12(bytes, password);
    const { subject, issuer, selfSigned } = summarize(identity, 'imported');
    return { ...identity, subject, issuer, selfSigned };
  }
  const passphrase = fromEnv(ctx, options.passphraseEnv ?? DEFAULT_PASSPHRASE_ENV, 'passphrase');
  const identities = createIdentityService(resolveDataDir(options.dataDir, ctx.env));
  const identity = identities.unlock({ organization: options.organization ?? company, passphrase });
  return { ...identity, subject: identity.summary.subject, issuer: identity.summary.issuer, selfSigned: identity.summary.selfSigned };
}

/**
 * `export`: writes a .slaw file's agreement as a Word document, its signed data embedded for `verify`; with
 * `--digital-signature` (or `--p12`) the package is also sealed with an OOXML digital signature.
 */
export async function runExportDocx(ctx: CliContext, path: string, options: ExportDocxCommandOptions): Promise<number> {
  // A version edited after signing gets no document, and so never a seal (checked before the key is opened).
  const { agreement } = loadIntactSlaw(ctx, path).envelope;
  const language = options.language ?? agreement.meta.language;
  const seal = options.digitalSignature === true || options.p12 !== undefined;
  // The key is opened before anything is written: a wrong passphrase leaves no half-done file behind.
  const signer = seal ? signerFor(ctx, options, agreement.meta.company.trim() || agreement.meta.title) : null;
  const exported = await exportDocx(agreement, { lang: language, appVersion: APP_VERSION });
  const bytes = signer ? await digitallySign(exported.bytes, agreement, language, signer) : exported.bytes;
  const file = resolve(ctx.cwd, options.output);
  writeOutputFile(file, bytes, options.force);
  ctx.out(ctx.t('cli.exportDocx.written', { title: sanitize(agreement.meta.title), language: ctx.t(`common.language.${language}`), file }));
  if (signer) {
    const kind = signer.selfSigned ? ctx.t('cli.exportDocx.selfSigned') : ctx.t('cli.exportDocx.issued', { issuer: sanitize(signer.issuer) });
    ctx.out(ctx.t('cli.exportDocx.sealed', { subject: sanitize(signer.subject), kind }));
  }
  return EXIT.ok;
}
