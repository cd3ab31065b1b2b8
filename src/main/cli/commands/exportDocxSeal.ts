import { resolve } from 'node:path';
import { resolveDataDir } from '../../core/dataDir';
import { importPkcs12, type PackageSigner } from '../../core/packageSignature';
import { summarize } from '../../core/packageSignature/keys/identity';
import { createIdentityService } from '../../core/signingIdentity';
import { CliFailure, sanitize, type CliContext } from '../context';
import { readFileBounded } from '../files';
import type { ExportDocxCommandOptions } from './exportDocx';

export { digitallySign } from '../../core/document/digitalSignature';

/** Where the installation key's passphrase is read from when no other variable is named. */
export const DEFAULT_PASSPHRASE_ENV = 'SLA_WORKSHOP_KEY_PASSPHRASE';
const P12_LIMIT = 10 * 1024 * 1024;

function fromEnv(ctx: CliContext, name: string, what: 'password' | 'passphrase'): string {
  const value = ctx.env[name];
  if (value === undefined || value === '') {
    throw new CliFailure({ key: 'cli.exportDocx.missingEnv', params: { name: sanitize(name) }, nested: { what: { key: `cli.exportDocx.what.${what}` } } });
  }
  return value;
}

/** The certificate named on the command line, or the installation's key (created on first use). */
export function signerFor(ctx: CliContext, options: ExportDocxCommandOptions, company: string): PackageSigner & { subject: string; issuer: string; selfSigned: boolean } {
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
