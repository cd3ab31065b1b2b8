import type { IpcMainInvokeEvent } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createIpcApiHandler } from './ipcHost';
import { createTrustedSenderCheck, isTrustedSender } from './trustedSender';

vi.mock('electron', () => ({}));

const APP = ['app://sla'];
const mainFrame = (url: string) => ({ senderFrame: { url, parent: null } });

describe('a trusted IPC sender', () => {
  it('is the top-level frame showing our own page', () => {
    expect(isTrustedSender(mainFrame('app://sla/index.html'), APP)).toBe(true);
    expect(isTrustedSender(mainFrame('app://sla/'), APP)).toBe(true);
  });

  it('is never a subframe, even one of our own origin', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://sla/index.html', parent: { url: 'app://sla/index.html' } } }, APP)).toBe(false);
  });

  it('is never a page from another origin, nor a frame that is gone', () => {
    expect(isTrustedSender(mainFrame('https://example.com/'), APP)).toBe(false);
    expect(isTrustedSender(mainFrame('file:///tmp/x.html'), APP)).toBe(false);
    expect(isTrustedSender(mainFrame('http://localhost:5173/'), APP)).toBe(false);
    expect(isTrustedSender({ senderFrame: null }, APP)).toBe(false);
    const disposed = {
      get senderFrame(): { url: string; parent: null } {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(isTrustedSender(disposed, APP)).toBe(false);
  });

  it('is the dev server page in development, when that is the origin we loaded', () => {
    expect(isTrustedSender(mainFrame('http://localhost:5173/'), ['http://localhost:5173'])).toBe(true);
  });
});

describe('the IPC API handler behind the sender check', () => {
  it('answers unauthorized to strangers without calling dispatch, and dispatches for our page', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'info' }));
    const handler = createIpcApiHandler(dispatch, createTrustedSenderCheck(APP));
    const stranger = mainFrame('https://evil.example/') as unknown as IpcMainInvokeEvent;
    const ours = mainFrame('app://sla/index.html') as unknown as IpcMainInvokeEvent;

    expect(await handler(stranger, 'app.info', {})).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(dispatch).not.toHaveBeenCalled();
    expect(await handler(ours, 'app.info', {})).toEqual({ ok: true, value: 'info' });
    expect(dispatch).toHaveBeenCalledWith('app.info', {});
  });
});
