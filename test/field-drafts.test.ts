import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../src/shared/api/client';
import { createDirectTransport } from '../src/main/core/directTransport';
import { setApiClient } from '../src/renderer/api/apiClient';
import { useAppStore } from '../src/renderer/store/appStore';
import { draftKey } from '../src/renderer/features/workshop/state/draftKey';
import { liveDrafts, type FieldDraft } from '../src/renderer/features/workshop/state/fieldDrafts';
import { signAgreement } from '../src/renderer/features/workshop/steps/review/useSign';
import { startHost, type HostUnderTest } from './support/hosts';

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() {
    return this.map.size;
  }
  clear() {
    this.map.clear();
  }
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  key(index: number) {
    return [...this.map.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
}

/** The per-field drafts of the workshop: invalid text kept beside the agreement, never inside it. */
describe('field drafts', () => {
  let host: HostUnderTest;
  let id: string;
  const store = () => useAppStore.getState();
  const draftAgreement = () => {
    const s = store().session;
    if (!s) throw new Error('no session');
    return s.draft;
  };
  const stored = async () => (await host.client.call('agreements.get', { id })).agreement;
  const person = (pid: string, name: string) => ({ id: pid, name, jobTitle: '', team: 'sales' as const, email: '', role: 'member' as const, mustSign: false });
  const typeInvalid = (path: (string | number)[], raw: string, settled = true): string => {
    const key = draftKey(draftAgreement(), path);
    const draft: FieldDraft = { agreementId: id, path, raw, problem: { key: 'steps.participants.fields.email.invalid' }, settled, base: '', label: 'E-mail' };
    store().putFieldDraft(key, draft);
    return key;
  };

  beforeEach(async () => {
    vi.stubGlobal('localStorage', new MemoryStorage());
    host = await startHost('direct');
    setApiClient(createApiClient(createDirectTransport(host.core.dispatch)));
    id = (await host.client.call('agreements.create', { source: 'blank', language: 'en' })).agreement.meta.id;
    await store().openWorkshop(id);
    store().edit((d) => void d.participants.push(person('p-ana', 'Ana'), person('p-bruno', 'Bruno'), person('p-carla', 'Carla')));
    await store().saveNow();
  });
  afterEach(async () => {
    store().closeWorkshop();
    await new Promise((r) => setTimeout(r, 10));
    setApiClient(null);
    vi.unstubAllGlobals();
    await host.close();
  });

  it('stays with its item when the list around it changes', () => {
    typeInvalid(['participants', 2, 'email'], 'carla.ruiz@acme');
    store().edit((d) => void d.participants.splice(1, 1));
    expect(liveDrafts(store()).map((d) => [d.path, d.draft.raw])).toEqual([[['participants', 1, 'email'], 'carla.ruiz@acme']]);
    // Removing Carla herself takes her unfinished e-mail with her.
    store().edit((d) => void d.participants.splice(1, 1));
    expect(liveDrafts(store())).toEqual([]);
  });

  it('is set aside when the stored value changes otherwise, and comes back with it (undo, redo)', () => {
    typeInvalid(['participants', 0, 'email'], 'ana@');
    store().setField(['participants', 0, 'email'], 'ana@acme.example');
    expect(liveDrafts(store())).toEqual([]);
    store().undo();
    expect(liveDrafts(store()).map((d) => d.draft.raw)).toEqual(['ana@']);
  });

  it('never reaches the host: other fields keep saving while one is invalid', async () => {
    typeInvalid(['participants', 2, 'email'], 'carla.ruiz@acme');
    store().setField(['icp', 'company', 'industry'], 'Robotics');
    expect(await store().saveNow()).toBe(true);
    const saved = await stored();
    expect(saved.icp.company.industry).toBe('Robotics');
    expect(saved.participants[2]?.email).toBe('');
    expect(JSON.stringify(saved)).not.toContain('carla.ruiz@acme');
  });

  it('is kept on this computer and restored when the agreement is opened again', async () => {
    typeInvalid(['participants', 2, 'email'], 'carla.ruiz@acme', false);
    store().closeWorkshop();
    expect(store().fieldDrafts).toEqual({});
    await store().openWorkshop(id);
    // Restored as left: judged, so it counts as invalid at once.
    expect(liveDrafts(store()).map((d) => [d.draft.raw, d.draft.settled])).toEqual([['carla.ruiz@acme', true]]);
  });

  it('is dropped on opening when the stored value changed meanwhile (another window completed it)', async () => {
    typeInvalid(['participants', 2, 'email'], 'carla.ruiz@acme');
    store().closeWorkshop();
    const record = await host.client.call('agreements.get', { id });
    const agreement = structuredClone(record.agreement);
    agreement.participants[2] = { ...agreement.participants[2]!, email: 'carla@acme.example' };
    await host.client.call('agreements.save', { id, revision: record.revision, agreement });
    await store().openWorkshop(id);
    expect(liveDrafts(store())).toEqual([]);
    expect(localStorage.getItem(`sla-workshop.fieldDrafts.${id}`)).toBeNull();
  });

  it('drops a broken or hostile copy instead of trusting it', async () => {
    store().closeWorkshop();
    for (const text of [
      '{not json',
      JSON.stringify({ version: 1, drafts: { k: { agreementId: id, raw: 5 } } }),
      JSON.stringify({ version: 1, drafts: { k: { agreementId: 'other', path: [], raw: 'x', problem: { key: 'k' }, settled: true, base: null, label: '' } } }),
    ]) {
      localStorage.setItem(`sla-workshop.fieldDrafts.${id}`, text);
      await store().openWorkshop(id);
      expect(store().fieldDrafts).toEqual({});
      store().closeWorkshop();
    }
  });

  it('blocks signing while a field holds text that is not stored', async () => {
    const input = {
      participantId: 'p-ana',
      name: 'Ana',
      jobTitle: 'CMO',
      image: 'data:image/png;base64,AAAA',
      fingerprint: 'a'.repeat(64),
      updateJobTitle: false,
    };
    // Without drafts the host answers (this blank agreement is incomplete); with one, nothing is sent.
    const answered = await signAgreement(input);
    expect(answered.ok).toBe(false);
    expect(answered).not.toEqual({ ok: false, error: 'notSaved' });
    typeInvalid(['participants', 2, 'email'], 'carla.ruiz@acme');
    expect(await signAgreement(input)).toEqual({ ok: false, error: 'notSaved' });
  });

  it('ends when the version becomes read-only (signed): nothing is left to type into', () => {
    typeInvalid(['participants', 2, 'email'], 'carla.ruiz@acme');
    const session = store().session;
    if (!session) throw new Error('no session');
    useAppStore.setState({ session: { ...session, readOnly: true } });
    expect(store().fieldDrafts).toEqual({});
    expect(localStorage.getItem(`sla-workshop.fieldDrafts.${id}`)).toBeNull();
  });
});
