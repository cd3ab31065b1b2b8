import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, type ApiClient } from '../src/shared/api/client';
import type { Agreement } from '../src/shared/model/schema';
import { createDirectTransport } from '../src/main/core/directTransport';
import { setApiClient } from '../src/renderer/api/apiClient';
import { connection } from '../src/renderer/api/connection';
import { readShadow, readShadows, writeShadow } from '../src/renderer/features/workshop/state/shadowCopy';
import { useAppStore } from '../src/renderer/store/appStore';
import { pathKey } from '../src/shared/merge/paths';
import { startHost, type HostUnderTest } from './support/hosts';
import { MemoryStorage } from './support/memoryStorage';
import { strokePngDataUrl } from './support/png';

/**
 * Two windows on one agreement. This window is the store; the other window is the host's own client, saving
 * and signing as another window would. What is stored is read back from the host.
 */
describe('two windows on one agreement', () => {
  let host: HostUnderTest;
  let id: string;
  let sends: string[];
  const store = () => useAppStore.getState();
  const session = () => {
    const s = store().session;
    if (!s) throw new Error('no session');
    return s;
  };
  const stored = async (target = id) => (await host.client.call('agreements.get', { id: target })).agreement;
  /** The other window saves one change over the latest stored version. */
  const otherWindowSaves = async (change: (a: Agreement) => Agreement) => {
    const { agreement, revision } = await host.client.call('agreements.get', { id });
    return (await host.client.call('agreements.save', { id, revision, agreement: change(agreement) })).revision;
  };
  const withNotes =
    (notes: Partial<Agreement['notes']>) =>
    (a: Agreement): Agreement => ({ ...a, notes: { ...a.notes, ...notes } });

  function useClient(client: ApiClient): void {
    setApiClient({
      send: (name, input) => {
        sends.push(name);
        return client.send(name, input);
      },
      call: client.call,
    });
  }

  beforeEach(async () => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    connection.reset();
    sends = [];
    host = await startHost('direct');
    useClient(createApiClient(createDirectTransport(host.core.dispatch)));
    id = (await host.client.call('agreements.create', { source: 'example', language: 'es' })).agreement.meta.id;
    await store().openWorkshop(id);
    vi.useFakeTimers();
  });
  afterEach(async () => {
    vi.useRealTimers();
    store().closeWorkshop();
    await new Promise((r) => setTimeout(r, 10));
    setApiClient(null);
    connection.reset();
    vi.unstubAllGlobals();
    await host.close();
  });

  it('keeps both texts when the two windows typed into different fields (no dialog)', async () => {
    await otherWindowSaves(withNotes({ icp: 'del otro' }));
    store().setField(['notes', 'kpis'], 'mío');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session().conflict).toBeNull();
    expect(session().save.status).toBe('saved');
    expect((await stored()).notes).toMatchObject({ icp: 'del otro', kpis: 'mío' });
    expect(session().draft.notes).toMatchObject({ icp: 'del otro', kpis: 'mío' });
  });

  it('shows both values of a field both changed, keeps everything else merged, and stores nothing until the user decides', async () => {
    const stage = session().draft.lifecycle.stages[1]!;
    await otherWindowSaves((a) => ({
      ...withNotes({ icp: 'del otro' })(a),
      lifecycle: { ...a.lifecycle, stages: a.lifecycle.stages.map((s) => (s.id === stage.id ? { ...s, definition: 'Definición del otro' } : s)) },
    }));
    store().setField(['notes', 'icp'], 'mío');
    store().setField(['notes', 'goals'], 'solo mío');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session().save.status).toBe('conflict');
    expect(session().conflict?.conflicts).toEqual([{ path: ['notes', 'icp'], kind: 'value', base: '', mine: 'mío', theirs: 'del otro' }]);
    expect(session().draft.lifecycle.stages[1]!.definition).toBe('Definición del otro');
    expect(session().draft.notes).toMatchObject({ icp: 'mío', goals: 'solo mío' });
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await stored()).notes).toMatchObject({ icp: 'del otro', goals: '' });

    expect(await store().resolveConflict(new Map())).toBe(false);
    expect(await store().resolveConflict(new Map([[pathKey(['notes', 'icp']), { take: 'combined', value: 'mío y del otro' }]]))).toBe(true);
    expect(session().save.status).toBe('saved');
    const after = await stored();
    expect(after.notes).toMatchObject({ icp: 'mío y del otro', goals: 'solo mío' });
    expect(after.lifecycle.stages[1]!.definition).toBe('Definición del otro');
  });

  it('refuses a combined text longer than its field allows, and keeps the dialog open', async () => {
    await otherWindowSaves((a) => ({ ...a, meta: { ...a.meta, title: 'Título del otro' } }));
    store().setField(['meta', 'title'], 'Mi título');
    await vi.advanceTimersByTimeAsync(1_000);
    const decision = new Map([[pathKey(['meta', 'title']), { take: 'combined' as const, value: 'x'.repeat(201) }]]);
    expect(await store().resolveConflict(decision)).toBe(false);
    expect(session().save.status).toBe('conflict');
    expect((await stored()).meta.title).toBe('Título del otro');
  });

  it('reloads silently when told of another window’s save and nothing here is unsaved', async () => {
    const revision = await otherWindowSaves(withNotes({ handoff: 'del otro' }));
    sends = [];
    await store().agreementChanged({ id, revision });
    expect(session().draft.notes.handoff).toBe('del otro');
    expect(session()).toMatchObject({ revision, save: { status: 'saved' } });
    expect(sends).toEqual(['agreements.get']);
  });

  it('merges at once when told of another window’s save while this one has unsaved edits', async () => {
    store().setField(['notes', 'protocol'], 'mío');
    const revision = await otherWindowSaves(withNotes({ cadence: 'del otro' }));
    await store().agreementChanged({ id, revision });
    // Merged before this window's own autosave ran: its next save names the other window's revision.
    expect(session()).toMatchObject({ revision, draft: { notes: { protocol: 'mío', cadence: 'del otro' } } });
    expect(sends).not.toContain('agreements.save');
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stored()).notes).toMatchObject({ protocol: 'mío', cadence: 'del otro' });
    expect(session().save.status).toBe('saved');
  });

  it('ignores the notice of its own save (Electron tells the writer too)', async () => {
    store().setField(['notes', 'kpis'], 'mío');
    await vi.advanceTimersByTimeAsync(1_000);
    sends = [];
    await store().agreementChanged({ id, revision: session().revision });
    await store().agreementChanged({ id: 'another-agreement', revision: 99 });
    expect(sends).toEqual([]);
  });

  it('never lets undo take back the other window’s text after a merge', async () => {
    store().setField(['notes', 'icp'], 'mío');
    const revision = await otherWindowSaves(withNotes({ goals: 'del otro' }));
    await store().agreementChanged({ id, revision });
    store().undo();
    expect(session().draft.notes).toMatchObject({ icp: '', goals: 'del otro' });
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stored()).notes).toMatchObject({ icp: '', goals: 'del otro' });
  });

  it('shows exactly what was signed elsewhere, and carries this window’s unsaved edits into the amendment', async () => {
    store().setField(['notes', 'kpis'], 'escrito justo antes de la firma');
    const { agreement, revision } = await host.client.call('agreements.get', { id });
    let current = revision;
    for (const [n, signer] of agreement.participants.filter((p) => p.mustSign).entries()) {
      const { fingerprint } = await host.client.call('signing.preview', { id });
      const signed = await host.client.call('signing.sign', {
        id,
        revision: current,
        participantId: signer.id,
        name: signer.name,
        jobTitle: signer.jobTitle,
        image: strokePngDataUrl(n),
        consent: true,
        fingerprint,
      });
      current = signed.record.revision;
    }
    await store().agreementChanged({ id, revision: current });
    expect(session()).toMatchObject({ readOnly: true, overtaken: true, save: { status: 'readOnly' } });
    expect(session().draft.notes.kpis).toBe('');
    const amendment = await host.client.call('agreements.amend', { id });
    store().closeWorkshop();
    await store().openWorkshop(amendment.id);
    expect(session()).toMatchObject({ id: amendment.id, recovered: true, draft: { notes: { kpis: 'escrito justo antes de la firma' } } });
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stored(amendment.id)).notes.kpis).toBe('escrito justo antes de la firma');
    expect(readShadows(id)).toEqual([]);
  });

  it('says at once when the host refuses this tab’s token, never retries, and keeps every keystroke locally', async () => {
    const real = createApiClient(createDirectTransport(host.core.dispatch));
    useClient({
      ...real,
      send: (name, input) => {
        if (name !== 'agreements.save') return real.send(name, input);
        connection.answered(401);
        return Promise.resolve({ ok: false, error: { kind: 'unauthorized', message: 'Missing or wrong token' } });
      },
    } as ApiClient);
    store().setField(['notes', 'goals'], 'sin guardar');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session().save.status).toBe('expired');
    store().setField(['notes', 'goals'], 'sin guardar todavía');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sends.filter((name) => name === 'agreements.save')).toHaveLength(1);
    expect(session().save.status).toBe('expired');
    expect(readShadow(id)?.agreement.notes.goals).toBe('sin guardar todavía');
  });

  it('sends the last edits when the agreement is closed while a save is in flight, and keeps their copy until stored', async () => {
    const real = createApiClient(createDirectTransport(host.core.dispatch));
    let release: () => void = () => undefined;
    const replyHeld = new Promise<void>((resolve) => (release = resolve));
    let first = true;
    useClient({
      ...real,
      send: async (name, input) => {
        const result = await real.send(name, input);
        if (name === 'agreements.save' && first) {
          first = false;
          await replyHeld;
        }
        return result;
      },
    } as ApiClient);
    store().setField(['notes', 'icp'], 'primera parte');
    await vi.advanceTimersByTimeAsync(1_000);
    store().setField(['notes', 'icp'], 'primera parte y el final');
    await vi.advanceTimersByTimeAsync(250);
    store().closeWorkshop();
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect((await stored()).notes.icp).toBe('primera parte y el final');
    expect(readShadows(id)).toEqual([]);
  });

  it('merges a copy of unsaved edits into a newer stored version when the agreement opens again', async () => {
    const base = session().draft;
    store().closeWorkshop();
    await vi.advanceTimersByTimeAsync(50);
    writeShadow(id, 1, withNotes({ icp: 'escrito antes del cierre' })(base), base);
    await otherWindowSaves(withNotes({ goals: 'guardado en otra ventana' }));
    await store().openWorkshop(id);
    expect(session()).toMatchObject({
      recovered: true,
      conflict: null,
      draft: { notes: { icp: 'escrito antes del cierre', goals: 'guardado en otra ventana' } },
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect((await stored()).notes).toMatchObject({ icp: 'escrito antes del cierre', goals: 'guardado en otra ventana' });
    expect(readShadows(id)).toEqual([]);
  });

  it('opens the dialog when a kept copy collides with what another window stored, and removes the copy once decided', async () => {
    const base = session().draft;
    store().closeWorkshop();
    await vi.advanceTimersByTimeAsync(50);
    writeShadow(id, 1, withNotes({ icp: 'copia local' })(base), base);
    await otherWindowSaves(withNotes({ icp: 'guardado en otra ventana' }));
    await store().openWorkshop(id);
    expect(session()).toMatchObject({ recovered: true, save: { status: 'conflict' } });
    expect(session().conflict?.conflicts).toMatchObject([{ path: ['notes', 'icp'], mine: 'copia local', theirs: 'guardado en otra ventana' }]);
    await store().resolveConflict(new Map([[pathKey(['notes', 'icp']), { take: 'mine' }]]));
    expect((await stored()).notes.icp).toBe('copia local');
    expect(readShadows(id)).toEqual([]);
  });

  it('never clears the copy another window keeps of its own unsaved edits', async () => {
    const other = withNotes({ handoff: 'otra ventana, sin guardar' })(session().draft);
    localStorage.setItem(
      `sla-workshop.unsaved.${id}|other-window`,
      JSON.stringify({ baseRevision: 1, savedAt: Date.now(), agreement: other, base: session().draft }),
    );
    store().setField(['notes', 'icp'], 'esta ventana');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session().save.status).toBe('saved');
    expect(readShadows(id).map((found) => found.copy.agreement.notes.handoff)).toEqual(['otra ventana, sin guardar']);
  });
});
