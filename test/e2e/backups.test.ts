import AxeBuilder from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/main/core/core';
import { DATABASE_FILE } from '../../src/main/core/dataDir';
import { launchChromium, poll, removeDir, screenshot, startBrowserMode, type BrowserModeServer } from './browserMode';
import { tempDir } from '../support/tempDirs';

/**
 * An agreement whose stored JSON was garbled (the database file itself is sound) is reported when the app
 * starts, with the backup that still holds it, and comes back with one click; any agreement of any backup
 * can be restored from the Backups dialog, which says beforehand what restoring will do.
 */
describe('restoring agreements from backups in browser mode', () => {
  let server: BrowserModeServer;
  let browser: Browser;
  const dataDir = tempDir('sla-e2e-backups-');
  let damagedId = '';

  beforeAll(async () => {
    const core = createCore({ dataDir, appVersion: 'e2e', host: 'direct' });
    damagedId = core.agreements.create('example', 'es', 'Acuerdo de prueba').agreement.meta.id;
    const gone = core.agreements.create('blank', 'en', 'Gone agreement').agreement.meta.id;
    if (!core.backups.takeNow()) throw new Error(`backup failed: ${core.backups.lastError()}`);
    core.agreements.trash(gone);
    core.agreements.purge(gone);
    core.close();
    // A stray write inside the row's JSON: integrity_check still passes, the agreement no longer parses.
    const db = new Database(join(dataDir, DATABASE_FILE));
    db.prepare(
      "UPDATE agreements SET data = CAST(substr(CAST(data AS BLOB), 1, 200) || X'00FF00FF' || substr(CAST(data AS BLOB), 205) AS TEXT) WHERE id = ?",
    ).run(damagedId);
    db.close();
    server = await startBrowserMode(dataDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    removeDir(dataDir);
  });

  async function seriousViolations(page: Page): Promise<string[]> {
    const results = await new AxeBuilder({ page }).analyze();
    return results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(' | ')}`,
      );
  }

  async function newPage(locale: string): Promise<Page> {
    return (await browser.newContext({ locale, viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' })).newPage();
  }

  it('reports the unreadable agreement at start (English), then restores it in Spanish with one click', async () => {
    const page = await newPage('en-US');
    await page.goto(server.url);
    const notice = page.getByRole('dialog', { name: 'An agreement could not be read' });
    await poll(() => notice.isVisible()).toBe(true);
    await poll(() => notice.getByText('Its stored text contains invalid characters.').isVisible()).toBe(true);
    await expect(notice.getByText(/^A readable copy is in the backup of .+\. Restoring it replaces the unreadable copy\.$/).isVisible()).resolves.toBe(true);
    await screenshot(page, 'backups-notice-en');
    expect(await seriousViolations(page)).toEqual([]);
    await notice.getByRole('button', { name: 'Understood' }).click();
    await poll(() => notice.isVisible()).toBe(false);

    // Still unreadable, so it is shown again at the next start — now in Spanish, the browser still in English.
    await page.getByRole('button', { name: 'Español' }).click();
    await page.reload();
    const aviso = page.getByRole('dialog', { name: 'No se pudo leer un acuerdo' });
    await poll(() => aviso.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await aviso.getByRole('button', { name: /^Recuperar de esa copia: «Acuerdo de prueba», / }).click();
    await poll(() => aviso.getByText('Recuperado: la versión de la copia de seguridad ha sustituido a la ilegible.').isVisible()).toBe(true);
    await poll(() =>
      page.getByText(/^«Acuerdo de prueba» se ha recuperado de la copia del .+: ha sustituido a la copia que no se podía leer\.$/).isVisible(),
    ).toBe(true);
    await screenshot(page, 'backups-notice-restored-es');
    expect(await seriousViolations(page)).toEqual([]);
    await aviso.getByRole('button', { name: 'Entendido' }).click();
    await poll(() => page.getByTestId('agreement-title').allInnerTexts()).toEqual(['Acuerdo de prueba']);
    // It opens again.
    await page.getByTestId('agreement-row').first().getByRole('button', { name: 'Abrir' }).click();
    await poll(() => page.url()).toMatch(new RegExp(`#/agreements/${damagedId}/`));
    await page.reload();
    await poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });

  it('the Backups dialog says what restoring does and adds a readable agreement as a new draft (Spanish, browser in English)', async () => {
    const page = await newPage('en-US');
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Español' }).click();
    await page.getByRole('button', { name: 'Copias de seguridad' }).click();
    const dialog = page.getByRole('dialog', { name: 'Recuperar de una copia de seguridad' });
    await poll(() => dialog.getByLabel('Copia de seguridad', { exact: true }).isVisible()).toBe(true);
    // The newest backup was taken at start-up, with the garbled row in it; the one before holds both agreements.
    const options = await dialog.getByLabel('Copia de seguridad', { exact: true }).locator('option').allInnerTexts();
    expect(options[0]).toMatch(/ — 1 acuerdo, 1 de ellos ilegible$/);
    expect(options[1]).toMatch(/ — 2 acuerdos$/);
    await dialog.getByLabel('Copia de seguridad', { exact: true }).selectOption({ index: 1 });
    const restored = dialog.getByTestId(`backup-agreement-${damagedId}`);
    await poll(() => restored.getByTestId('restore-outcome').innerText()).toBe('Se añade como un borrador nuevo; la versión actual se queda como está.');
    const gone = dialog.locator('li', { hasText: 'Gone agreement' });
    await poll(() => gone.getByTestId('restore-outcome').innerText()).toBe('Se vuelve a añadir: ya no está entre tus acuerdos.');
    await screenshot(page, 'backups-dialog-es');
    expect(await seriousViolations(page)).toEqual([]);

    await restored.getByRole('button', { name: 'Recuperar «Acuerdo de prueba» de esta copia' }).click();
    await poll(() =>
      page
        .getByText(
          /^La versión de la copia del .+ se ha añadido como un borrador nuevo, «Acuerdo de prueba \(recuperado de la copia de seguridad del \d{4}-\d{2}-\d{2}\)»; la versión actual no ha cambiado\.$/,
        )
        .isVisible(),
    ).toBe(true);
    await dialog.getByRole('button', { name: 'Cerrar' }).last().click();
    await poll(() => page.getByTestId('agreement-title').allInnerTexts()).toContain('Acuerdo de prueba');
    expect((await page.getByTestId('agreement-title').allInnerTexts()).some((t) => t.startsWith('Acuerdo de prueba (recuperado'))).toBe(true);
    await page.close();
  });

  it('in English with a Spanish browser: brings back an agreement that was deleted for good', async () => {
    const page = await newPage('es-ES');
    await page.goto(server.url);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Backups' }).click();
    const dialog = page.getByRole('dialog', { name: 'Restore from a backup' });
    await poll(() => dialog.getByLabel('Backup', { exact: true }).isVisible()).toBe(true);
    const labels = await dialog.getByLabel('Backup', { exact: true }).locator('option').allInnerTexts();
    expect(labels.at(-1)).toMatch(/ — 0 agreements$/); // the first start's backup, of an empty database
    await dialog.getByLabel('Backup', { exact: true }).selectOption({ index: labels.findIndex((l) => l.endsWith(' — 2 agreements')) });
    const gone = dialog.locator('li', { hasText: 'Gone agreement' });
    await poll(() => gone.getByTestId('restore-outcome').innerText()).toBe('Added back: it is no longer among your agreements.');
    await screenshot(page, 'backups-dialog-en');
    expect(await seriousViolations(page)).toEqual([]);
    await gone.getByRole('button', { name: 'Restore “Gone agreement” from this backup' }).click();
    await poll(() => page.getByText(/^“Gone agreement” was added back from the backup of .+\.$/).isVisible()).toBe(true);
    await poll(() => gone.getByTestId('restore-outcome').innerText()).toBe('Added as a new draft; the current version stays as it is.');
    await page.keyboard.press('Escape');
    await poll(() => page.getByTestId('agreement-title').allInnerTexts()).toContain('Gone agreement');
    await page.close();
  });
});
