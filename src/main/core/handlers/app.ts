import type { appOps } from '../../../shared/api/ops/app';
import type { CoreServices, DomainHandlers } from './types';

export function appHandlers(s: CoreServices): DomainHandlers<typeof appOps> {
  return {
    'app.info': () => s.info,
    'app.startupReport': () => s.startupReport(),
  };
}
