import { z } from 'zod';
import { migrateModel } from '../../../../shared/model/migrations';
import { isRecord } from '../../../../shared/model/migrations/types';
import { agreementSchema, type Agreement } from '../../../../shared/model/schema';
import { MODEL_VERSION } from '../../../../shared/model/version';

/**
 * A copy of edits not yet acknowledged by the host, kept in localStorage so a crash, a power cut, a closed
 * window or a restarted browser-mode server between a keystroke and its autosave loses nothing: the next
 * open restores it. Each window keeps its own copy (two windows on one agreement must not overwrite each
 * other's), with the version it started from (`base`), so a copy older than what the host has is merged
 * field by field instead of being dropped.
 */
const shadowSchema = z.strictObject({
  baseRevision: z.number().int().min(1),
  savedAt: z.number(),
  agreement: agreementSchema,
  /** The acknowledged version the edits started from; missing in copies written by earlier versions. */
  base: agreementSchema.optional(),
  /** The model version the copy was written in; missing in copies written before model version 3. */
  modelVersion: z.literal(MODEL_VERSION).optional(),
});

/** Copies without `modelVersion` were written by model version 2 (the last one before copies recorded it). */
const UNVERSIONED_COPY_MODEL = 2;
export type ShadowCopy = z.infer<typeof shadowSchema>;

/** A copy found in storage, with what is needed to remove exactly it (and not a newer one) later. */
export interface StoredShadow {
  storageKey: string;
  text: string;
  copy: ShadowCopy;
}

const PREFIX = 'sla-workshop.unsaved.';
/** This page's copies; a reload is a new page, and finds the old page's copy like any other. */
const PAGE = globalThis.crypto.randomUUID();
const key = (id: string) => `${PREFIX}${id}|${PAGE}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function writeShadow(id: string, baseRevision: number, agreement: Agreement, base?: Agreement): void {
  try {
    storage()?.setItem(key(id), JSON.stringify({ baseRevision, savedAt: Date.now(), modelVersion: MODEL_VERSION, agreement, ...(base ? { base } : {}) }));
  } catch {
    // Storage full or disabled: the autosave still runs; only the extra safety net is missing.
  }
}

/** Forgets this window's copy (everything in it is now stored). */
export function clearShadow(id: string): void {
  try {
    storage()?.removeItem(key(id));
  } catch {
    // Nothing to clear.
  }
}

/** Removes a copy found earlier, unless its window has written a newer one since. */
export function removeShadowIfUnchanged(found: StoredShadow): void {
  try {
    const store = storage();
    if (store?.getItem(found.storageKey) === found.text) store.removeItem(found.storageKey);
  } catch {
    // Nothing to remove.
  }
}

/**
 * A copy written by an older app is brought to the current model with the same migrations as stored rows and
 * files, so an app update never throws unsaved edits away. A copy from a NEWER model is left in storage
 * untouched (`newer`): this app cannot read it, and it is not broken.
 */
function parse(text: string): ShadowCopy | null | 'newer' {
  try {
    const raw: unknown = JSON.parse(text);
    if (!isRecord(raw)) return null;
    const from = raw.modelVersion ?? UNVERSIONED_COPY_MODEL;
    if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) return null;
    if (from > MODEL_VERSION) return 'newer';
    const upgrade = (agreement: unknown) => (from === MODEL_VERSION ? agreement : migrateModel({ agreement, actuals: [] }, from).agreement);
    const copy = { ...raw, modelVersion: MODEL_VERSION, agreement: upgrade(raw.agreement), ...('base' in raw ? { base: upgrade(raw.base) } : {}) };
    const parsed = shadowSchema.safeParse(copy);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Every copy of unsaved edits of agreement `id` on this computer (this window's, other windows', and one
 * left by an earlier version of the app), oldest first; each is validated like any file we read, and a
 * broken one is dropped.
 */
export function readShadows(id: string): StoredShadow[] {
  const store = storage();
  if (!store) return [];
  const found: StoredShadow[] = [];
  const broken: string[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const storageKey = store.key(i);
      if (storageKey === null || (storageKey !== `${PREFIX}${id}` && !storageKey.startsWith(`${PREFIX}${id}|`))) continue;
      const text = store.getItem(storageKey) ?? '';
      const copy = parse(text);
      if (copy === 'newer') continue;
      // A valid copy of another agreement whose id merely starts like this one is left alone.
      if (copy?.agreement.meta.id === id) found.push({ storageKey, text, copy });
      else if (!copy) broken.push(storageKey);
    }
    for (const storageKey of broken) store.removeItem(storageKey);
  } catch {
    // Storage that cannot be read holds no copy.
  }
  return found.sort((a, b) => a.copy.savedAt - b.copy.savedAt);
}

/** The newest copy of this window or any other (tests, and a quick look). */
export function readShadow(id: string): ShadowCopy | null {
  return readShadows(id).at(-1)?.copy ?? null;
}
