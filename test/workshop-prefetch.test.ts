import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/shared/api/client';
import type { OpName } from '../src/shared/api/contract';
import { setApiClient } from '../src/renderer/api/apiClient';
import { useAppStore } from '../src/renderer/store/appStore';
import { startHost, type HostUnderTest } from './support/hosts';
import { MemoryStorage } from './support/memoryStorage';

/**
 * Opening a workshop starts reading its agreement when the route changes, before the screen renders. The
 * early answer is used only when nothing was saved in between: what opens is never older than what was saved.
 */
describe('reading an agreement as soon as the route names it', () => {
  let host: HostUnderTest;
  let a: string;
  let b: string;
  let reads: string[];
  const store = () => useAppStore.getState();

  beforeEach(async () => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    host = await startHost('direct');
    reads = [];
    setApiClient(
      createApiClient(async (name: OpName, input) => {
        if (name === 'agreements.get') reads.push((input as { id: string }).id);
        return host.raw(name, input);
      }),
    );
    a = (await host.client.call('agreements.create', { source: 'blank', language: 'en' })).agreement.meta.id;
    b = (await host.client.call('agreements.create', { source: 'blank', language: 'en' })).agreement.meta.id;
    store().navigate({ name: 'home' });
  });
  afterEach(async () => {
    store().closeWorkshop();
    // The closing save (queued by closeWorkshop) lands before the host goes, so no test leaves one in flight.
    await vi.waitFor(() => expect(store().saveNow()).resolves.toBe(true));
    await new Promise((r) => setTimeout(r, 10));
    setApiClient(null);
    vi.unstubAllGlobals();
    await host.close();
  });

  it('reads once: the route change asks, the opening screen takes the answer', async () => {
    store().syncRouteFromHash(`#/agreements/${a}/participants`);
    expect(reads).toEqual([a]);
    await store().openWorkshop(a);
    expect(reads).toEqual([a]);
    expect(store().session?.id).toBe(a);
    expect(store().workshopLoad.status).toBe('ready');
  });

  it('reads again when a save started after the early read, so the newest text opens', async () => {
    await store().openWorkshop(a);
    store().setField(['icp', 'company', 'industry'], 'Retail');
    // The route moves on while the edit is unsaved: no early read (it could predate the save).
    store().syncRouteFromHash(`#/agreements/${b}/participants`);
    expect(reads).toEqual([a]);
    store().closeWorkshop();
    await store().openWorkshop(b);
    expect(reads).toEqual([a, b]);

    // An early read of a, then a save of a (another screen's), then the opening: read again.
    store().closeWorkshop();
    store().syncRouteFromHash('#/');
    store().syncRouteFromHash(`#/agreements/${a}/participants`);
    await store().openWorkshop(a);
    expect(store().session?.draft.icp.company.industry).toBe('Retail');
    store().setField(['icp', 'company', 'industry'], 'Retail and food');
    store().syncRouteFromHash('#/');
    store().closeWorkshop();
    store().syncRouteFromHash(`#/agreements/${a}/participants`);
    // The close queued the last edit's save; the early read was skipped or is discarded.
    await store().openWorkshop(a);
    expect(store().session?.draft.icp.company.industry).toBe('Retail and food');
    const stored = await host.client.call('agreements.get', { id: a });
    expect(store().session?.revision).toBe(stored.revision);

    // Once the closing save has landed, nothing is pending: the next route change reads early again.
    store().closeWorkshop();
    store().syncRouteFromHash('#/');
    const before = reads.length;
    store().syncRouteFromHash(`#/agreements/${b}/participants`);
    expect(reads.slice(before)).toEqual([b]);
  });

  it('does not use an early read taken before a save that started later', async () => {
    await store().openWorkshop(a);
    store().setField(['icp', 'company', 'region'], 'Spain');
    expect(await store().saveNow()).toBe(true);
    store().closeWorkshop();
    store().syncRouteFromHash('#/');
    store().syncRouteFromHash(`#/agreements/${b}/participants`);
    expect(reads.at(-1)).toBe(b);
    // Another agreement saves after the early read began (here: through the slice, as a closing screen would).
    await store().openWorkshop(a);
    store().setField(['icp', 'company', 'region'], 'Spain and Portugal');
    expect(await store().saveNow()).toBe(true);
    store().closeWorkshop();
    const before = reads.length;
    await store().openWorkshop(b);
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toBe(b);
  });

  it('reads again when the early answer is old', async () => {
    const now = Date.now();
    const clock = vi.spyOn(Date, 'now').mockReturnValue(now);
    store().syncRouteFromHash(`#/agreements/${a}/participants`);
    clock.mockReturnValue(now + 5_000);
    await store().openWorkshop(a);
    clock.mockRestore();
    expect(reads).toEqual([a, a]);
  });
});
