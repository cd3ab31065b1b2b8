import { describe, expect, it } from 'vitest';
import { takeBrowserToken, TOKEN_STORAGE_KEY } from './browserToken';

function environment(href: string, stored: string | null = null) {
  const storage = new Map<string, string>(stored ? [[TOKEN_STORAGE_KEY, stored]] : []);
  const replaced: string[] = [];
  return {
    replaced,
    storage,
    env: {
      location: { href },
      history: { state: null, replaceState: (_state: unknown, _title: string, url?: string | URL | null) => void replaced.push(String(url)) },
      sessionStorage: { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) },
    },
  };
}

describe('browser-mode token', () => {
  it('takes the token from the URL, keeps it for reloads and removes it from the address bar', () => {
    const { env, replaced, storage } = environment('http://127.0.0.1:4000/?token=abc&x=1#/trash');
    expect(takeBrowserToken(env)).toBe('abc');
    expect(storage.get(TOKEN_STORAGE_KEY)).toBe('abc');
    expect(replaced).toEqual(['/?x=1#/trash']);
  });

  it('uses the kept token after a reload without touching the URL', () => {
    const { env, replaced } = environment('http://127.0.0.1:4000/#/agreements/1', 'kept');
    expect(takeBrowserToken(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('returns an empty token when there is none (the server then refuses politely)', () => {
    expect(takeBrowserToken(environment('http://127.0.0.1:4000/').env)).toBe('');
  });
});
