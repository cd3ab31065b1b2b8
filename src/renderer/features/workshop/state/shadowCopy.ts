import type { Agreement } from '../../../../shared/model/schema';
import { MODEL_VERSION } from '../../../../shared/model/version';
import { agreementJson } from './agreementJson';
import { namedToken, newToken, parseBase, parseCopy, type StoredCopy } from './shadowFormat';

/**
 * A copy of edits not yet acknowledged by the host, kept in localStorage so a crash, a power cut, a closed
 * window or a restarted browser-mode server between a keystroke and its autosave loses nothing: the next
 * open restores it. Each window keeps its own copy (two windows on one agreement must not overwrite each
 * other's), with the version it started from (`base`), so a copy older than what the host has is merged
 * field by field instead of being dropped.
 *
 * Every keystroke writes the copy; the base changes only when a save is acknowledged, so it sits under a key
 * of its own (`sla-workshop.editsBase.<id>|<page>|<token>`), written only then, and the copy
 * (`sla-workshop.edits.<id>|<page>`) names its token. A new base is written before the copy that names it and
 * the old one removed after, so a crash at any point leaves a copy whose base is there; a base no copy names
 * is removed when copies are next read. Copies of earlier versions (`sla-workshop.unsaved.<id>|<page>`, base
 * inline) are still read; new copies are not written there because those versions remove, as broken, a copy
 * with a field they do not know.
 */
export type ShadowCopy = Omit<StoredCopy, 'baseToken'>;

/** A copy found in storage, with what is needed to remove exactly it (and not a newer one) later. */
export interface StoredShadow {
  storageKey: string;
  text: string;
  copy: ShadowCopy;
  /** The key of its base, when the base is kept apart from it. */
  baseKey?: string;
}

const PREFIX = 'sla-workshop.edits.';
const BASE_PREFIX = 'sla-workshop.editsBase.';
/** Where earlier versions kept their copies (base inline); read, and removed once merged, never written. */
const LEGACY_PREFIX = 'sla-workshop.unsaved.';
/** A base no copy names yet may be one another window is writing its copy for; it is removed only once older. */
const ORPHAN_GRACE_MS = 60_000;
/** This page's copies; a reload is a new page, and finds the old page's copy like any other. */
const PAGE = globalThis.crypto.randomUUID();
const key = (id: string) => `${PREFIX}${id}|${PAGE}`;
const baseKeyOf = (copyKey: string, token: string) => `${BASE_PREFIX}${copyKey.slice(PREFIX.length)}|${token}`;
const copyKeyOf = (baseKey: string) => `${PREFIX}${baseKey.slice(BASE_PREFIX.length, baseKey.lastIndexOf('|'))}`;

/** The base this page last wrote for each agreement: while it is the same version, only the copy is written. */
interface WrittenBase {
  baseKey: string;
  token: string;
  base: Agreement;
  baseRevision: number;
}
const written = new Map<string, WrittenBase>();

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function writeBase(store: Storage, copyKey: string, base: Agreement, baseRevision: number): WrittenBase {
  const token = newToken();
  const baseKey = baseKeyOf(copyKey, token);
  const head = JSON.stringify({ baseRevision, token, savedAt: Date.now(), modelVersion: MODEL_VERSION });
  store.setItem(baseKey, `${head.slice(0, -1)},"agreement":${agreementJson(base)}}`);
  return { baseKey, token, base, baseRevision };
}

export function writeShadow(id: string, baseRevision: number, agreement: Agreement, base?: Agreement): void {
  const store = storage();
  if (!store) return;
  const copyKey = key(id);
  const previous = written.get(id);
  let next: WrittenBase | undefined;
  try {
    next = previous;
    // The same version at the same revision is already stored — unless another window took this copy over.
    if (!base) next = undefined;
    else if (!previous || previous.base !== base || previous.baseRevision !== baseRevision || store.getItem(previous.baseKey) === null) {
      try {
        next = writeBase(store, copyKey, base, baseRevision);
      } catch {
        // No room for the base: the edits alone are still worth keeping (merged as a copy without base).
        next = undefined;
      }
    }
    const head = JSON.stringify({ baseRevision, savedAt: Date.now(), modelVersion: MODEL_VERSION, ...(next ? { baseToken: next.token } : {}) });
    store.setItem(copyKey, `${head.slice(0, -1)},"agreement":${agreementJson(agreement)}}`);
  } catch {
    // Storage full or disabled: the autosave still runs; the previous copy (and its base) stay as they were.
    if (next && next !== previous) removeKey(store, next.baseKey);
    return;
  }
  if (next) written.set(id, next);
  else written.delete(id);
  if (previous && previous.baseKey !== next?.baseKey) removeKey(store, previous.baseKey);
}

function removeKey(store: Storage, storageKey: string): void {
  try {
    store.removeItem(storageKey);
  } catch {
    // Nothing to remove.
  }
}

