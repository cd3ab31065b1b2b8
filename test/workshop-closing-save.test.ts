import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setApiClient } from '../src/renderer/api/apiClient';
import { readShadow } from '../src/renderer/features/workshop/state/shadowCopy';
import { useAppStore } from '../src/renderer/store/appStore';
import { startHost, type HostUnderTest } from './support/hosts';
import { MemoryStorage } from './support/memoryStorage';

/**
 * Closing a workshop with unsaved edits queues one last save, and the slice remembers that closed session
 * until the save is done. It must forget it then: a remembered session that outlives its save is taken
 * for "the newest text" of that agreement by later saves, which then believe the host is behind. And what it
 * sends is what the screen showed when it closed, even text undone while an earlier save was on its way.
 */
describe('the last save of a closed workshop', () => {
  let host: HostUnderTest;
  let id: string;
  const store = () => useAppStore.getState();
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  beforeEach(async () => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    host = await startHost('direct');
    setApiClient(host.client);
    id = (await host.client.call('agreements.create', { source: 'blank', language: 'en' })).agreement.meta.id;
    store().navigate({ name: 'home' });
  });
  afterEach(async () => {
    store().closeWorkshop();
    await vi.waitFor(() => expect(store().saveNow()).resolves.toBe(true));
    await settle();
    setApiClient(null);
    vi.unstubAllGlobals();
    await host.close();
  });

  it('is forgotten once stored: a later save of the same agreement clears its local copy', async () => {
    await store().openWorkshop(id);
    store().setField(['icp', 'company', 'industry'], 'Retail');
    store().closeWorkshop();
    // The closing save lands.
    await vi.waitFor(async () => expect((await host.client.call('agreements.get', { id })).agreement.icp.company.industry).toBe('Retail'));
    await settle();

    await store().openWorkshop(id);
    store().setField(['icp', 'company', 'industry'], 'Retail and food');
    store().setField(['icp', 'company', 'size'], '50–200');
    await settle();
    expect(readShadow(id)?.agreement.icp.company.industry).toBe('Retail and food');
    await store().saveNow();
    store().closeWorkshop();
    await settle();
    // Stored, nothing left to send, and no stale closed session makes the next save think the host is behind.
    expect((await host.client.call('agreements.get', { id })).agreement.icp.company.industry).toBe('Retail and food');
    expect(readShadow(id)).toBeNull();
  });

  it('stores what the screen showed when it closed, even when that was undone while a save was on its way', async () => {
    await store().openWorkshop(id);
    store().setField(['icp', 'company', 'industry'], 'Retail');
    const saving = store().saveNow();
    // Back to the text the screen opened with while "Retail" is being sent, then the screen closes.
    store().undo();
    expect(store().session?.draft.icp.company.industry).toBe('');
    store().closeWorkshop();
    await saving;
    await vi.waitFor(async () => expect((await host.client.call('agreements.get', { id })).agreement.icp.company.industry).toBe(''));
    await settle();
    expect((await host.client.call('agreements.get', { id })).agreement.icp.company.industry).toBe('');
    expect(readShadow(id)).toBeNull();
  });
});
