import { z } from 'zod';
import { WORKSHOP_STEPS } from '../../store/route';
import { emptyBook, restoreBook, type TimerBook } from './timer';

/**
 * The timers live in localStorage, one entry per agreement, not in the agreement: they are about this
 * session on this laptop, must survive a reload, and must not mark the agreement as edited every second.
 */
export const TIMER_KEY_PREFIX = 'sla-workshop.timer.';
export const timerKey = (agreementId: string) => `${TIMER_KEY_PREFIX}${agreementId}`;

/** What other code (or an older version) left in storage is read like any untrusted input. */
const ms = z.number().finite().min(0).max(1e15);
const clockSchema = z.strictObject({ startedAt: ms.nullable(), elapsed: ms, extension: ms });
const bookSchema = z.strictObject({
  version: z.literal(1),
  seenAt: ms,
  steps: z.partialRecord(z.enum(WORKSHOP_STEPS), clockSchema),
});

/** The subset of Storage used here, so tests pass a Map-backed fake. */
export type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function serializeBook(book: TimerBook): string {
  return JSON.stringify({ version: 1, seenAt: book.seenAt, steps: book.steps });
}

/** A broken or foreign entry gives a fresh book instead of an error: a lost timer is no reason to stop the workshop. */
export function parseBook(text: string | null, now: number): TimerBook {
  if (!text) return emptyBook(now);
  try {
    const parsed = bookSchema.safeParse(JSON.parse(text));
    if (parsed.success) return { seenAt: parsed.data.seenAt, steps: parsed.data.steps };
  } catch {
    // Not JSON: fall through to a fresh book.
  }
  return emptyBook(now);
}

export function loadBook(store: KeyValueStore | null, agreementId: string, now: number): TimerBook {
  let text: string | null = null;
  try {
    text = store?.getItem(timerKey(agreementId)) ?? null;
  } catch {
    // Storage disabled: the timer still works for this session.
  }
  return restoreBook(parseBook(text, now), now);
}

export function saveBook(store: KeyValueStore | null, agreementId: string, book: TimerBook): void {
  try {
    if (Object.keys(book.steps).length === 0) store?.removeItem(timerKey(agreementId));
    else store?.setItem(timerKey(agreementId), serializeBook(book));
  } catch {
    // Storage full or disabled: only the survival across reloads is lost.
  }
}

/** localStorage where the page may use it; null in Node and in locked-down browsers. */
export function browserStore(): KeyValueStore | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
