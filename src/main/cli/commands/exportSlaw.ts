import { resolve } from 'node:path';
import { toApiError } from '../../../shared/api/errors';
import { parseSlaw } from '../../../shared/slaw/format';
import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { writeOutputFile } from '../files';
import { withClient } from '../withClient';

export interface ExportSlawOptions {
  dataDir: string;
  output: string;
  force: boolean;
}

/** `export-slaw`: writes one stored agreement as a `.slaw` file (`slaw.export`). */
export async function runExportSlaw(ctx: CliContext, id: string, options: ExportSlawOptions): Promise<number> {
  const exported = await withClient(options.dataDir, async (client) => {
    const result = await client.send('slaw.export', { id });
    if (result.ok) return result.value;
    if (result.error.kind === 'not_found')
      throw new CliFailure({ key: 'cli.errors.notFound', params: { id: sanitize(id).slice(0, 80), dir: options.dataDir } });
    throw new CliFailure({ apiError: result.error });
  });
  let title: string;
  try {
    title = parseSlaw(exported.content).agreement.meta.title;
  } catch (error) {
    throw new CliFailure({ apiError: toApiError(error) });
  }
  const file = resolve(ctx.cwd, options.output);
  writeOutputFile(file, exported.content, options.force);
  ctx.out(ctx.t('cli.export.written', { title: sanitize(title), file }));
  return EXIT.ok;
}
