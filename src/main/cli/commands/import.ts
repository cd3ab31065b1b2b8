import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { withClient } from '../withClient';
import { loadSlaw } from './validate';

export interface ImportOptions {
  dataDir: string;
  json: boolean;
}

/**
 * `import`: adds a `.slaw` file to the data folder through the core (`slaw.import`). The file is checked
 * first, so a bad file never even creates the data folder.
 */
export async function runImport(ctx: CliContext, path: string, options: ImportOptions): Promise<number> {
  const { text: content } = loadSlaw(ctx, path);
  const summary = await withClient(options.dataDir, async (client) => {
    const result = await client.send('slaw.import', { content });
    if (!result.ok) throw new CliFailure({ apiError: result.error });
    return result.value;
  });
  ctx.out(options.json ? JSON.stringify(summary, null, 2) : ctx.t('cli.import.done', { id: summary.id, title: sanitize(summary.title) }));
  return EXIT.ok;
}
