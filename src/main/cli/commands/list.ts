import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AgreementSummary } from '../../../shared/api/contract';
import { statusLabel } from '../../../shared/signing/displayStatus';
import { checkDataDir, DATABASE_FILE } from '../../core/dataDir';
import { CliFailure, EXIT, type CliContext } from '../context';
import { formatDateTime, renderTable, truncate } from '../table';
import { withClient } from '../withClient';
import type { KeysUnder } from '../../../shared/i18n';

export interface ListOptions {
  dataDir: string;
  trash: boolean;
  json: boolean;
}

/** `list`: the agreements (or the trash) of a data folder, as a table or as JSON. Never creates anything. */
export async function runList(ctx: CliContext, options: ListOptions): Promise<number> {
  // A data folder that is a file is an error, not an empty list.
  checkDataDir(options.dataDir);
  const summaries: AgreementSummary[] = existsSync(join(options.dataDir, DATABASE_FILE))
    ? await withClient(options.dataDir, async (client) => {
        const result = await client.send('agreements.list', options.trash ? { trash: true } : {});
        if (!result.ok) throw new CliFailure({ apiError: result.error });
        return result.value;
      })
    : [];

  if (options.json) {
    ctx.out(JSON.stringify(summaries, null, 2));
    return EXIT.ok;
  }
  if (summaries.length === 0) {
    ctx.out(ctx.t(options.trash ? 'cli.list.emptyTrash' : 'cli.list.empty', { dir: options.dataDir }));
    return EXIT.ok;
  }
  const c = (key: KeysUnder<'cli.list.columns'>) => ctx.t(`cli.list.columns.${key}`);
  const header = [c('id'), c('title'), c('company'), c('language'), c('status'), c('steps'), c('updated')];
  const rows = summaries.map((s) => [
    s.id,
    truncate(s.title, 40) || ctx.t('cli.list.untitled'),
    truncate(s.company, 24),
    s.language,
    statusLabel(ctx.t, s.status, s.signatures),
    `${s.stepsComplete}/${s.stepsTotal}`,
    formatDateTime(s.updatedAt),
  ]);
  for (const line of renderTable(header, rows)) ctx.out(line);
  return EXIT.ok;
}
