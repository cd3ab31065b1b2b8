import { agreementChangedSchema } from '../../shared/api/events';
import { IPC } from '../../preload/api-types';
import type { CoreEvents } from '../core/coreEvents';
import { isOwnOrigin } from './origins';

/** The parts of a window's webContents the forwarder uses; structural so tests pass plain objects. */
export interface ChangeReceiver {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, payload: unknown): void;
}

/**
 * Tells every window showing our own page that an agreement changed (`sla:agreement-changed`), so a second
 * window on the same agreement reloads or merges at once. The payload is checked against the shared schema
 * and rebuilt as a plain two-field object before it leaves the main process; windows that are gone or show
 * anything but our origin get nothing. Returns the function that stops forwarding.
 */
export function forwardAgreementChanges(events: CoreEvents, receivers: () => readonly ChangeReceiver[], allowedOrigins: readonly string[]): () => void {
  return events.on('agreementChanged', (event) => {
    const parsed = agreementChangedSchema.safeParse(event);
    if (!parsed.success) return;
    const payload = { id: parsed.data.id, revision: parsed.data.revision };
    for (const receiver of receivers()) {
      try {
        if (receiver.isDestroyed() || !isOwnOrigin(receiver.getURL(), allowedOrigins)) continue;
        receiver.send(IPC.agreementChanged, payload);
      } catch {
        // A window closing while we send: it no longer needs to know.
      }
    }
  });
}
