import { statSync } from 'node:fs';
import { writeLargeHubspotCsv } from '../scripts/generate-csv-fixtures.mjs';
import { launchChromium, startBrowserMode } from '../test/e2e/browserMode';
import { createAgreement } from '../test/e2e/workshopApi';
const file = '/tmp/h22/big.csv';
const rows = Number(process.env.ROWS ?? 300000);
try { statSync(file); } catch { await writeLargeHubspotCsv(file, rows); }
const server = await startBrowserMode();
const browser = await launchChromium();
const id = await createAgreement(server, 'example', 'en');
const page = await (await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 } })).newPage();
await page.goto(server.url);
await page.evaluate((a) => (window.location.hash = `#/agreements/${a}/results/import`), id);
await page.getByTestId('csv-drop-zone').waitFor();
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
const phase = process.env.PHASE ?? 'import';
if (phase === 'pick') await cdp.send('Profiler.start');
await page.getByTestId('csv-file-input').setInputFiles(file);
await page.getByTestId('csv-preview').waitFor();
if (phase === 'import') await cdp.send('Profiler.start');
if (phase === 'import') { await page.getByTestId('csv-start').click(); await page.getByTestId('csv-result').waitFor({ timeout: 600000 }); await page.waitForTimeout(300); }
const { profile } = (await cdp.send('Profiler.stop')) as any;
const self = new Map<number, number>();
const dt: number[] = profile.timeDeltas;
profile.samples.forEach((s: number, i: number) => self.set(s, (self.get(s) ?? 0) + (dt[i + 1] ?? 0)));
const byName = new Map<string, number>();
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; byName.set(k, (byName.get(k) ?? 0) + (self.get(n.id) ?? 0)); }
console.log([...byName].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / 1000).toFixed(1)}ms ${k}`).join('\n'));
await browser.close(); await server.stop();
