import type { IpcMainInvokeEvent } from 'electron';
import { isOwnOrigin } from './origins';

/** The parts of an IPC event the check reads; a structural type so tests can pass plain objects. */
export interface SenderLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/**
 * An IPC call is trusted only from a live top-level frame showing our own content: not from an iframe,
 * not from a frame that navigated elsewhere, not after the frame was destroyed (senderFrame null).
 */
export function isTrustedSender(event: SenderLike, allowedOrigins: readonly string[]): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame) return false;
    if (frame.parent !== null) return false;
    return isOwnOrigin(frame.url, allowedOrigins);
  } catch {
    // Electron throws when a disposed frame's properties are read: such a sender is not trusted.
    return false;
  }
}

export function createTrustedSenderCheck(allowedOrigins: readonly string[]): (event: IpcMainInvokeEvent) => boolean {
  return (event) => isTrustedSender(event as unknown as SenderLike, allowedOrigins);
}
