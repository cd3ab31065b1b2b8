import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { FIXTURES } from '../../scripts/csv-fixtures/fixtures.mjs';
import { buildFixture, fixtureBytes, writeLargeHubspotCsv } from '../../scripts/generate-csv-fixtures.mjs';
import { createTranslator } from '../../src/shared/i18n';
import type { Language } from '../../src/shared/model/schema';
import type { MonthlyActuals } from '../../src/shared/model/actuals';
import { knownMessage } from '../support/messages';
import { removeDir, tempDir } from '../support/tempDirs';
import { seriousViolations } from './axe';
import { launchChromium, poll, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { callApi, createAgreement } from './workshopApi';

interface FixtureSpec {
  file: string;
}
const fixture = (name: string) => {
  const spec = (FIXTURES as FixtureSpec[]).find((f) => f.file === name)!;
  const { text, expected } = buildFixture(spec) as {
    text: string;
    expected: { counted: number; rejected: number; months: Record<string, unknown>; badRows: { line: number; reason: string }[] };
  };
  return { name, mimeType: 'text/csv', buffer: Buffer.from(fixtureBytes(spec, text) as Uint8Array), expected };
};

/**
 * A revenue-operations lead brings last months' figures from the CRM into the agreement's monthly results:
 * a HubSpot export with progress shown, a cancelled import that changes nothing, the rejected rows listed by
 * line, a Spanish-Excel file (Latin-1, `;`, decimal comma), and a file no mapping fits. Browser in the other language.
 */
describe.each<[Language, string]>([
  ['es', 'en-US'],
  ['en', 'es-ES'],
])('CSV import in the monthly results, in %s (browser in %s)', (lang, locale) => {
  const t = createTranslator(lang);
  const L = (key: string, params?: Record<string, string | number>) => knownMessage(t, key, params);
  let server: BrowserModeServer;
  let browser: Browser;
  let page: Page;
  let id: string;
  const largeDir = tempDir('sla-csv-large-');
  const largeFile = join(largeDir, 'hubspot-large.csv');
  const months = () => callApi<{ months: MonthlyActuals[]; revision: number }>(server, 'actuals.get', { id });

  async function openImport(): Promise<void> {
    await page.evaluate((agreement) => (window.location.hash = `#/agreements/${agreement}/results/import`), id);
    await page.getByTestId('csv-drop-zone').waitFor();
  }
  async function choose(file: string | { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await page.getByTestId('csv-file-input').setInputFiles(file);
    await page.getByTestId('csv-file').waitFor();
  }

  beforeAll(async () => {
    await writeLargeHubspotCsv(largeFile, 400_000);
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
    removeDir(largeDir);
  });

  it('shows the progress of a large import, and cancelling it leaves every figure as it was', async () => {
    const before = await months();
    await choose(largeFile);
    await page.getByTestId('csv-preview').waitFor();
    await page.getByRole('button', { name: L('results.import.run.start'), exact: true }).click();
    const bar = page.getByTestId('csv-progress').getByRole('progressbar', { name: L('results.import.run.progressLabel') });
    await bar.waitFor();
    await poll(async () => Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await screenshot(page, `results-import-${lang}-progress`);
    await page.getByRole('button', { name: L('results.import.run.cancel') }).click();
    await poll(() => page.getByTestId('csv-notice').innerText()).toBe(L('results.import.run.cancelled'));
    expect(await page.getByTestId('csv-progress').count()).toBe(0);
    expect(await months()).toEqual(before);
  }, 120_000);

  it('imports a HubSpot export: preview, months added, saved for the whole lineage', async () => {
    const hubspot = fixture('hubspot-labels-comma.csv');
    await choose(hubspot);
    await page.getByTestId('csv-preview').waitFor();
    await page.getByTestId('csv-time-zone-note').waitFor();
    await screenshot(page, `results-import-${lang}-preview`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: L('results.import.run.start'), exact: true }).click();
    await page.getByTestId('csv-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('csv-result-rows').innerText()).toContain(String(hubspot.expected.counted));
    await page.getByTestId('csv-months').waitFor();
    await screenshot(page, `results-import-${lang}-result`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: L('results.import.result.save') }).click();
    await page.getByTestId('csv-saved').waitFor();
    const stored = await months();
    expect(stored.months.map((m) => m.month)).toEqual(Object.keys(hubspot.expected.months));
    expect(stored.months.every((m) => m.imported?.fileName === 'hubspot-labels-comma.csv')).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: L('results.import.result.another') }).click();
  }, 120_000);

  it('lists the rejected rows of a file with their line numbers and reasons', async () => {
    const bad = fixture('bad-rows.csv');
    await choose(bad);
    await page.getByRole('button', { name: L('results.import.run.start'), exact: true }).click();
    const list = page.getByTestId('csv-bad-rows');
    await list.waitFor({ timeout: 60_000 });
    const text = await list.innerText();
    for (const row of bad.expected.badRows) expect(text).toContain(`${row.line}`);
    expect(text).toContain(L(`actuals.reason.negative_amount`));
    expect(text).toContain(L(`actuals.reason.column_count`));
    await screenshot(page, `results-import-${lang}-bad-rows`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: L('results.import.result.discard') }).click();
  }, 120_000);

  it('reads a Spanish Excel file: Windows Latin, semicolons, decimal comma', async () => {
    const latin = fixture('salesforce-es-semicolon-latin1.csv');
    await choose(latin);
    await page.getByTestId('csv-preview').waitFor();
    await page.getByRole('button', { name: L('results.import.run.start'), exact: true }).click();
    await page.getByTestId('csv-result').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('csv-result-rows').innerText()).toContain(String(latin.expected.counted));
    expect(await page.getByTestId('csv-result').innerText()).toContain('WINDOWS-1252');
    await page.getByRole('button', { name: L('results.import.result.discard') }).click();
  }, 120_000);

  it('refuses a file no mapping fits, writes nothing, and offers to build and save a mapping', async () => {
    const before = await months();
    const columns = lang === 'es' ? ['Cliente', 'Alta', 'Cierre'] : ['Client', 'Signed up', 'Closed'];
    const rows = lang === 'es' ? ['Acme;03/02/2025;20/03/2025', 'Beta;15/02/2025;'] : ['Acme,2025-02-03,2025-03-20', 'Beta,2025-02-15,'];
    const sep = lang === 'es' ? ';' : ',';
    await choose({ name: 'sheet.csv', mimeType: 'text/csv', buffer: Buffer.from(`${columns.join(sep)}\n${rows.join('\n')}\n`) });
    const error = page.getByTestId('csv-preview-error');
    await error.waitFor();
    expect(await error.innerText()).toBe(L('actuals.error.no_mapping_fits', { columns: columns.join(', ') }));
    expect(await page.getByRole('button', { name: L('results.import.run.start'), exact: true }).isDisabled()).toBe(true);
    expect(await months()).toEqual(before);

    await page.getByRole('button', { name: L('results.import.options.build') }).click();
    const dialog = page.getByRole('dialog', { name: L('results.import.builder.title') });
    await dialog.waitFor();
    const name = lang === 'es' ? 'Hoja de altas' : 'Sign-up sheet';
    await dialog.getByRole('textbox', { name: L('results.import.builder.name') }).pressSequentially(name);
    await screenshot(page, `results-import-${lang}-builder`);
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: L('results.import.builder.save') }).click();
    await poll(() => dialog.getByRole('alert').innerText()).toBe(L('results.import.builder.needStage'));
    await dialog.getByRole('button', { name: L('results.import.builder.cancel') }).click();
    await dialog.waitFor({ state: 'detached' });
  }, 120_000);
});
