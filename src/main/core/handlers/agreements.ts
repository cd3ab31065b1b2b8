import type { agreementsOps } from '../../../shared/api/ops/agreements';
import type { CoreServices, DomainHandlers } from './types';

/** Agreements and their versions; amending and comparing versions belong to the signing service. */
export function agreementsHandlers({ agreements, signing }: CoreServices): DomainHandlers<typeof agreementsOps> {
  return {
    'agreements.list': (input) => agreements.list(input),
    'agreements.get': ({ id }) => agreements.get(id),
    'agreements.create': ({ source, language, title }) => agreements.create(source, language, title),
    'agreements.save': ({ id, revision, agreement }) => agreements.save(id, revision, agreement),
    'agreements.duplicate': ({ id }) => agreements.duplicate(id),
    'agreements.rename': ({ id, title }) => agreements.rename(id, title),
    'agreements.trash': ({ id }) => agreements.trash(id),
    'agreements.restore': ({ id }) => agreements.restore(id),
    'agreements.purge': ({ id }) => agreements.purge(id),
    'agreements.amend': ({ id }) => signing.amend(id),
    'agreements.changes': ({ id }) => signing.changes(id),
  };
}
