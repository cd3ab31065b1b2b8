import { resolve } from 'node:path';
import { toApiError } from '../../../shared/api/errors';
import { createTranslator } from '../../../shared/i18n';
import { checkCompleteness } from '../../../shared/model/completeness';
import type { Agreement } from '../../../shared/model/schema';
import { parseSlaw, type SlawEnvelope } from '../../../shared/slaw/format';
import { assertFileSignaturesIntact, signatureProblem } from '../../core/signing/integrity';
import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { readSlawFile } from '../files';

const safeParams = (params: Record<string, string | number> | undefined) =>
  Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'string' ? sanitize(v) : v]));

/** Reads and strictly parses a `.slaw` file; every problem becomes a one-line translated failure. */
export function loadSlaw(ctx: CliContext, path: string): { text: string; envelope: SlawEnvelope } {
  const text = readSlawFile(resolve(ctx.cwd, path));
  try {
    return { text, envelope: parseSlaw(text) };
  } catch (error) {
    throw new CliFailure({ apiError: toApiError(error) });
  }
}

/**
 * A `.slaw` file that is also still what was signed (core/signing/integrity.ts): `import` and `export` never
 * store or write a version edited after signing, or one whose drawn signatures are not real PNG images.
 */
export function loadIntactSlaw(ctx: CliContext, path: string): { text: string; envelope: SlawEnvelope } {
  const loaded = loadSlaw(ctx, path);
  assertIntact(loaded.envelope.agreement);
  return loaded;
}

function assertIntact(agreement: Agreement): void {
  try {
    assertFileSignaturesIntact(agreement);
  } catch (error) {
    throw new CliFailure({ apiError: toApiError(error) });
  }
}

/**
 * `validate`: checks the file, then reports what is still missing step by step, in the agreement's own
 * language (or the one chosen with --lang). Exit 0 when complete, 1 when valid but incomplete or when a
 * signed version was edited after signing (named, after the header), 2 when a drawn signature is no PNG.
 */
export function runValidate(ctx: CliContext, path: string): number {
  const { agreement } = loadSlaw(ctx, path).envelope;
  const lang = ctx.langExplicit ? ctx.lang : agreement.meta.language;
  const t = lang === ctx.lang ? ctx.t : createTranslator(lang);
  const tampered = signatureProblem(agreement);
  // Intact signatures must still be real images: an unreadable one is an invalid file (exit 2).
  if (!tampered) assertIntact(agreement);
  const result = checkCompleteness(agreement);

  ctx.out(
    t('cli.validate.header', {
      title: sanitize(agreement.meta.title),
      company: sanitize(agreement.meta.company),
      language: t(`common.language.${agreement.meta.language}`),
    }),
  );
  if (tampered) {
    ctx.out(t('cli.validate.tampered', { version: agreement.meta.version, problem: t(`cli.validate.problem.${tampered}`) }));
    return EXIT.incomplete;
  }
  for (const step of result.steps) {
    const name = t(`common.steps.${step.step}`);
    ctx.out(step.complete ? `✓ ${name}: ${t('cli.validate.stepComplete')}` : `✗ ${name}: ${t('cli.validate.stepMissing', { count: step.missing.length })}`);
    for (const item of step.missing) ctx.out(`    - ${t(item.key, safeParams(item.params))}`);
  }
  const total = result.steps.length;
  const done = result.steps.filter((s) => s.complete).length;
  ctx.out(result.complete ? t('cli.validate.complete', { total }) : t('cli.validate.incomplete', { done, total, count: result.missingCount }));
  return result.complete ? EXIT.ok : EXIT.incomplete;
}
