import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setApiClient } from '../../../api/apiClient';
import { startHost, type HostUnderTest } from '../../../../../test/support/hosts';
import { createActualsStore } from './actualsStore';

/** The results screens' store against the real core (direct host): what is typed is saved, and never lost to another window. */
describe('the lineage actuals store of the results screen', () => {
  let host: HostUnderTest;
  let id: string;
  beforeEach(async () => {
    host = await startHost('direct');
    setApiClient(host.client);
    id = (await host.client.call('agreements.create', { source: 'example', language: 'en' })).agreement.meta.id;
  });
  afterEach(async () => {
    setApiClient(null);
    await host.close();
  });

  it('loads nothing for a new agreement, saves an edited month with its own revision, and says when it is saved', async () => {
    const store = createActualsStore(id);
    await store.getState().load();
    expect(store.getState()).toMatchObject({ status: 'ready', revision: 0, months: [] });
    store.getState().editMonth('2027-01', (m) => ({ ...m, revenue: 12_000 }));
    expect(store.getState().save.kind).toBe('pending');
    await store.getState().flush();
    expect(store.getState().save.kind).toBe('saved');
    const stored = await host.client.call('actuals.get', { id });
    expect(stored.revision).toBe(1);
    expect(stored.months.map((m) => [m.month, m.revenue])).toEqual([['2027-01', 12_000]]);
    store.getState().dispose();
  });

  it('when another window saved first, keeps both: its months and the ones edited here', async () => {
    const here = createActualsStore(id);
    const there = createActualsStore(id);
    await here.getState().load();
    await there.getState().load();
    there.getState().editMonth('2027-02', (m) => ({ ...m, notes: 'typed in the other window' }));
    await there.getState().flush();
    here.getState().editMonth('2027-03', (m) => ({ ...m, revenue: 5 }));
    await here.getState().flush();
    expect(here.getState().save.kind).toBe('saved');
    const stored = await host.client.call('actuals.get', { id });
    expect(stored.months.map((m) => [m.month, m.notes, m.revenue])).toEqual([
      ['2027-02', 'typed in the other window', null],
      ['2027-03', '', 5],
    ]);
    expect(here.getState().revision).toBe(stored.revision);
    here.getState().dispose();
    there.getState().dispose();
  });

  it('a refused save says why, keeps what was typed on screen, and a retry after a fix saves it', async () => {
    const store = createActualsStore(id);
    await store.getState().load();
    store.getState().editMonth('2027-04', (m) => ({ ...m, pctContactedWithinSla: 150 }));
    await store.getState().flush();
    expect(store.getState().save).toMatchObject({ kind: 'failed', error: { kind: 'invalid_input' } });
    expect(store.getState().months[0]?.pctContactedWithinSla).toBe(150);
    expect((await host.client.call('actuals.get', { id })).months).toEqual([]);
    store.getState().editMonth('2027-04', (m) => ({ ...m, pctContactedWithinSla: 95 }));
    await store.getState().flush();
    expect((await host.client.call('actuals.get', { id })).months[0]?.pctContactedWithinSla).toBe(95);
    store.getState().dispose();
  });
});
