import type { Browser, JSHandle, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES } from '../../scripts/csv-fixtures/fixtures.mjs';
import { buildFixture, fixtureBytes } from '../../scripts/generate-csv-fixtures.mjs';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import { knownMessage } from '../support/messages';
import { seriousViolations } from './axe';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { callApi, createAgreement } from './workshopApi';

const FIXTURE = 'hubspot-labels-comma.csv';
const spec = (FIXTURES as { file: string }[]).find((f) => f.file === FIXTURE)!;
const built = buildFixture(spec) as { text: string; expected: { counted: number; months: Record<string, unknown> } };
const BYTES = [...(fixtureBytes(spec, built.text) as Uint8Array)];

/**
 * A file comes into the results import the two ways a person brings one: dragged from the desktop onto the
 * drop zone (a real DataTransfer with a File, dragenter → dragover → drop), and with the keyboard alone
 * (Tab to the zone's button, Enter, the system's file picker). Either way the preview is read in the worker
 * and the import runs to its result. App in one language, browser in the other.
 */
describe.each<[Language, string]>([
  ['es', 'en-US'],
  ['en', 'es-ES'],
])('bringing a CSV file to the import, in %s (browser in %s)', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let id: string;

  async function openImport(): Promise<void> {
    await page.evaluate((agreement) => (window.location.hash = `#/agreements/${agreement}/results/import`), id);
    await page.getByTestId('csv-drop-zone').waitFor();
  }
  /** A DataTransfer holding the fixture as a File, made in the page as the browser makes one for a drag from the desktop. */
  const dataTransfer = (name: string): Promise<JSHandle<DataTransfer>> =>
    page.evaluateHandle(
      ({ bytes, name }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/csv' }));
        return transfer;
      },
      { bytes: BYTES, name },
    );
  async function importToResult(): Promise<void> {
    await page.getByTestId('csv-preview').waitFor();
    await page.getByRole('button', { name: L('results.import.run.start'), exact: true }).click();
    await page.getByTestId('csv-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('csv-result-rows').innerText()).toContain(String(built.expected.counted));
  }

  beforeAll(async () => {
    server = await startBrowserMode();
    id = await createAgreement(server, 'example', lang);
    browser = await launchChromium();
    page = await (await browser.newContext({ locale, viewport: { width: 1366, height: 900 }, reducedMotion: 'reduce' })).newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(server.url);
    await page.getByRole('button', { name: lang === 'es' ? 'Español' : 'English', exact: true }).click();
    await openImport();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('takes a file dropped on the zone: the zone shows it is ready, the preview and the import follow', async () => {
    const zone = page.getByTestId('csv-drop-zone');
    const transfer = await dataTransfer(`dropped-${lang}.csv`);
    const background = () => zone.evaluate((element) => getComputedStyle(element).backgroundColor);
    const idle = await background();
    await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
    await zone.dispatchEvent('dragover', { dataTransfer: transfer });
    // The zone says a drop is welcome (its colour changes) and is still accessible in that state.
    await poll(background).not.toBe(idle);
    await screenshot(page, `results-import-${lang}-drop-active`);
    expect(await seriousViolations(page)).toEqual([]);

    await zone.dispatchEvent('drop', { dataTransfer: transfer });
    await poll(background).toBe(idle);
    expect(await page.getByTestId('csv-file').innerText()).toContain(`dropped-${lang}.csv`);
    await importToResult();
    await screenshot(page, `results-import-${lang}-dropped-result`);
    expect(await seriousViolations(page)).toEqual([]);
    // Nothing is written before Save.
    const stored = await callApi<{ months: unknown[] }>(server, 'actuals.get', { id });
    expect(stored.months).toEqual([]);
    await page.getByRole('button', { name: L('results.import.result.discard') }).click();
  }, 120_000);

  it('ignores a drag that carries no file (text dragged from another window)', async () => {
    const zone = page.getByTestId('csv-drop-zone');
    const text = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.setData('text/plain', 'not a file');
      return transfer;
    });
    const before = await page.getByTestId('csv-file').innerText();
    await zone.dispatchEvent('dragenter', { dataTransfer: text });
    await zone.dispatchEvent('drop', { dataTransfer: text });
    expect(await page.getByTestId('csv-file').innerText()).toBe(before);
  }, 60_000);

  it('reaches the file picker with the keyboard alone: Tab to the zone’s button, Enter, a file chosen', async () => {
    await openImport();
    const choose = L('results.import.drop.choose');
    // Listening before any key is pressed: Playwright intercepts the browser's file picker only once asked to.
    const chooserOpened = page.waitForEvent('filechooser', { timeout: 30_000 });
    await page.locator('body').focus();
    let focused = '';
    for (let presses = 0; presses < 80 && focused !== choose; presses++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => (document.activeElement instanceof HTMLButtonElement ? document.activeElement.innerText.trim() : ''));
    }
    expect(focused).toBe(choose);
    await page.keyboard.press('Enter');
    const chooser = await chooserOpened;
    await chooser.setFiles({ name: `keyboard-${lang}.csv`, mimeType: 'text/csv', buffer: Buffer.from(BYTES) });
    await page.getByTestId('csv-file').waitFor();
    expect(await page.getByTestId('csv-file').innerText()).toContain(`keyboard-${lang}.csv`);
    await importToResult();
  }, 120_000);
  it('chooses how the file is read with the keyboard alone; closed lists of options are not kept in the page', async () => {
    await page.getByRole('button', { name: L('results.import.result.discard') }).click();
    await page.getByTestId('csv-preview').waitFor();
    // Every Select's options used to sit hidden in the page, each positioned as it mounted (a long task on picking a file).
    expect(await page.locator('[role="listbox"]').count()).toBe(0);
    const encoding = page.getByRole('combobox', { name: L('results.import.options.encoding') });
    await encoding.focus();
    const windows = L('results.import.options.windows1252');
    const option = page.getByRole('option', { name: windows, exact: true });
    // The highlighted option is the one the field names as its active descendant (what a screen reader reads).
    const highlighted = async () => (await option.count()) > 0 && (await encoding.getAttribute('aria-activedescendant')) === (await option.getAttribute('id'));
    for (let presses = 0; presses < 6 && !(await highlighted()); presses++) await page.keyboard.press('ArrowDown');
    expect(await highlighted()).toBe(true);
    expect(await page.locator('[role="listbox"]').count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await poll(() => encoding.inputValue()).toBe(windows);
    await poll(() => page.locator('[role="listbox"]').count()).toBe(0);
    // The preview is read again with the choice, and the import still runs to its result.
    await importToResult();
  }, 120_000);
});
