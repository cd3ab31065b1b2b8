import type { csvMappingsOps } from '../../../shared/api/ops/csvMappings';
import type { CoreServices, DomainHandlers } from './types';

export function csvMappingsHandlers({ csvMappings }: CoreServices): DomainHandlers<typeof csvMappingsOps> {
  return {
    'csvMappings.list': () => csvMappings.list(),
    'csvMappings.save': ({ mapping }) => csvMappings.save(mapping),
    'csvMappings.delete': ({ id }) => csvMappings.delete(id),
  };
}
