import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApiClient, type ApiClient } from '../src/shared/api/client';
import { createDirectTransport } from '../src/main/core/directTransport';
import { setApiClient } from '../src/renderer/api/apiClient';
import { useAppStore } from '../src/renderer/store/appStore';
import { createI18n, describeError } from '../src/shared/i18n';
import { LIMITS } from '../src/shared/model/limits';
import { startHost, type HostUnderTest } from './support/hosts';
import { MemoryStorage } from './support/memoryStorage';

/**
 * The autosave against the real core: a save the core refuses because of what it contains is sent once and
 * never again on its own (it would be refused forever), the reason is there to show, and the text stays.
 */
describe('a save the core refuses', () => {
  let host: HostUnderTest;
  let id: string;
  let saves: number;
  const store = () => useAppStore.getState();
  const session = () => {
    const s = store().session;
    if (!s) throw new Error('no session');
    return s;
  };

  /** The real client, counting the saves it sends (the core's answers are its own). */
  function countingClient(): ApiClient {
    const real = createApiClient(createDirectTransport(host.core.dispatch));
    return {
      ...real,
      send: (name, input) => {
        if (name === 'agreements.save') saves++;
        return real.send(name, input);
      },
    };
  }

  beforeEach(async () => {
    saves = 0;
    vi.stubGlobal('localStorage', new MemoryStorage());
    host = await startHost('direct');
    setApiClient(countingClient());
    id = (await host.client.call('agreements.create', { source: 'blank', language: 'es' })).agreement.meta.id;
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

  it('is sent once, says why in both languages, and keeps the text on screen', async () => {
    // Longer than the model allows: the core answers invalid_input, whatever the number of attempts.
    const tooLong = 'x'.repeat(LIMITS.longText + 1);
    store().edit((draft) => {
      draft.notes.goals = tooLong;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toBe(1);
    expect(session().save.status).toBe('refused');
    expect(session().save.error?.kind).toBe('invalid_input');

    // Minutes later, still one attempt: no retry loop against an answer that cannot change.
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(saves).toBe(1);
    expect(session().save.status).toBe('refused');
    // Compared by identity, not printed: a failure should not dump 20,000 characters.
    expect(session().draft.notes.goals === tooLong).toBe(true);
    expect(session().draft === session().acknowledged).toBe(false);
    expect((await host.client.call('agreements.get', { id })).agreement.notes.goals).toBe('');

    // The reason shown next to the save state names the field, in Spanish and in English.
    const error = session().save.error;
    if (!error) throw new Error('no error kept');
    const es = describeError(createI18n('es').t, error);
    const en = describeError(createI18n('en').t, error);
    expect(es).toContain('notes.goals');
    expect(en).toContain('notes.goals');
    expect(es).not.toBe(en);
  });

  it('sends again after the next edit, which may fix what was refused', async () => {
    store().edit((draft) => {
      draft.notes.goals = 'x'.repeat(LIMITS.longText + 1);
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toBe(1);
    store().setField(['notes', 'goals'], 'short enough');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toBe(2);
    expect(session().save.status).toBe('saved');
    expect((await host.client.call('agreements.get', { id })).agreement.notes.goals).toBe('short enough');
  });

  it('still retries, with backoff, a failure that may pass (storage)', async () => {
    const counting = countingClient();
    let failures = 2;
    setApiClient({
      ...counting,
      send: (name, input) =>
        name === 'agreements.save' && failures-- > 0
          ? (saves++, Promise.resolve({ ok: false as const, error: { kind: 'storage' as const, message: 'disk busy' } }))
          : counting.send(name, input),
    });
    store().setField(['notes', 'kpis'], 'kept');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(session().save.status).toBe('error');
    expect(saves).toBe(1);
    await vi.advanceTimersByTimeAsync(1_100);
    expect(saves).toBe(2);
    // The second wait is longer than the first.
    await vi.advanceTimersByTimeAsync(1_100);
    expect(saves).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(saves).toBe(3);
    expect(session().save.status).toBe('saved');
  });
});

/**
 * Field paths are typed from the model: each line below is a mistake that must not compile (checked by
 * `npm run typecheck`; an expect-error with no error fails it). Never called: only its types matter.
 */
export function typedPathMistakes(): void {
  const { setField } = useAppStore.getState();
  // @ts-expect-error — 'industy' is not a field of the company profile.
  setField(['icp', 'company', 'industy'], 'Retail');
  // @ts-expect-error — a participant's name is text, not a number.
  setField(['participants', 0, 'name'], 42);
  // @ts-expect-error — list items are reached by number.
  setField(['participants', 'first', 'name'], 'Ana');
  // @ts-expect-error — a stage's optional flag is a yes/no, not text.
  setField(['lifecycle', 'stages', 1, 'optional'], 'yes');
  setField(['participants', 0, 'name'], 'Ana');
}
