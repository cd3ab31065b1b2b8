import type { RawTransport } from '../../shared/api/client';
import type { Dispatch } from './dispatch';

/**
 * The in-process host for the CLI and tests. Input and reply go through JSON like on the other hosts, so a
 * caller can never share (and mutate) the core's objects, and behaviour matches IPC and HTTP exactly.
 */
export function createDirectTransport(dispatch: Dispatch): RawTransport {
  return async (name, input) =>
    JSON.parse(JSON.stringify(await dispatch(name, input === undefined ? undefined : JSON.parse(JSON.stringify(input))))) as unknown;
}
