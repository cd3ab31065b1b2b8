import { resolve } from 'node:path';
import type { Language } from '../../../shared/model/schema';
import { APP_VERSION } from '../../core/appVersion';
import { exportDocx } from '../../core/document/exportDocx';
import { EXIT, sanitize, type CliContext } from '../context';
import { writeOutputFile } from '../files';
import { loadIntactSlaw } from './validate';

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

/**
 * `export`: writes a .slaw file's agreement as a Word document, its signed data embedded for `verify`; with
 * `--digital-signature` (or `--p12`) the package is also sealed with an OOXML digital signature.
 */
export async function runExportDocx(ctx: CliContext, path: string, options: ExportDocxCommandOptions): Promise<number> {
  // A version edited after signing gets no document, and so never a seal (checked before the key is opened).
  const { agreement } = loadIntactSlaw(ctx, path).envelope;
  const language = options.language ?? agreement.meta.language;
  const seal = options.digitalSignature === true || options.p12 !== undefined;
  // The signing code (node-forge, xml-crypto) loads only for a sealed export. The key is opened before
  // anything is written: a wrong passphrase leaves no half-done file behind.
  const sealing = seal ? await import('./exportDocxSeal') : null;
  const signer = sealing ? sealing.signerFor(ctx, options, agreement.meta.company.trim() || agreement.meta.title) : null;
  const exported = await exportDocx(agreement, { lang: language, appVersion: APP_VERSION });
  const bytes = sealing && signer ? await sealing.digitallySign(exported.bytes, agreement, language, signer) : exported.bytes;
  const file = resolve(ctx.cwd, options.output);
  writeOutputFile(file, bytes, options.force);
  ctx.out(ctx.t('cli.exportDocx.written', { title: sanitize(agreement.meta.title), language: ctx.t(`common.language.${language}`), file }));
  if (signer) {
    const kind = signer.selfSigned ? ctx.t('cli.exportDocx.selfSigned') : ctx.t('cli.exportDocx.issued', { issuer: sanitize(signer.issuer) });
    ctx.out(ctx.t('cli.exportDocx.sealed', { subject: sanitize(signer.subject), kind }));
  }
  return EXIT.ok;
}
