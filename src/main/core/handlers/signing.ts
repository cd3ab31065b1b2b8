import type { signingOps } from '../../../shared/api/ops/signing';
import type { CoreServices, DomainHandlers } from './types';

export function signingHandlers({ signing }: CoreServices): DomainHandlers<typeof signingOps> {
  return {
    'signing.sign': (input) => signing.sign(input),
    'signing.preview': (input) => signing.preview(input),
  };
}
