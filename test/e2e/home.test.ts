import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';

/** A user's first minutes, in a real Chromium against browser mode: nothing here calls the API directly. */
describe('the home screen in browser mode', () => {
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startBrowserMode();
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  const rows = () => page.getByTestId('agreement-row');
  const titles = () => page.getByTestId('agreement-title').allInnerTexts();

  it('prints exactly one line on stdout: the URL with its token', () => {
    expect(server.stdoutLines).toHaveLength(1);
    expect(server.stdoutLines[0]).toMatch(/^SLA Workshop running at http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/);
  });

  it('refuses the page without the token', async () => {
    const other = await browser.newPage();
    const response = await other.goto(server.url.replace(/\?token=.*/, ''));
    expect(response?.status()).toBe(401);
    await other.close();
  });

  it('starts empty, then creates an agreement from the example', async () => {
    await page.goto(server.url);
    await poll(() => page.getByRole('button', { name: 'New from example' }).isVisible()).toBe(true);
    await screenshot(page, 'home-empty-en');
    await page.getByRole('button', { name: 'New from example' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Agreement language').selectOption('en');
    await dialog.getByRole('button', { name: 'Create' }).click();
    await poll(() => page.url()).toMatch(/#\/agreements\//);
    await poll(() => page.getByText('Nortia Analytics').first().isVisible()).toBe(true);
    await screenshot(page, 'workshop-placeholder-en');
    await page.getByRole('button', { name: 'Back to agreements' }).click();
    await poll(titles).toEqual(['Marketing–Sales SLA 2027']);
  });

  it('renames it, and the new name survives a reload', async () => {
    await rows().first().getByRole('button', { name: 'Rename' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename agreement' });
    await dialog.getByLabel('Title').fill('Nortia SLA — signed in March');
    await screenshot(page, 'home-rename-en');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await poll(titles).toEqual(['Nortia SLA — signed in March']);
    await page.reload();
    await poll(titles).toEqual(['Nortia SLA — signed in March']);
    await screenshot(page, 'home-list-en');
  });

  it('deletes it and brings it back with Undo', async () => {
    await rows().first().getByRole('button', { name: 'Delete', exact: true }).click();
    await poll(() => rows().count()).toBe(0);
    const undo = page.getByRole('button', { name: 'Undo' });
    await poll(() => undo.isVisible()).toBe(true);
    await screenshot(page, 'home-deleted-undo-en');
    await undo.click();
    await poll(titles).toEqual(['Nortia SLA — signed in March']);
    await page.reload();
    await poll(titles).toEqual(['Nortia SLA — signed in March']);
  });

  it('exports a .slaw download and imports it back; a broken file is refused with its reason', async () => {
    const downloadStarted = page.waitForEvent('download');
    await rows().first().getByRole('button', { name: 'Export .slaw' }).click();
    const download = await downloadStarted;
    expect(download.suggestedFilename()).toBe('Nortia-SLA-signed-in-March.slaw');
    const file = join(server.dataDir, 'exported.slaw');
    await download.saveAs(file);
    const input = page.getByTestId('import-file-input');
    await input.setInputFiles(file);
    await poll(() => rows().count()).toBe(2);
    const broken = join(server.dataDir, 'broken.slaw');
    const text = readFileSync(file, 'utf8').replace(/"schemaVersion": \d+/, '"schemaVersion": 99');
    writeFileSync(broken, text);
    await input.setInputFiles(broken);
    await poll(() =>
      page
        .getByText(/newer version of SLA Workshop \(format 99/)
        .first()
        .isVisible(),
    ).toBe(true);
    await screenshot(page, 'home-import-refused-en');
    expect(await rows().count()).toBe(2);
  });

  it('switches the interface to Spanish and keeps it after a reload', async () => {
    await page.getByRole('button', { name: 'Español' }).click();
    await poll(() => page.getByRole('button', { name: 'Nuevo desde el ejemplo' }).isVisible()).toBe(true);
    await page.reload();
    await poll(() => page.getByRole('button', { name: 'Nuevo desde el ejemplo' }).isVisible()).toBe(true);
    await poll(() => page.locator('html').getAttribute('lang')).toBe('es');
    await screenshot(page, 'home-list-es');
  });
});
