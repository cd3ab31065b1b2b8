import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../test/support/tempDirs';
import { figureRows, judge, readFigureFiles, table } from './reliability-table.mjs';

const tempDir = useTempDirs();

function write(dir: string, name: string, content: unknown): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content));
}

describe('the reliability table', () => {
  it('shows every area it finds — including tamper tables other suites record — each row with its status', () => {
    const dir = tempDir('sla-figures-');
    const now = new Date();
    write(dir, 'tamper-files.json', {
      area: 'tamper-files',
      recordedAt: now.toISOString(),
      figures: { edited_signed_slaw_validate: 'refused', tamper_cases_accepted: 0 },
    });
    write(dir, 'tamper-docx.json', {
      area: 'tamper-docx',
      recordedAt: now.toISOString(),
      figures: { image_swapped: 'detected: signature changed', tamper_cases_accepted: 1, one_case: 'accepted' },
    });
    write(dir, 'zz-new-area.json', { area: 'zz-new-area', recordedAt: now.toISOString(), figures: { anything: 42 } });
    write(dir, 'broken.json', '{ not json');
    const rows = figureRows(readFigureFiles(dir, new Date(now.getTime() - 1000)));
    expect(rows).toEqual([
      ['broken.json', 'unreadable', 'file is not valid JSON', 'FAIL'],
      ['tamper-docx', 'image_swapped', 'detected: signature changed', 'ok'],
      ['tamper-docx', 'tamper_cases_accepted', '1', 'FAIL'],
      ['tamper-docx', 'one_case', 'accepted', 'FAIL'],
      ['tamper-files', 'edited_signed_slaw_validate', 'refused', 'ok'],
      ['tamper-files', 'tamper_cases_accepted', '0', 'ok'],
      ['zz-new-area', 'anything', '42', '—'],
    ]);
    expect(table(rows).split('\n')).toHaveLength(rows.length + 2);
  });

  it('judges the crash, row-corruption and convention figures', () => {
    const crash = { runs_requested: 200, kills: 200 };
    expect(judge('crash', 'kills_during_backup', 0, crash)).toBe('FAIL');
    expect(judge('crash', 'kills_during_backup', 7, crash)).toBe('ok');
    expect(judge('crash', 'kills_during_import', 0, { runs_requested: 8 })).toBe('ok'); // a short development run
    expect(judge('crash', 'imports_lost', 0, crash)).toBe('ok');
    expect(judge('crash', 'named_backups_failed', 2, crash)).toBe('FAIL');
    expect(judge('row-corruption', 'detected_at_startup', '6/6', {})).toBe('ok');
    expect(judge('row-corruption', 'restored_from_backup', '5/6', {})).toBe('FAIL');
    expect(judge('row-corruption', 'letter_changed_in_draft_text', 'not detected: valid text', {})).toBe('known limit');
    expect(judge('row-corruption', 'control_byte', 'detected as not_json, restored', {})).toBe('ok');
    expect(judge('fuzz', 'accepted_as_valid', 2501, {})).toBe('—');
    expect(judge('tamper-files', 'hijack_amends_id', 'neutralized', {})).toBe('ok');
    expect(judge('tamper-files', 'hijack_amends_id', 'SUCCEEDED', {})).toBe('FAIL');
    expect(judge('tamper-files', 'edited_company_refused', '5/5', {})).toBe('ok');
  });

  it('marks figures recorded before the run with their time', () => {
    const dir = tempDir('sla-figures-old-');
    write(dir, 'electronegativity.json', { area: 'electronegativity', recordedAt: '2026-11-28T16:58:00.000Z', figures: { findings_above_low: 0 } });
    expect(figureRows(readFigureFiles(dir, new Date('2026-12-01T00:00:00.000Z')))).toEqual([
      ['electronegativity', 'findings_above_low', '0', 'ok (recorded 2026-11-28 16:58 UTC)'],
    ]);
  });
});
