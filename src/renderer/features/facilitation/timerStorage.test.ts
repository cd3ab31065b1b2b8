import { describe, expect, it } from 'vitest';
import { clockOf, emptyBook, extendStep, MINUTE_MS, pauseStep, remainingMs, runningStep, startStep, touchBook } from './timer';
import { loadBook, parseBook, saveBook, serializeBook, timerKey, type KeyValueStore } from './timerStorage';

const T0 = Date.UTC(2026, 10, 28, 9, 0, 0);
const min = (n: number) => n * MINUTE_MS;

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('timer persistence', () => {
  it('round-trips a running timer through a reload with a fake clock', () => {
    const store = memoryStore();
    let book = startStep(emptyBook(T0), 'goals', T0);
    book = extendStep(book, 'goals', T0 + min(1));
    book = pauseStep(startStep(book, 'icp', T0 + min(2)), 'icp', T0 + min(4));
    book = startStep(book, 'goals', T0 + min(5));
    book = touchBook(book, T0 + min(8));
    saveBook(store, 'a1', book);

    // The page reloads 30 s later: same clocks, still running, still counting.
    const loaded = loadBook(store, 'a1', T0 + min(8.5));
    expect(loaded).toEqual(book);
    expect(runningStep(loaded)).toBe('goals');
    // goals ran 0–2 and 5–8.5 = 5.5 min of 30 + 5.
    expect(remainingMs(clockOf(loaded, 'goals'), 30, T0 + min(8.5))).toBe(min(29.5));
    expect(clockOf(loaded, 'icp')).toEqual({ startedAt: null, elapsed: min(2), extension: 0 });
  });

  it('keeps one entry per agreement', () => {
    const store = memoryStore();
    saveBook(store, 'a1', startStep(emptyBook(T0), 'goals', T0));
    saveBook(store, 'a2', startStep(emptyBook(T0), 'kpis', T0));
    expect([...store.data.keys()].sort()).toEqual([timerKey('a1'), timerKey('a2')]);
    expect(runningStep(loadBook(store, 'a2', T0))).toBe('kpis');
  });

  it('removes the entry when every timer is reset', () => {
    const store = memoryStore();
    saveBook(store, 'a1', startStep(emptyBook(T0), 'goals', T0));
    saveBook(store, 'a1', emptyBook(T0));
    expect(store.data.size).toBe(0);
  });

  it('stops a timer left running when the app was closed for hours', () => {
    const store = memoryStore();
    saveBook(store, 'a1', touchBook(startStep(emptyBook(T0), 'goals', T0), T0 + min(12)));
    const loaded = loadBook(store, 'a1', T0 + min(24 * 60));
    expect(runningStep(loaded)).toBeNull();
    expect(remainingMs(clockOf(loaded, 'goals'), 30, T0 + min(24 * 60))).toBe(min(18));
  });

  it('starts fresh from missing, broken or foreign entries', () => {
    expect(parseBook(null, T0)).toEqual(emptyBook(T0));
    expect(parseBook('{not json', T0)).toEqual(emptyBook(T0));
    expect(parseBook(JSON.stringify({ version: 2, seenAt: T0, steps: {} }), T0)).toEqual(emptyBook(T0));
    expect(parseBook(JSON.stringify({ version: 1, seenAt: T0, steps: { nowhere: { startedAt: null, elapsed: 0, extension: 0 } } }), T0)).toEqual(emptyBook(T0));
    expect(parseBook(JSON.stringify({ version: 1, seenAt: T0, steps: { goals: { startedAt: null, elapsed: -5, extension: 0 } } }), T0)).toEqual(emptyBook(T0));
    const valid = serializeBook(startStep(emptyBook(T0), 'review', T0));
    expect(runningStep(parseBook(valid, T0))).toBe('review');
  });

  it('works without storage at all', () => {
    expect(loadBook(null, 'a1', T0)).toEqual(emptyBook(T0));
    expect(() => saveBook(null, 'a1', emptyBook(T0))).not.toThrow();
    const throwing: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(loadBook(throwing, 'a1', T0)).toEqual(emptyBook(T0));
    expect(() => saveBook(throwing, 'a1', startStep(emptyBook(T0), 'goals', T0))).not.toThrow();
  });
});
