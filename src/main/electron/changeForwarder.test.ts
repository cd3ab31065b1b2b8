import { describe, expect, it, vi } from 'vitest';
import { IPC } from '../../preload/api-types';
import { createCoreEvents } from '../core/coreEvents';
import { forwardAgreementChanges, type ChangeReceiver } from './changeForwarder';

vi.mock('electron', () => ({}));

const APP = ['app://sla'];
function receiver(url = 'app://sla/index.html', destroyed = false) {
  const send = vi.fn<ChangeReceiver['send']>();
  return { isDestroyed: () => destroyed, getURL: () => url, send };
}

describe('forwarding agreement changes to the windows', () => {
  it('sends every change to every window showing our page, on the change channel', () => {
    const events = createCoreEvents();
    const windows = [receiver(), receiver('app://sla/index.html#/agreements/a1/goals')];
    forwardAgreementChanges(events, () => windows, APP);
    events.emit('agreementChanged', { id: 'a1', revision: 3 });
    events.emit('agreementChanged', { id: 'a1', revision: null });
    for (const window of windows) {
      expect(window.send.mock.calls).toEqual([
        [IPC.agreementChanged, { id: 'a1', revision: 3 }],
        [IPC.agreementChanged, { id: 'a1', revision: null }],
      ]);
    }
  });

  it('skips windows that are gone, that show another origin, or that fail while closing', () => {
    const events = createCoreEvents();
    const gone = receiver('app://sla/index.html', true);
    const foreign = receiver('https://evil.example/');
    const closing = {
      ...receiver(),
      send: vi.fn<ChangeReceiver['send']>(() => {
        throw new Error('Object has been destroyed');
      }),
    };
    const ours = receiver();
    forwardAgreementChanges(events, () => [gone, foreign, closing, ours], APP);
    events.emit('agreementChanged', { id: 'a1', revision: 2 });
    expect(gone.send).not.toHaveBeenCalled();
    expect(foreign.send).not.toHaveBeenCalled();
    expect(ours.send).toHaveBeenCalledWith(IPC.agreementChanged, { id: 'a1', revision: 2 });
  });

  it('sends only a checked two-field copy, never a malformed or enlarged event', () => {
    const events = createCoreEvents();
    const ours = receiver();
    forwardAgreementChanges(events, () => [ours], APP);
    events.emit('agreementChanged', { id: '', revision: 2 });
    events.emit('agreementChanged', { id: 'a1', revision: 0 });
    events.emit('agreementChanged', { id: 'a1', revision: 2, secret: 'x' } as never);
    expect(ours.send).not.toHaveBeenCalled();
  });

  it('stops forwarding when asked', () => {
    const events = createCoreEvents();
    const ours = receiver();
    const stop = forwardAgreementChanges(events, () => [ours], APP);
    stop();
    events.emit('agreementChanged', { id: 'a1', revision: 2 });
    expect(ours.send).not.toHaveBeenCalled();
  });
});
