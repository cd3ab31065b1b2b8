import type { Result } from '../../shared/api/errors';

/**
 * The single door every host calls (`createCore().dispatch`): an operation name and its input, both
 * untrusted, answered with a Result; it never throws. Declared in the core so that each host depends on
 * the core, never on another host.
 */
export type Dispatch = (name: unknown, input: unknown) => Promise<Result<unknown>>;
