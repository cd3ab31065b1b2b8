import type { VerifyProblem } from '../../../shared/document/verification';
import type { PackageSignatureReport } from '../packageSignature/report';

/**
 * The digital signature against what the export recorded about it (rules v2): a sealed export must still
 * carry a signature, by the same certificate (compared by SHA-256 thumbprint, so a new key under the same
 * name is caught); an unsealed one must carry none. `recorded` is undefined under rules v1, which recorded
 * nothing about the seal: only the signature's own validity counts there.
 */
export function sealProblems(recorded: { thumbprint: string } | null | undefined, report: PackageSignatureReport): VerifyProblem[] {
  const problems: VerifyProblem[] = report.status === 'invalid' ? [{ kind: 'seal_invalid' }] : [];
  if (recorded === undefined) return problems;
  const found = report.status === 'none' ? [] : report.signatures.map((s) => s.thumbprint);
  if (recorded === null) {
    if (report.status !== 'none') problems.push({ kind: 'seal_unexpected', found: found[0] ?? '' });
    return problems;
  }
  if (report.status === 'none') return [...problems, { kind: 'seal_missing' }];
  for (const thumbprint of found) {
    if (thumbprint !== recorded.thumbprint) problems.push({ kind: 'seal_certificate_changed', expected: recorded.thumbprint, found: thumbprint });
  }
  return problems;
}
