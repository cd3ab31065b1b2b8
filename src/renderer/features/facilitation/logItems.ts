import type { Agreement } from '../../../shared/model/schema';
import { newId } from '../../../shared/model/ids';

type Decision = Agreement['decisions'][number];
type ParkingItem = Agreement['parkingLot'][number];

/** Today as YYYY-MM-DD in the local calendar (toISOString would give yesterday's date late in the evening in the Americas). */
export function localIsoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function newDecision(now: Date): Decision {
  return { id: newId(), date: localIsoDate(now), text: '', owner: '' };
}

/** Null for a topic that is only blanks: Enter on an empty box adds nothing. */
export function newParkingItem(text: string, now: Date, maxLength: number): ParkingItem | null {
  const trimmed = text.trim().slice(0, maxLength);
  return trimmed ? { id: newId(), createdAt: now.toISOString(), text: trimmed, resolved: false } : null;
}

/**
 * Indexes in display order, newest first. Items are stored oldest first (the document reads the log in
 * order) and new ones are appended, so "newest first" is the reverse and never reshuffles while typing.
 */
export function newestFirst(count: number): number[] {
  return Array.from({ length: count }, (_, i) => count - 1 - i);
}

/** A parked topic's text shortened for a button's accessible name. */
export function shortLabel(text: string, fallback: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (!flat) return fallback;
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
