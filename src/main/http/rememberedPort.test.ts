import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../test/support/tempDirs';
import { listenOnRememberedPort, PORT_FILE, readRememberedPort, rememberPort } from './rememberedPort';

const servers: Server[] = [];
const newTempDir = useTempDirs();
const dataDir = () => newTempDir('sla-port-');
const listen = (port: number) =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      servers.push(server);
      resolve((server.address() as { port: number }).port);
    });
  });

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('the port browser mode remembers', () => {
  it('is read back as it was written', () => {
    const dir = dataDir();
    expect(readRememberedPort(dir)).toBeNull();
    rememberPort(dir, 43117);
    expect(readRememberedPort(dir)).toBe(43117);
  });

  it('ignores anything that is not a usable port', () => {
    const dir = dataDir();
    for (const text of ['', 'abc', '80', '70000', '4311.5', '-1', '1e4']) {
      writeFileSync(join(dir, PORT_FILE), text);
      expect(readRememberedPort(dir), text).toBeNull();
    }
  });

  it('is used again when free, so the origin (and the tabs’ unsaved text) stays the same', async () => {
    const free = await listen(0);
    await new Promise((resolve) => servers.pop()!.close(resolve));
    expect(await listenOnRememberedPort(free, listen)).toBe(free);
  });

  it('gives way to any free port when something else took it', async () => {
    const taken = await listen(0);
    const got = await listenOnRememberedPort(taken, listen);
    expect(got).not.toBe(taken);
    expect(got).toBeGreaterThan(0);
  });

  it('picks any free port when none was remembered', async () => {
    expect(await listenOnRememberedPort(null, listen)).toBeGreaterThan(0);
  });
});
