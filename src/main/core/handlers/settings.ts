import type { settingsOps } from '../../../shared/api/ops/settings';
import type { CoreServices, DomainHandlers } from './types';

export function settingsHandlers({ settings }: CoreServices): DomainHandlers<typeof settingsOps> {
  return {
    'settings.get': () => settings.get(),
    'settings.update': (input) => settings.update(input),
  };
}
