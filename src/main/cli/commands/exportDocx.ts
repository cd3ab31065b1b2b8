import { resolve } from 'node:path';
import type { Language } from '../../../shared/model/schema';
import { APP_VERSION } from '../../core/appVersion';
import { exportDocx } from '../../core/document';
import { EXIT, sanitize, type CliContext } from '../context';
import { writeOutputFile } from '../files';
import { loadSlaw } from './validate';

export interface ExportDocxCommandOptions {
  output: string;
  /** Language of the document; the agreement's own when not given. */
  language?: Language;
  force: boolean;
}

/** `export`: writes a .slaw file's agreement as a Word document, its signed data embedded for `verify`. */
export async function runExportDocx(ctx: CliContext, path: string, options: ExportDocxCommandOptions): Promise<number> {
  const { agreement } = loadSlaw(ctx, path).envelope;
  const language = options.language ?? agreement.meta.language;
  const { bytes } = await exportDocx(agreement, { lang: language, appVersion: APP_VERSION });
  const file = resolve(ctx.cwd, options.output);
  writeOutputFile(file, bytes, options.force);
  ctx.out(ctx.t('cli.exportDocx.written', { title: sanitize(agreement.meta.title), language: ctx.t(`common.language.${language}`), file }));
  return EXIT.ok;
}
