import type { Page } from 'playwright-core';
import type { Agreement } from '../../src/shared/model/schema';
import type { BrowserModeServer } from './browserMode';

/**
 * Reads and writes agreements straight through browser mode's API (the same /api/<op> the app uses, with
 * the launch token), so a test can check what was really stored, not just what the screen shows.
 */
export async function callApi<T>(server: BrowserModeServer, name: string, input: unknown): Promise<T> {
  const url = new URL(server.url);
  const token = url.searchParams.get('token') ?? '';
  const response = await fetch(`${url.origin}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-SLA-Token': token },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as { ok: boolean; value?: T; error?: unknown };
  if (!reply.ok) throw new Error(`${name} failed: ${JSON.stringify(reply.error)}`);
  return reply.value as T;
}

export async function createAgreement(server: BrowserModeServer, source: 'blank' | 'example', language: 'es' | 'en'): Promise<string> {
  const record = await callApi<{ agreement: Agreement }>(server, 'agreements.create', { source, language });
  return record.agreement.meta.id;
}

export async function storedAgreement(server: BrowserModeServer, id: string): Promise<Agreement> {
  return (await callApi<{ agreement: Agreement }>(server, 'agreements.get', { id })).agreement;
}

/** Opens the app, sets the interface language with the header switch (not the browser's), then one agreement's step. */
export async function openStep(page: Page, server: BrowserModeServer, ui: 'es' | 'en', id: string, step: string): Promise<void> {
  await page.goto(server.url);
  const endonym = ui === 'es' ? 'Español' : 'English';
  await page.getByRole('button', { name: endonym, exact: true }).click();
  await page.evaluate(([agreement, target]) => (window.location.hash = `#/agreements/${agreement}/${target}`), [id, step] as const);
  await page.locator('#step-title').waitFor();
}

/** Clears a text box and types into it key by key, as a person does. */
export async function retype(page: Page, selector: string, text: string): Promise<void> {
  const box = page.locator(selector);
  await box.click();
  await box.press('ControlOrMeta+a');
  await box.press('Delete');
  await box.pressSequentially(text, { delay: 15 });
}
