import { CliFailure, EXIT, sanitize, type CliContext } from '../context';
import { withClient } from '../withClient';
import { loadIntactSlaw } from './validate';

export interface ImportOptions {
  dataDir: string;
  json: boolean;
}

/**
 * `import`: adds a `.slaw` file to the data folder through the core (`slaw.import`) and says which identity
 * rule applied (docs/FORMAT.md). The file is checked first, so a bad or tampered file never even creates the
 * data folder.
 */
export async function runImport(ctx: CliContext, path: string, options: ImportOptions): Promise<number> {
  const { text: content } = loadIntactSlaw(ctx, path);
  const imported = await withClient(options.dataDir, async (client) => {
    const result = await client.send('slaw.import', { content });
    if (!result.ok) throw new CliFailure({ apiError: result.error });
    return result.value;
  });
  if (options.json) {
    ctx.out(JSON.stringify(imported, null, 2));
    return EXIT.ok;
  }
  const { summary, outcome, signaturesAdded, restoredFromTrash } = imported;
  ctx.out(ctx.t(`cli.import.outcome.${outcome}`, { id: summary.id, title: sanitize(summary.title), version: summary.version, count: signaturesAdded }));
  if (restoredFromTrash) ctx.out(ctx.t('cli.import.restored'));
  return EXIT.ok;
}
