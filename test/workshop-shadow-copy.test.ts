import { produce } from 'immer';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { agreementJson } from '../src/renderer/features/workshop/state/agreementJson';
import { foldCopies } from '../src/renderer/features/workshop/state/reconcile';
import { clearShadow, readShadows, removeShadowIfUnchanged, writeShadow } from '../src/renderer/features/workshop/state/shadowCopy';
import { createExample } from '../src/shared/model/example';
import type { Agreement } from '../src/shared/model/schema';
import { MemoryStorage } from './support/memoryStorage';

/** Counts what is written, as the browser's localStorage would have to copy it. */
class CountingStorage extends MemoryStorage {
  writes: { key: string; chars: number }[] = [];
  failOn: ((key: string) => boolean) | null = null;
  override setItem(key: string, value: string) {
    if (this.failOn?.(key)) throw new DOMException('full', 'QuotaExceededError');
    this.writes.push({ key, chars: value.length });
    super.setItem(key, value);
  }
  keys(prefix: string) {
    return Array.from({ length: this.length }, (_, i) => this.key(i) ?? '').filter((k) => k.startsWith(prefix));
  }
}

const BASES = 'sla-workshop.editsBase.';
const COPIES = 'sla-workshop.edits.';

describe('the crash copy in localStorage', () => {
  let store: CountingStorage;
  let base: Agreement;
  let id: string;
  /** A keystroke as the store makes it: immer, sharing every part it did not touch. */
  const type = (from: Agreement, text: string) =>
    produce(from, (d) => {
      d.icp.company.description += text;
    });

  beforeEach(() => {
    store = new CountingStorage();
    vi.stubGlobal('localStorage', store);
    // What the host sent, then frozen by the first edit the way the store's immer freezes it.
    base = produce(createExample('es', new Date('2026-12-01T10:00:00Z')), () => undefined);
    id = base.meta.id;
  });
  afterEach(() => {
    clearShadow(id);
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it('reads back what was written: the edits, their base and its revision', () => {
    const draft = type(base, ' y tiendas en línea');
    writeShadow(id, 3, draft, base);
    const [found, ...others] = readShadows(id);
    expect(others).toEqual([]);
    expect(found?.copy).toMatchObject({ baseRevision: 3, agreement: draft, base });
    // Never under the key earlier versions read: they remove, as broken, a copy with a field they do not know.
    expect(store.keys('sla-workshop.unsaved.')).toEqual([]);
  });

  it('writes the base once across many keystrokes, and each keystroke writes only the edits', () => {
    let draft = base;
    for (const char of ' con varias tiendas') {
      draft = type(draft, char);
      writeShadow(id, 1, draft, base);
    }
    const toBases = store.writes.filter((w) => w.key.startsWith(BASES));
    const toCopies = store.writes.filter((w) => w.key.startsWith(COPIES));
    expect(toBases).toHaveLength(1);
    expect(toCopies).toHaveLength(19);
    const draftChars = JSON.stringify(draft).length;
    for (const write of toCopies) expect(write.chars).toBeLessThan(draftChars + 300);
    expect(readShadows(id)[0]?.copy).toMatchObject({ agreement: draft, base });
  });

  it('writes a new base when a save is acknowledged, and removes the old one after the copy names the new', () => {
    const first = type(base, ' uno');
    writeShadow(id, 1, first, base);
    const [oldBase] = store.keys(BASES);
    const second = type(first, ' dos');
    writeShadow(id, 2, second, first);
    expect(store.keys(BASES)).toHaveLength(1);
    expect(store.keys(BASES)[0]).not.toBe(oldBase);
    expect(readShadows(id)[0]?.copy).toMatchObject({ baseRevision: 2, agreement: second, base: first });
  });

  it('writes the base again when it went missing (another window took the copy over), so the copy keeps it', () => {
    writeShadow(id, 1, type(base, ' a'), base);
    expect(store.keys(BASES)).toHaveLength(1);
    const [found] = readShadows(id);
    if (!found) throw new Error('no copy');
    removeShadowIfUnchanged(found);
    expect(store.keys(BASES)).toEqual([]);
    expect(store.keys(COPIES)).toEqual([]);
    const draft = type(base, ' ab');
    writeShadow(id, 1, draft, base);
    expect(store.keys(BASES)).toHaveLength(1);
    expect(readShadows(id)[0]?.copy).toMatchObject({ agreement: draft, base });
  });

  it('reads a copy whose base is missing or not its own as a copy without base, which merges only at its own revision', () => {
    const draft = type(base, ' sin base');
    writeShadow(id, 4, draft, base);
    const [baseKey] = store.keys(BASES);
    if (!baseKey) throw new Error('no base');
    const text = store.getItem(baseKey) ?? '';
    store.setItem(baseKey, text.replace('"baseRevision":4', '"baseRevision":3'));
    const [mismatched] = readShadows(id);
    expect(mismatched?.copy.base).toBeUndefined();
    expect(mismatched?.copy.agreement).toEqual(draft);
    // At the revision it was written at, the stored version is its base: the edits are merged, nothing lost.
    const folded = foldCopies(base, 4, mismatched ? [mismatched] : []);
    expect(folded).toMatchObject({ kind: 'clean', draft: { icp: { company: { description: draft.icp.company.description } } } });
    store.removeItem(baseKey);
    expect(readShadows(id)[0]?.copy.agreement).toEqual(draft);
  });

  it('still reads copies of earlier versions, base inline, and of the model before copies recorded it', () => {
    const draft = type(base, ' antes');
    store.setItem(`sla-workshop.unsaved.${id}|older-page`, JSON.stringify({ baseRevision: 2, savedAt: 5, modelVersion: 5, agreement: draft, base }));
    const [found] = readShadows(id);
    expect(found?.copy).toMatchObject({ baseRevision: 2, agreement: draft, base });
    if (found) removeShadowIfUnchanged(found);
    expect(store.length).toBe(0);
  });

  it('removes, with its copy, the base it names: clearShadow and removeShadowIfUnchanged leave nothing behind', () => {
    writeShadow(id, 1, type(base, ' x'), base);
    expect(store.keys(BASES)).toHaveLength(1);
    clearShadow(id);
    expect(store.length).toBe(0);
  });

  it('cleans up a base no copy names once it is older than a minute, and keeps a fresh one (its copy may be coming)', () => {
    vi.useFakeTimers({ now: new Date('2026-12-07T19:00:00Z') });
    writeShadow(id, 1, type(base, ' x'), base);
    const [baseKey] = store.keys(BASES);
    const orphan = `${BASES}another-agreement|a-crashed-page|0b6f2b5c-3d4e-4f50-8a1b-2c3d4e5f6a7b`;
    store.setItem(orphan, store.getItem(baseKey ?? '') ?? '');
    store.removeItem(`${COPIES}${id}|${(baseKey ?? '').split('|')[1]}`);
    // A copy of a newer model: this app cannot read it, but its base is named and stays with it.
    const newerToken = '9a8b7c6d-3d4e-4f50-8a1b-2c3d4e5f6a7b';
    const newerBase = `${BASES}${id}|newer-page|${newerToken}`;
    store.setItem(`${COPIES}${id}|newer-page`, JSON.stringify({ modelVersion: 99, baseToken: newerToken, future: true }));
    store.setItem(newerBase, JSON.stringify({ modelVersion: 99, savedAt: 0 }));
    readShadows(id);
    expect(store.keys(BASES)).toHaveLength(3);
    vi.setSystemTime(new Date('2026-12-07T19:01:01Z'));
    readShadows(id);
    expect(store.keys(BASES)).toEqual([newerBase]);
  });

  it('keeps a copy without its base when storage has no room for the base', () => {
    store.failOn = (key) => key.startsWith(BASES);
    const draft = type(base, ' lleno');
    writeShadow(id, 1, draft, base);
    const [found] = readShadows(id);
    expect(found?.copy.agreement).toEqual(draft);
    expect(found?.copy.base).toBeUndefined();
  });
});

describe('agreementJson', () => {
  it('is exactly JSON.stringify, with the parts that did not change reused', () => {
    const example = createExample('en', new Date('2026-12-01T10:00:00Z'));
    expect(agreementJson(example)).toBe(JSON.stringify(example));
    const frozen = produce(example, (d) => {
      d.notes.icp = 'uno';
    });
    expect(agreementJson(frozen)).toBe(JSON.stringify(frozen));
    const next = produce(frozen, (d) => {
      d.notes.icp = 'dos';
    });
    expect(agreementJson(next)).toBe(JSON.stringify(next));
    const withUndefined = { ...next, extra: undefined } as unknown as Agreement;
    expect(agreementJson(withUndefined)).toBe(JSON.stringify(withUndefined));
  });
});
