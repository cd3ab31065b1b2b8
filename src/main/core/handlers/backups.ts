import type { backupsOps } from '../../../shared/api/ops/backups';
import type { CoreServices, DomainHandlers } from './types';

export function backupsHandlers({ restore }: CoreServices): DomainHandlers<typeof backupsOps> {
  return {
    'backups.list': () => restore.list(),
    'backups.agreements': ({ backup }) => restore.agreements(backup),
    'backups.restoreAgreement': ({ backup, id }) => restore.restoreAgreement(backup, id),
  };
}
