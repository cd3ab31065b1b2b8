import { resolve } from 'node:path';
import { groupedThumbprint, verifyProblemMessage, type ExportAnchor, type SealSummary, type VerifiedDocument } from '../../../shared/document/verification';
import { shortFingerprint } from '../../../shared/signing/signers';
import { verifyDocx, VERIFY_LIMITS } from '../../core/document/verify';
import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { readFileBounded } from '../files';
import { withCore } from '../withClient';
import { sealProblemMessage } from '../../../shared/i18n';

/** Exit 1 means "checked, and it is not right", as for `validate`; 2 stays for files that cannot be read at all. */
export const EXIT_DIFFERS = EXIT.incomplete;

export interface VerifyCommandOptions {
  /** A data folder to ask whether it exported this file (the trust anchor outside the file). */
  dataDir?: string;
}

/** The package's digital signature: one line, its certificate's thumbprint, and one line per problem. */
function printSeal(ctx: CliContext, seal: SealSummary): void {
  const { t } = ctx;
  if (seal.status === 'none') {
    ctx.out(t('verify.seal.none'));
    return;
  }
  const subject = seal.subject ? sanitize(seal.subject) : t('verify.seal.unknownSubject');
  if (seal.status === 'valid') {
    const kind = seal.selfSigned ? t('verify.seal.selfSigned') : t('verify.seal.issued', { issuer: sanitize(seal.issuer) });
    ctx.out(`✓ ${t('verify.seal.valid', { subject, kind, time: sanitize(seal.signingTime ?? '?'), count: seal.references })}`);
  } else {
    ctx.out(`✗ ${t('verify.seal.invalid', { subject })}`);
    for (const problem of seal.problems) ctx.out(`  - ${sealProblemMessage(t, sanitize(problem.code), sanitize(problem.detail ?? ''))}`);
  }
  if (seal.thumbprint) ctx.out(`  ${t('verify.seal.thumbprint', { thumbprint: groupedThumbprint(seal.thumbprint) })}`);
}

/** What the data folder says about the file; true when it vouches for it. */
function printAnchor(ctx: CliContext, anchor: ExportAnchor): boolean {
  const { t } = ctx;
  if (anchor.kind === 'exported') {
    ctx.out(`✓ ${t('verify.anchor.exported', { date: sanitize(anchor.exportedAt), version: anchor.version })}`);
    return true;
  }
  const { stored } = anchor;
  const same = stored !== null && stored.fingerprintEqual && stored.signaturesEqual;
  ctx.out(`${same ? '✓' : '✗'} ${t('verify.anchor.notExported')}`);
  if (!stored) {
    ctx.out(`  ${t('verify.anchor.noStored')}`);
    return false;
  }
  const fingerprint = t(stored.fingerprintEqual ? 'verify.anchor.fingerprintEqual' : 'verify.anchor.fingerprintDifferent');
  const signatures = t(stored.signaturesEqual ? 'verify.anchor.signaturesEqual' : 'verify.anchor.signaturesDifferent');
  ctx.out(`  ${t('verify.anchor.stored', { title: sanitize(stored.title), version: stored.version, fingerprint, signatures })}`);
  if (stored.exports > 0) ctx.out(`  ${t('verify.anchor.otherExports', { count: stored.exports })}`);
  return same;
}

function printReport(ctx: CliContext, shown: string, report: VerifiedDocument): void {
  const { t } = ctx;
  if (report.status === 'match') {
    ctx.out(
      t('cli.verify.match', {
        file: shown,
        title: sanitize(report.title),
        version: report.version,
        fingerprint: shortFingerprint(report.fingerprint),
        count: report.signatures.length,
      }),
    );
  } else {
    ctx.out(t('cli.verify.mismatch', { file: shown, count: report.problems.length }));
    for (const problem of report.problems) {
      const { key, params } = verifyProblemMessage(problem);
      ctx.out(`  - ${t(key, { replace: Object.fromEntries(Object.entries(params).map(([name, value]) => [name, sanitize(value)])) })}`);
    }
  }
  if (report.rules === 1) ctx.out(t('verify.rules.v1'));
}

/**
 * `verify`: checks a .docx against the data embedded in it (under the rules it was exported with) and its
 * digital signature; with `--data-dir`, also against that data folder's record of its exports. Exit 0 when all
 * hold; exit 1 and one line per difference when not; exit 2 when the file cannot be read as our document.
 */
export async function runVerify(ctx: CliContext, path: string, options: VerifyCommandOptions = {}): Promise<number> {
  const file = resolve(ctx.cwd, path);
  const shown = sanitize(path);
  const bytes = readFileBounded(file, VERIFY_LIMITS.fileBytes, () => new CliFailure({ key: 'verify.unreadable.too_large', params: { file: shown } }));
  const { dataDir } = options;
  const report = dataDir ? await withCore(dataDir, async (core) => (await core.documents()).verify(bytes), ctx) : await verifyDocx(bytes);
  if (report.status === 'unreadable') throw new CliFailure({ key: `verify.unreadable.${report.reason}`, params: { file: shown } });
  printReport(ctx, shown, report);
  printSeal(ctx, report.seal);
  const vouched = report.anchor ? printAnchor(ctx, report.anchor) : true;
  return report.status === 'match' && vouched ? EXIT.ok : EXIT_DIFFERS;
}
