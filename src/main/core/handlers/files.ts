import type { filesOps } from '../../../shared/api/ops/files';
import type { CoreServices, DomainHandlers } from './types';

export function filesHandlers({ agreements }: CoreServices): DomainHandlers<typeof filesOps> {
  return {
    'slaw.export': ({ id }) => agreements.exportSlaw(id),
    'slaw.import': ({ content }) => agreements.importSlaw(content),
  };
}