/** Forgets this window's copy (everything in it is now stored). The base goes first: never a copy's only trace. */
export function clearShadow(id: string): void {
  const store = storage();
  if (!store) return;
  const base = written.get(id);
  written.delete(id);
  if (base) removeKey(store, base.baseKey);
  removeKey(store, key(id));
}

/** Removes a copy found earlier (and its base), unless its window has written a newer one since. */
export function removeShadowIfUnchanged(found: StoredShadow): void {
  try {
    const store = storage();
    if (store?.getItem(found.storageKey) !== found.text) return;
    if (found.baseKey) {
      store.removeItem(found.baseKey);
      for (const [id, base] of written) if (base.baseKey === found.baseKey) written.delete(id);
    }
    store.removeItem(found.storageKey);
  } catch {
    // Nothing to remove.
  }
}

/** The base a copy names, if it is there and is the version of the same agreement at the same revision. */
function readBase(store: Storage, baseKey: string, copy: StoredCopy): Agreement | undefined {
  const text = store.getItem(baseKey);
  if (text === null) return undefined;
  const base = parseBase(text);
  if (base === null) removeKey(store, baseKey);
  if (base === null || base === 'newer') return undefined;
  const matches = base.token === copy.baseToken && base.baseRevision === copy.baseRevision && base.agreement.meta.id === copy.agreement.meta.id;
  return matches ? base.agreement : undefined;
}

/** A base no copy names, once it is older than the grace period (or unreadable). */
function removeOrphan(store: Storage, baseKey: string, now: number): void {
  let savedAt: unknown;
  try {
    const raw: unknown = JSON.parse(store.getItem(baseKey) ?? 'null');
    savedAt = typeof raw === 'object' && raw !== null && 'savedAt' in raw ? raw.savedAt : null;
  } catch {
    savedAt = null;
  }
  if (typeof savedAt !== 'number' || Math.abs(now - savedAt) > ORPHAN_GRACE_MS) removeKey(store, baseKey);
}

/**
 * Every copy of unsaved edits of agreement `id` on this computer (this window's, other windows', and one
 * left by an earlier version of the app), oldest first; each is validated like any file we read, and a
 * broken one is dropped. Bases no copy names (of any agreement) are cleaned up on the way.
 */
export function readShadows(id: string): StoredShadow[] {
  const store = storage();
  if (!store) return [];
  const found: StoredShadow[] = [];
  try {
    const copyKeys = new Set<string>();
    const baseKeys: string[] = [];
    const legacyKeys: string[] = [];
    for (let i = 0; i < store.length; i++) {
      const storageKey = store.key(i);
      if (storageKey?.startsWith(PREFIX)) copyKeys.add(storageKey);
      else if (storageKey?.startsWith(BASE_PREFIX)) baseKeys.push(storageKey);
      else if (storageKey?.startsWith(LEGACY_PREFIX)) legacyKeys.push(storageKey);
    }
    const isCopyOf = (storageKey: string, prefix: string) => storageKey === `${prefix}${id}` || storageKey.startsWith(`${prefix}${id}|`);
    const named = new Set<string>();
    const broken: string[] = [];
    for (const storageKey of [...legacyKeys, ...copyKeys]) {
      const legacy = !storageKey.startsWith(PREFIX);
      if (!isCopyOf(storageKey, legacy ? LEGACY_PREFIX : PREFIX)) continue;
      const text = store.getItem(storageKey) ?? '';
      const copy = parseCopy(text);
      const token = legacy || copy === null ? null : copy === 'newer' ? namedToken(text) : (copy.baseToken ?? null);
      const baseKey = token === null ? undefined : baseKeyOf(storageKey, token);
      if (copy === null) broken.push(storageKey);
      else if (baseKey) named.add(baseKey);
      // A valid copy of another agreement whose id merely starts like this one is left alone.
      if (copy === null || copy === 'newer' || copy.agreement.meta.id !== id) continue;
      const { baseToken: _token, ...rest } = copy;
      const base = rest.base ?? (baseKey ? readBase(store, baseKey, copy) : undefined);
      found.push({ storageKey, text, copy: { ...rest, ...(base ? { base } : {}) }, ...(baseKey && !rest.base ? { baseKey } : {}) });
    }
    for (const storageKey of broken) {
      store.removeItem(storageKey);
      copyKeys.delete(storageKey);
    }
    const now = Date.now();
    for (const baseKey of baseKeys) {
      const owner = copyKeyOf(baseKey);
      if (!copyKeys.has(owner) || (isCopyOf(owner, PREFIX) && !named.has(baseKey))) removeOrphan(store, baseKey, now);
    }
  } catch {
    // Storage that cannot be read holds no copy.
  }
  return found.sort((a, b) => a.copy.savedAt - b.copy.savedAt);
}

/** The newest copy of this window or any other (tests, and a quick look). */
export function readShadow(id: string): ShadowCopy | null {
  return readShadows(id).at(-1)?.copy ?? null;
}
