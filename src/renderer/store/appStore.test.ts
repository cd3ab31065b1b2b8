import { afterEach, describe, expect, it } from 'vitest';
import type { ApiClient } from '../../shared/api/client';
import type { AgreementSummary } from '../../shared/api/contract';
import { setApiClient } from '../api/apiClient';
import { resetAppStore, useAppStore } from './appStore';

const summary = (id: string, title: string): AgreementSummary => ({
  id,
  title,
  company: '',
  language: 'en',
  status: 'draft',
  version: 1,
  revision: 1,
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
  deletedAt: null,
  stepsComplete: 0,
  stepsTotal: 8,
  signatures: null,
});

/** A client whose `agreements.list` answers are released by the test, to control their order. */
function controlledClient() {
  const calls: { input: unknown; resolve: (value: AgreementSummary[]) => void }[] = [];
  const send = (_name: string, input: unknown) => new Promise<unknown>((resolve) => calls.push({ input, resolve: (value) => resolve({ ok: true, value }) }));
  const client: ApiClient = {
    send: send as ApiClient['send'],
    call: () => Promise.reject(new Error('not used')),
  };
  return { client, calls };
}

afterEach(() => {
  resetAppStore();
  setApiClient(null);
});

describe('app store', () => {
  it('keeps only the answer to the latest search when replies arrive out of order', async () => {
    const { client, calls } = controlledClient();
    setApiClient(client);
    useAppStore.getState().setListQuery('a');
    useAppStore.getState().setListQuery('ab');
    expect(calls.map((c) => c.input)).toEqual([{ query: 'a' }, { query: 'ab' }]);
    calls[1]?.resolve([summary('2', 'ab')]);
    calls[0]?.resolve([summary('1', 'a')]);
    await new Promise((r) => setTimeout(r, 0));
    expect(useAppStore.getState().agreements.map((a) => a.id)).toEqual(['2']);
    expect(useAppStore.getState().listLoading).toBe(false);
  });

  it('asks for the trash when the trash is opened, clearing the live list at once', () => {
    const { client, calls } = controlledClient();
    setApiClient(client);
    useAppStore.setState({ agreements: [summary('1', 'live')] });
    useAppStore.getState().openList('trash');
    expect(useAppStore.getState().agreements).toEqual([]);
    expect(calls[0]?.input).toEqual({ trash: true });
  });

  it('stores an error reply instead of throwing', async () => {
    setApiClient({
      send: (() => Promise.resolve({ ok: false, error: { kind: 'storage', message: 'disk', params: { detail: 'x' } } })) as ApiClient['send'],
      call: () => Promise.reject(new Error('not used')),
    });
    await useAppStore.getState().loadAgreements();
    expect(useAppStore.getState().listError?.kind).toBe('storage');
  });

  it('persists the chosen language, and reset forgets it', () => {
    useAppStore.getState().setLanguage('es');
    expect(useAppStore.getState().language).toBe('es');
    resetAppStore();
    expect(useAppStore.getState().language).toBeNull();
  });
});
