import type { IpcMainInvokeEvent } from 'electron';
import { createApiClient, type ApiClient, type RawTransport } from '../../src/shared/api/client';
import { createCore, type Core } from '../../src/main/core/core';
import { createDirectTransport } from '../../src/main/core/directTransport';
import { createIpcApiHandler } from '../../src/main/electron/ipcHost';
import { newToken } from '../../src/main/http/security';
import { createHttpHost } from '../../src/main/http/server';
import { createHttpTransport } from '../../src/renderer/api/httpTransport';
import { removeDir, tempDir } from './tempDirs';

export interface HostUnderTest {
  client: ApiClient;
  raw: RawTransport;
  core: Core;
  dataDir: string;
  close(): Promise<void>;
}

export const HOST_KINDS = ['direct', 'http', 'ipc'] as const;
export type HostKindUnderTest = (typeof HOST_KINDS)[number];

/** Starts a fresh core on a temp data folder behind one of the three hosts. */
export async function startHost(kind: HostKindUnderTest, dataDir = tempDir()): Promise<HostUnderTest> {
  const core = createCore({ dataDir, appVersion: '9.9.9-test', host: kind === 'http' ? 'browser' : kind === 'ipc' ? 'electron' : 'direct' });
  let raw: RawTransport;
  let stop: () => Promise<void> = async () => undefined;
  if (kind === 'direct') {
    raw = createDirectTransport(core.dispatch);
  } else if (kind === 'http') {
    const token = newToken();
    const host = createHttpHost({ dispatch: core.dispatch, token });
    const port = await host.listen();
    raw = createHttpTransport(`http://127.0.0.1:${port}`, token);
    stop = () => host.close();
  } else {
    // Electron's IPC copies arguments and replies with the structured clone algorithm.
    const handler = createIpcApiHandler(core.dispatch, () => true);
    const event = { senderFrame: null } as unknown as IpcMainInvokeEvent;
    raw = async (name, input) => structuredClone(await handler(event, name, structuredClone(input)));
  }
  return {
    client: createApiClient(raw),
    raw,
    core,
    dataDir,
    async close() {
      await stop();
      core.close();
      removeDir(dataDir);
    },
  };
}
