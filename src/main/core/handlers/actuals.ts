import type { actualsOps } from '../../../shared/api/ops/actuals';
import type { CoreServices, DomainHandlers } from './types';

export function actualsHandlers({ actuals }: CoreServices): DomainHandlers<typeof actualsOps> {
  return {
    'actuals.get': ({ id }) => actuals.get(id),
    'actuals.save': ({ id, revision, months }) => actuals.save(id, revision, months),
  };
}
