import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/shared/api/client';
import { createDirectTransport } from '../src/main/core/directTransport';
import { setApiClient } from '../src/renderer/api/apiClient';
import { useAppStore } from '../src/renderer/store/appStore';
import { readShadow, writeShadow } from '../src/renderer/features/workshop/state/shadowCopy';
import { pathKey } from '../src/shared/merge/paths';
import { startHost, type HostUnderTest } from './support/hosts';
import { MemoryStorage } from './support/memoryStorage';

describe('a workshop session', () => {
  let host: HostUnderTest;
  let id: string;
  const store = () => useAppStore.getState();
  const session = () => {
    const s = store().session;
    if (!s) throw new Error('no session');
    return s;
  };
  const stored = async () => (await host.client.call('agreements.get', { id })).agreement;

  beforeEach(async () => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    host = await startHost('direct');
    setApiClient(createApiClient(createDirectTransport(host.core.dispatch)));
    id = (await host.client.call('agreements.create', { source: 'blank', language: 'en' })).agreement.meta.id;
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

  it('stores an edit within a second, without waiting for more typing', async () => {
    store().setField(['icp', 'company', 'industry'], 'Retail');
    expect(session().save.status).toBe('pending');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session().save.status).toBe('saved');
    expect((await stored()).icp.company.industry).toBe('Retail');
  });

  it('keeps saving at least every second while someone types without pause', async () => {
    let text = '';
    const savedTexts: string[] = [];
    for (let i = 0; i < 30; i++) {
      text += 'x';
      store().setField(['notes', 'goals'], text);
      await vi.advanceTimersByTimeAsync(100);
      if (i % 10 === 9) savedTexts.push((await stored()).notes.goals);
    }
    // After each second of typing, what is stored is at most a second behind.
    for (const [n, saved] of savedTexts.entries()) expect(saved.length).toBeGreaterThanOrEqual((n + 1) * 10 - 3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stored()).notes.goals).toBe(text);
  });

  it('undoes typing in one field as one step, and undoes across fields in order', async () => {
    for (const value of ['R', 'Re', 'Ret', 'Retail']) store().setField(['icp', 'company', 'industry'], value);
    store().setField(['icp', 'company', 'region'], 'Spain');
    store().undo();
    expect(session().draft.icp.company).toMatchObject({ industry: 'Retail', region: '' });
    store().undo();
    expect(session().draft.icp.company.industry).toBe('');
    store().redo();
    store().redo();
    expect(session().draft.icp.company).toMatchObject({ industry: 'Retail', region: 'Spain' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stored()).icp.company).toMatchObject({ industry: 'Retail', region: 'Spain' });
  });

  it('keeps the text on screen when someone else saved the same field first, and lets the user choose', async () => {
    const theirs = await stored();
    await host.client.call('agreements.save', { id, revision: 1, agreement: { ...theirs, notes: { ...theirs.notes, icp: 'theirs' } } });
    store().setField(['notes', 'icp'], 'mine');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session().save.status).toBe('conflict');
    expect(session().draft.notes.icp).toBe('mine');
    expect((await stored()).notes.icp).toBe('theirs');
    await store().resolveConflict(new Map([[pathKey(['notes', 'icp']), { take: 'mine' }]]));
    expect(session().save.status).toBe('saved');
    expect((await stored()).notes.icp).toBe('mine');
  });

  it('takes the other version of a field when the user picks it', async () => {
    const theirs = await stored();
    await host.client.call('agreements.save', { id, revision: 1, agreement: { ...theirs, notes: { ...theirs.notes, icp: 'theirs' } } });
    store().setField(['notes', 'icp'], 'mine');
    await vi.advanceTimersByTimeAsync(1_000);
    await store().resolveConflict(new Map([[pathKey(['notes', 'icp']), { take: 'theirs' }]]));
    expect(session().draft.notes.icp).toBe('theirs');
    expect(session().save.status).toBe('saved');
    expect(readShadow(id)).toBeNull();
  });

  it('restores edits that never reached the host (crash between keystroke and autosave)', async () => {
    const draft = session().draft;
    store().closeWorkshop();
    await vi.advanceTimersByTimeAsync(50);
    writeShadow(id, 1, { ...draft, notes: { ...draft.notes, handoff: 'typed before the crash' } });
    await store().openWorkshop(id);
    expect(session().recovered).toBe(true);
    expect(session().draft.notes.handoff).toBe('typed before the crash');
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stored()).notes.handoff).toBe('typed before the crash');
    expect(readShadow(id)).toBeNull();
  });

  it('restores edits from a copy written by the previous model version (an app update never drops them)', async () => {
    const draft = session().draft;
    store().closeWorkshop();
    await vi.advanceTimersByTimeAsync(50);
    // Model version 2 kept monthly actuals inside the agreement and wrote no modelVersion in its copies.
    const v2 = { ...draft, notes: { ...draft.notes, handoff: 'typed before the update' }, actuals: [] };
    localStorage.setItem(`sla-workshop.unsaved.${id}|an-older-page`, JSON.stringify({ baseRevision: 1, savedAt: Date.now(), agreement: v2 }));
    await store().openWorkshop(id);
    expect(session().recovered).toBe(true);
    expect(session().draft.notes.handoff).toBe('typed before the update');
    expect(session().draft).not.toHaveProperty('actuals');
  });

  it('leaves a copy written by a newer model version in storage (this app cannot read it, it is not broken)', async () => {
    const key = `sla-workshop.unsaved.${id}|a-newer-page`;
    const text = JSON.stringify({ baseRevision: 1, savedAt: Date.now(), modelVersion: 99, agreement: { future: true } });
    localStorage.setItem(key, text);
    store().closeWorkshop();
    await vi.advanceTimersByTimeAsync(50);
    await store().openWorkshop(id);
    expect(session().recovered).toBe(false);
    expect(localStorage.getItem(key)).toBe(text);
  });

  it('drops a copy left by an earlier app version (no base to merge from) that the host has since moved past', async () => {
    const draft = session().draft;
    store().closeWorkshop();
    await vi.advanceTimersByTimeAsync(50);
    await host.client.call('agreements.save', { id, revision: 1, agreement: { ...draft, notes: { ...draft.notes, icp: 'newer' } } });
    writeShadow(id, 1, { ...draft, notes: { ...draft.notes, icp: 'older' } });
    await store().openWorkshop(id);
    expect(session().recovered).toBe(false);
    expect(session().draft.notes.icp).toBe('newer');
  });

  it('retries after a failed save and keeps the text meanwhile', async () => {
    const realClient = createApiClient(createDirectTransport(host.core.dispatch));
    let failures = 1;
    setApiClient({
      ...realClient,
      send: (name, input) =>
        name === 'agreements.save' && failures-- > 0
          ? Promise.resolve({ ok: false, error: { kind: 'storage', message: 'disk full', params: { detail: 'SQLITE_FULL' } } })
          : realClient.send(name, input),
    } as typeof realClient);
    store().setField(['notes', 'cadence'], 'important');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session().save.status).toBe('error');
    expect(session().draft.notes.cadence).toBe('important');
    await vi.advanceTimersByTimeAsync(1_500);
    expect(session().save.status).toBe('saved');
    expect((await stored()).notes.cadence).toBe('important');
  });
});
