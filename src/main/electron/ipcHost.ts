import type { IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/api/errors';
import type { Dispatch } from '../core/dispatch';

/**
 * The IPC host: the same `dispatch` as every other host, behind a sender check. Kept free of runtime
 * electron imports so it is unit-tested under Node with a fake event.
 */
export function createIpcApiHandler(dispatch: Dispatch, isTrustedSender: (event: IpcMainInvokeEvent) => boolean) {
  return async (event: IpcMainInvokeEvent, name: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(event)) return { ok: false, error: { kind: 'unauthorized', message: 'Untrusted sender' } };
    return dispatch(name, input);
  };
}
