import { afterEach, describe, expect, it, vi } from 'vitest';
import { createJSONStorage, type StateStorage } from 'zustand/middleware';
import { changedOnlyStorage } from './changedOnlyStorage';

/** A storage that counts its writes per key. */
function countingStorage() {
  const items = new Map<string, string>();
  const writes = new Map<string, number>();
  const storage: StateStorage & Pick<Storage, 'key' | 'length' | 'clear'> = {
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
      writes.set(key, (writes.get(key) ?? 0) + 1);
    },
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
  };
  return { storage, items, writes };
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('changedOnlyStorage', () => {
  it('writes the first value, skips the same fields again, and writes when a field or the version changes', () => {
    const { storage, items, writes } = countingStorage();
    const wrapped = changedOnlyStorage(createJSONStorage<{ language: string; steps: string[] }>(() => storage));
    const steps = ['icp'];
    wrapped?.setItem('prefs', { state: { language: 'es', steps }, version: 1 });
    wrapped?.setItem('prefs', { state: { language: 'es', steps }, version: 1 });
    expect(writes.get('prefs')).toBe(1);
    wrapped?.setItem('prefs', { state: { language: 'en', steps }, version: 1 });
    expect(writes.get('prefs')).toBe(2);
    expect(JSON.parse(items.get('prefs') ?? 'null')).toEqual({ state: { language: 'en', steps: ['icp'] }, version: 1 });
    // A new array is a change even with the same contents: fields are compared by identity, as the store replaces them.
    wrapped?.setItem('prefs', { state: { language: 'en', steps: ['icp'] }, version: 1 });
    wrapped?.setItem('prefs', { state: { language: 'en', steps: ['icp'] }, version: 2 });
    expect(writes.get('prefs')).toBe(4);
  });

  it('writes again after the item was removed', () => {
    const { storage, items, writes } = countingStorage();
    const wrapped = changedOnlyStorage(createJSONStorage<{ language: string }>(() => storage));
    wrapped?.setItem('prefs', { state: { language: 'es' }, version: 1 });
    wrapped?.removeItem('prefs');
    expect(items.has('prefs')).toBe(false);
    wrapped?.setItem('prefs', { state: { language: 'es' }, version: 1 });
    expect(writes.get('prefs')).toBe(2);
    expect(items.has('prefs')).toBe(true);
  });

  it('lets the app store write its preferences when they change, not on every other change of state', async () => {
    const { storage, items, writes } = countingStorage();
    vi.stubGlobal('localStorage', storage);
    vi.resetModules();
    const { PREFERENCES_STORAGE_KEY, useAppStore } = await import('./appStore');
    const before = writes.get(PREFERENCES_STORAGE_KEY) ?? 0;
    // What a keystroke does to the store: a new state object in which no preference changed.
    for (let i = 0; i < 20; i++) useAppStore.setState({ fieldDrafts: {} });
    expect(writes.get(PREFERENCES_STORAGE_KEY) ?? 0).toBeLessThanOrEqual(Math.max(before, 1));
    const other = useAppStore.getState().language === 'es' ? 'en' : 'es';
    useAppStore.getState().setLanguage(other);
    expect(JSON.parse(items.get(PREFERENCES_STORAGE_KEY) ?? 'null')?.state.language).toBe(other);
  });
});
