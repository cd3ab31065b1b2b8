import { resolve } from 'node:path';
import { createExample } from '../../../shared/model/example';
import type { Language } from '../../../shared/model/schema';
import { serializeSlaw } from '../../../shared/slaw/format';
import { APP_VERSION } from '../../core/appVersion';
import { EXIT, type CliContext } from '../context';
import { writeOutputFile } from '../files';

export interface ExampleOptions {
  /** Language of the agreement's content; the tool's language when not given. */
  language?: Language;
  output: string;
  force: boolean;
}

/** `example`: writes the methodology's complete example agreement as a `.slaw` file. */
export function runExample(ctx: CliContext, options: ExampleOptions): number {
  const language = options.language ?? ctx.lang;
  const file = resolve(ctx.cwd, options.output);
  writeOutputFile(file, serializeSlaw(createExample(language), APP_VERSION), options.force);
  ctx.out(ctx.t('cli.example.written', { language: ctx.t(`common.language.${language}`), file }));
  return EXIT.ok;
}
