import { actualsHandlers } from './actuals';
import { agreementsHandlers } from './agreements';
import { appHandlers } from './app';
import { backupsHandlers } from './backups';
import { csvMappingsHandlers } from './csvMappings';
import { documentHandlers } from './document';
import { filesHandlers } from './files';
import { settingsHandlers } from './settings';
import { signingHandlers } from './signing';
import { signingKeysHandlers } from './signingKeys';
import type { CoreServices, Handlers } from './types';

/**
 * Every operation's handler: one map per domain (as the contract is grouped in src/shared/api/ops), assembled
 * here. The `Handlers` type makes a missing or misspelled operation a type error; the domain test checks that
 * no two domains claim the same name.
 */
export function createHandlers(services: CoreServices): Handlers {
  return {
    ...appHandlers(services),
    ...agreementsHandlers(services),
    ...actualsHandlers(services),
    ...signingHandlers(services),
    ...documentHandlers(services),
    ...signingKeysHandlers(services),
    ...settingsHandlers(services),
    ...csvMappingsHandlers(services),
    ...backupsHandlers(services),
    ...filesHandlers(services),
  };
}

export type { CoreServices, Handlers } from './types';
