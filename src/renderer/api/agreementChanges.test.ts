import { describe, expect, it, vi } from 'vitest';
import { createApiClient } from '../../shared/api/client';
import type { AgreementSummary } from '../../shared/api/contract';
import { createExample } from '../../shared/model/example';
import { createBroadcastChangeChannel, createDesktopChangeChannel, noticesFor, withChangeNotices, type AgreementChanged } from './agreementChanges';

const summary = (over: Partial<AgreementSummary> = {}): AgreementSummary => ({
  id: 'a1',
  title: 'SLA',
  company: '',
  language: 'en',
  status: 'draft',
  version: 1,
  revision: 3,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
  deletedAt: null,
  stepsComplete: 0,
  stepsTotal: 8,
  signatures: null,
  ...over,
});

describe('what another tab is told after a successful write', () => {
  it('names the agreement and its new revision', () => {
    const agreement = createExample('en');
    expect(noticesFor('agreements.save', { id: 'a1', revision: 2, agreement }, { revision: 3, summary: summary() })).toEqual([{ id: 'a1', revision: 3 }]);
    expect(noticesFor('agreements.rename', { id: 'a1', title: 'x' }, summary({ revision: 4 }))).toEqual([{ id: 'a1', revision: 4 }]);
    expect(noticesFor('agreements.create', { source: 'blank', language: 'en' }, { agreement, revision: 1 })).toEqual([{ id: agreement.meta.id, revision: 1 }]);
  });

  it('says a trashed or purged agreement is gone (null), and asks others to check a superseded version', () => {
    expect(noticesFor('agreements.trash', { id: 'a1' }, summary({ deletedAt: '2026-03-02T10:00:00.000Z' }))).toEqual([{ id: 'a1', revision: null }]);
    expect(noticesFor('agreements.purge', { id: 'a1' }, { id: 'a1' })).toEqual([{ id: 'a1', revision: null }]);
    const amendment = { ...createExample('en'), meta: { ...createExample('en').meta, id: 'v2', amendsId: 'v1', status: 'signed' as const } };
    const signed = noticesFor(
      'signing.sign',
      { id: 'v2', revision: 1, participantId: 'p', name: 'n', jobTitle: 'j', image: 'data:image/png;base64,AA==', consent: true, fingerprint: 'a'.repeat(64) },
      { record: { agreement: amendment, revision: 2 }, fingerprint: 'a'.repeat(64) },
    );
    expect(signed).toEqual([
      { id: 'v2', revision: 2 },
      { id: 'v1', revision: null },
    ]);
  });

  it('says nothing for reads', () => {
    expect(noticesFor('agreements.list', {}, [])).toEqual([]);
  });

  it('announces only writes that succeeded', async () => {
    const announced: AgreementChanged[][] = [];
    const replies: Record<string, unknown> = {
      'agreements.rename': { ok: true, value: summary({ revision: 5 }) },
      'agreements.trash': { ok: false, error: { kind: 'not_found', message: 'gone' } },
    };
    const client = withChangeNotices(
      createApiClient(async (name) => replies[name]),
      (notices) => announced.push(notices),
    );
    await client.send('agreements.rename', { id: 'a1', title: 'x' });
    await client.send('agreements.trash', { id: 'a1' });
    await expect(client.call('agreements.trash', { id: 'a1' })).rejects.toThrow('gone');
    expect(announced).toEqual([[{ id: 'a1', revision: 5 }]]);
  });
});

describe('the channels that carry the notices', () => {
  it('browser mode: posts plain notices and passes on only valid ones from other tabs', () => {
    const target = new EventTarget();
    const posted: unknown[] = [];
    const channel = createBroadcastChangeChannel({
      postMessage: (m: unknown) => void posted.push(m),
      addEventListener: target.addEventListener.bind(target),
      removeEventListener: target.removeEventListener.bind(target),
    });
    channel.announce([{ id: 'a1', revision: 2 }]);
    expect(posted).toEqual([{ id: 'a1', revision: 2 }]);
    const heard = vi.fn();
    const off = channel.subscribe(heard);
    for (const data of [{ id: 'a1', revision: 3 }, { id: 'a1', revision: 'x' }, { id: '', revision: 1 }, '<script>', { id: 'a1', revision: 1, extra: true }])
      target.dispatchEvent(new MessageEvent('message', { data }));
    expect(heard.mock.calls).toEqual([[{ id: 'a1', revision: 3 }]]);
    off();
    target.dispatchEvent(new MessageEvent('message', { data: { id: 'a1', revision: 4 } }));
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('two real BroadcastChannels of one name hear each other, never themselves', async () => {
    const [one, two] = [new BroadcastChannel('sla-test-changes'), new BroadcastChannel('sla-test-changes')];
    try {
      const [a, b] = [createBroadcastChangeChannel(one), createBroadcastChangeChannel(two)];
      const heardByA = vi.fn();
      const heardByB = vi.fn();
      a.subscribe(heardByA);
      b.subscribe(heardByB);
      a.announce([{ id: 'a1', revision: 7 }]);
      await vi.waitFor(() => expect(heardByB).toHaveBeenCalledWith({ id: 'a1', revision: 7 }));
      expect(heardByA).not.toHaveBeenCalled();
    } finally {
      one.close();
      two.close();
    }
  });

  it('Electron: validates what the preload hands over, and announces nothing itself (main does)', () => {
    let deliver: (change: unknown) => void = () => undefined;
    const unsubscribe = vi.fn();
    const channel = createDesktopChangeChannel((listener) => {
      deliver = listener;
      return unsubscribe;
    });
    const heard = vi.fn();
    const off = channel.subscribe(heard);
    deliver({ id: 'a1', revision: null });
    deliver({ id: 'a1', revision: -1 });
    expect(heard.mock.calls).toEqual([[{ id: 'a1', revision: null }]]);
    off();
    expect(unsubscribe).toHaveBeenCalled();
    expect(() => channel.announce([{ id: 'a1', revision: 1 }])).not.toThrow();
  });
});
