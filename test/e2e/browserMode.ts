import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { removeDir, tempDir } from '../support/tempDirs';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const SCREENSHOT_DIR = join(process.cwd(), 'test-results', 'screenshots');
const URL_LINE = /^SLA Workshop running at (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)$/;

export interface BrowserModeServer {
  url: string;
  stdoutLines: string[];
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Starts browser mode exactly as `npm run web` does (scripts/web.mjs; the build is already fresh) on a temp data
 * folder. `portArgs`: any free port by default; `[]` starts it like a user does, on the port of the last start.
 */
export async function startBrowserMode(
  dataDir = tempDir('sla-e2e-'),
  env: NodeJS.ProcessEnv = {},
  portArgs: string[] = ['--port', '0'],
): Promise<BrowserModeServer> {
  const child: ChildProcess = spawn(process.execPath, ['scripts/web.mjs', ...portArgs, '--data-dir', dataDir, '--no-open'], {
    cwd: process.cwd(),
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stdoutLines: string[] = [];
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${stderr}`)), 30_000);
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        stdoutLines.push(line);
        const match = URL_LINE.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    stdoutLines,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Let modal and notification transitions (≈200 ms) finish so the picture shows the settled screen.
  await page.waitForTimeout(350);
  // Fixed and sticky parts (app header, step navigation) would land mid-picture in a scrolled full-page shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  // A full-page picture of a 1920-wide screen takes seconds on a loaded 2-core runner (CI timed out at 15 s).
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true, timeout: 60_000 });
}

export { removeDir };

/** Waits for a UI condition like a user would: retried for up to 15 s (vitest's default is 1 s). */
export function poll<T>(fn: () => T | Promise<T>) {
  return expect.poll(fn, { timeout: 15_000, interval: 100 });
}
