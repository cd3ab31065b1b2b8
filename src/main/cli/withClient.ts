import { createApiClient, type ApiClient } from '../../shared/api/client';
import { toApiError } from '../../shared/api/errors';
import { APP_VERSION } from '../core/appVersion';
import { createCore, type Core } from '../core/core';
import { createDirectTransport } from '../core/directTransport';
import { recoveryLine, startupLines } from '../core/recoveryNotice';
import { createTranslator } from '../../shared/i18n';
import { CliFailure, languageFromEnv, type CliContext } from './context';
import { storageError } from '../core/storageError';

/**
 * Opens the data folder's database, hands the command an API client that goes through the core's
 * `dispatch` (validation included, exactly like the app's other hosts) and always closes the database.
 * A database that cannot be opened (newer version, unwritable folder) becomes a translated failure; a
 * damaged one that was moved aside and restored from a backup, agreements that cannot be read and a
 * backup that failed are each reported in one line on stderr (in `ctx`'s language when given, else the
 * environment's) before the command runs.
 */
export async function withClient<T>(dataDir: string, fn: (client: ApiClient) => Promise<T>, ctx?: Pick<CliContext, 't' | 'stderr'>): Promise<T> {
  return withCore(dataDir, (core) => fn(createApiClient(createDirectTransport(core.dispatch))), ctx);
}

/**
 * The same, handing the command the core's services themselves: for work whose input is a local file rather
 * than a message (the Word export and verification, which take the file's bytes as they are).
 */
export async function withCore<T>(dataDir: string, fn: (core: Core) => Promise<T>, ctx?: Pick<CliContext, 't' | 'stderr'>): Promise<T> {
  let core: Core;
  try {
    core = createCore({ dataDir, appVersion: APP_VERSION, host: 'direct' });
  } catch (error) {
    throw new CliFailure({ apiError: toApiError(storageError(error) ?? error) });
  }
  const t = ctx?.t ?? createTranslator(languageFromEnv(process.env));
  const lines = [...(core.recovery ? [recoveryLine(t, core.recovery)] : []), ...startupLines(t, core.startupReport())];
  for (const line of lines) (ctx?.stderr ?? ((text: string) => void process.stderr.write(text)))(`${line}\n`);
  try {
    return await fn(core);
  } finally {
    core.close();
  }
}
