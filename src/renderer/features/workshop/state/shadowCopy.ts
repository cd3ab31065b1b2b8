import { z } from 'zod';
import { agreementSchema, type Agreement } from '../../../../shared/model/schema';

/**
 * A copy of edits not yet acknowledged by the host, kept in localStorage so a crash, a power cut or a
 * closed window between a keystroke and its autosave loses nothing: the next open restores it.
 */
const shadowSchema = z.strictObject({ baseRevision: z.number().int().min(1), savedAt: z.number(), agreement: agreementSchema });
export type ShadowCopy = z.infer<typeof shadowSchema>;

const key = (id: string) => `sla-workshop.unsaved.${id}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeShadow(id: string, baseRevision: number, agreement: Agreement): void {
  try {
    storage()?.setItem(key(id), JSON.stringify({ baseRevision, savedAt: Date.now(), agreement }));
  } catch {
    // Storage full or disabled: the autosave still runs; only the extra safety net is missing.
  }
}

export function clearShadow(id: string): void {
  try {
    storage()?.removeItem(key(id));
  } catch {
    // Nothing to clear.
  }
}

/** The stored copy, validated like any file we read; a broken one is dropped. */
export function readShadow(id: string): ShadowCopy | null {
  const text = storage()?.getItem(key(id));
  if (!text) return null;
  try {
    const parsed = shadowSchema.safeParse(JSON.parse(text));
    if (parsed.success && parsed.data.agreement.meta.id === id) return parsed.data;
  } catch {
    // Fall through: not JSON.
  }
  clearShadow(id);
  return null;
}
