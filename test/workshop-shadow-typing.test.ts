import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/shared/api/client';
import { createDirectTransport } from '../src/main/core/directTransport';
import { setApiClient } from '../src/renderer/api/apiClient';
import { readShadow } from '../src/renderer/features/workshop/state/shadowCopy';
import { useAppStore } from '../src/renderer/store/appStore';
import { startHost, type HostUnderTest } from './support/hosts';
import { MemoryStorage } from './support/memoryStorage';

/** Records each write, as the browser's localStorage would have to copy it. */
class CountingStorage extends MemoryStorage {
  writes: { key: string; chars: number }[] = [];
  override setItem(key: string, value: string) {
    this.writes.push({ key, chars: value.length });
    super.setItem(key, value);
  }
}

/** Typing through the store, as the text boxes do: every keystroke copied, the base only when it changes. */
describe('the crash copy while typing', () => {
  let host: HostUnderTest;
  let id: string;
  let storage: CountingStorage;
  const store = () => useAppStore.getState();

  beforeEach(async () => {
    storage = new CountingStorage();
    vi.stubGlobal('localStorage', storage);
    host = await startHost('direct');
    setApiClient(createApiClient(createDirectTransport(host.core.dispatch)));
    id = (await host.client.call('agreements.create', { source: 'example', language: 'es' })).agreement.meta.id;
    await store().openWorkshop(id);
    vi.useFakeTimers();
  });
  afterEach(async () => {
    vi.useRealTimers();
    store().closeWorkshop();
    await new Promise((r) => setTimeout(r, 10));
    setApiClient(null);
    vi.unstubAllGlobals();
    await host.close();
  });

  it('copies each keystroke with the draft alone, and the acknowledged version once per acknowledged save', async () => {
    const typeKeys = async (text: string) => {
      for (const char of text) {
        store().setField(['notes', 'icp'], `${useAppStore.getState().session?.draft.notes.icp ?? ''}${char}`);
        // Keys 25 ms apart: the idle copy runs between them, the autosave only after the pause below.
        await vi.advanceTimersByTimeAsync(25);
      }
    };
    await typeKeys('primera'); // 7 keys; the autosave (at most 900 ms after the first) has not run yet
    const copies = storage.writes.filter((w) => w.key.startsWith('sla-workshop.edits.'));
    const bases = storage.writes.filter((w) => w.key.startsWith('sla-workshop.editsBase.'));
    expect(copies).toHaveLength(7);
    expect(bases).toHaveLength(1);
    const draftChars = JSON.stringify(useAppStore.getState().session?.draft).length;
    for (const copy of copies) expect(copy.chars).toBeLessThan(draftChars + 300);
    await vi.advanceTimersByTimeAsync(1_000); // saved: the copy is cleared with its base
    expect(readShadow(id)).toBeNull();
    expect(storage.length).toBe(0);
    await typeKeys(' segunda');
    expect(storage.writes.filter((w) => w.key.startsWith('sla-workshop.editsBase.'))).toHaveLength(2);
    expect(readShadow(id)?.agreement.notes.icp).toBe('primera segunda');
    expect(readShadow(id)?.base?.notes.icp).toBe('primera');
  });
});
