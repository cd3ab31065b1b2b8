import { resolve } from 'node:path';
import { shortFingerprint } from '../../../shared/signing/signers';
import { verifyDocx, VERIFY_LIMITS, type VerifyProblem } from '../../core/document';
import { verifyPackageSignature } from '../../core/packageSignature';
import { CliFailure, EXIT, sanitize, type CliContext, type Message } from '../context';
import { readFileBounded } from '../files';

/** Exit 1 means "checked, and it is not right", as for `validate`; 2 stays for files that cannot be read at all. */
export const EXIT_DIFFERS = EXIT.incomplete;

function problemMessage(problem: VerifyProblem): Message {
  switch (problem.kind) {
    case 'fingerprint_mismatch':
      return problem.where === 'record' ? { key: 'cli.verify.problem.fingerprintRecord' } : { key: 'cli.verify.problem.fingerprintSignature', params: { name: sanitize(problem.name ?? '') } };
    case 'document_modified':
      return { key: 'cli.verify.problem.documentModified', params: { part: sanitize(problem.part) } };
    case 'data_changed':
      return { key: 'cli.verify.problem.dataChanged' };
    case 'not_signed':
      return { key: 'cli.verify.problem.notSigned' };
    case 'signature_missing':
      return { key: 'cli.verify.problem.signatureMissing', params: { name: sanitize(problem.name) } };
    case 'signature_unknown':
      return { key: 'cli.verify.problem.signatureUnknown', params: { name: sanitize(problem.name) } };
    case 'signature_image_missing':
      return { key: 'cli.verify.problem.imageMissing', params: { name: sanitize(problem.name) } };
    case 'signature_image_changed':
      return { key: 'cli.verify.problem.imageChanged', params: { name: sanitize(problem.name) } };
  }
}

/**
 * The package's OOXML digital signature, when it has one: every reference digest and the signature value.
 * Prints one line (and one per problem); false when a signature is present and not valid.
 */
async function reportPackageSignature(ctx: CliContext, bytes: Uint8Array): Promise<boolean> {
  const { t } = ctx;
  const seal = await verifyPackageSignature(bytes);
  if (seal.status === 'none') {
    ctx.out(t('cli.verify.package.none'));
    return true;
  }
  const subject = sanitize(seal.subject);
  if (seal.status === 'valid') {
    const kind = seal.selfSigned ? t('cli.verify.package.selfSigned') : t('cli.verify.package.issued', { issuer: sanitize(seal.issuer) });
    ctx.out(t('cli.verify.package.valid', { subject, kind, time: sanitize(seal.signingTime ?? '?'), count: seal.references.length }));
    return true;
  }
  ctx.out(t('cli.verify.package.invalid', { subject }));
  for (const problem of seal.signatures.flatMap((s) => s.problems)) {
    ctx.out(`  - ${t(`cli.verify.package.problem.${problem.code}`, { detail: sanitize(problem.detail ?? '') })}`);
  }
  return false;
}

/**
 * `verify`: checks a .docx against the data embedded in it, and its digital signature when it has one. Exit 0
 * when both hold; exit 1 and one line per difference when not; exit 2 when the file cannot be read as our document.
 */
export async function runVerify(ctx: CliContext, path: string): Promise<number> {
  const file = resolve(ctx.cwd, path);
  const shown = sanitize(path);
  const bytes = readFileBounded(file, VERIFY_LIMITS.fileBytes, () => new CliFailure({ key: 'cli.verify.unreadable.too_large', params: { file: shown } }));
  const report = await verifyDocx(bytes);
  if (report.status === 'unreadable') throw new CliFailure({ key: `cli.verify.unreadable.${report.reason}`, params: { file: shown } });
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
    return (await reportPackageSignature(ctx, bytes)) ? EXIT.ok : EXIT_DIFFERS;
  }
  ctx.out(t('cli.verify.mismatch', { file: shown, count: report.problems.length }));
  for (const problem of report.problems) {
    const m = problemMessage(problem);
    ctx.out(`  - ${t(m.key, m.params ?? {})}`);
  }
  await reportPackageSignature(ctx, bytes);
  return EXIT_DIFFERS;
}
