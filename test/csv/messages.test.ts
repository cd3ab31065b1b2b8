import { describe, expect, it } from 'vitest';
import { chunksOf, importCsv } from '../../src/shared/actuals/importCsv';
import { describeBadRow, describeCsvError } from '../../src/shared/actuals/messages';
import { BAD_ROW_REASONS, CSV_ERROR_CODES, CsvImportError, type AgreementFacts } from '../../src/shared/actuals/types';
import { createTranslator } from '../../src/shared/i18n';

const facts: AgreementFacts = {
  stages: [
    { id: 'l', key: 'lead', name: 'Lead' },
    { id: 'm', key: 'mql', name: 'MQL' },
  ],
  handoffStageId: 'm',
  firstContactWindowHours: 24,
};
const bytes = (text: string) => new TextEncoder().encode(text);

describe('CSV import messages', () => {
  for (const lang of ['en', 'es'] as const) {
    const t = createTranslator(lang);
    it(`has a ${lang} sentence for every stopping error and every rejected-row reason, with its values filled in`, () => {
      const params = {
        columns: 'A, B',
        mapping: 'M',
        missing: 'X',
        problem: 'p',
        example: '03/04/2025',
        dmy: '13/04/2025',
        mdy: '04/13/2025',
        encoding: 'windows-1252',
        line: 7,
        limit: 10,
        zone: 'Mars/Base',
        from: '2025-05',
        to: '2025-01',
      };
      for (const code of CSV_ERROR_CODES) {
        const text = describeCsvError(t, new CsvImportError(code, params));
        expect(text, code).not.toMatch(/actuals\.|\{\{/);
      }
      for (const reason of BAD_ROW_REASONS) {
        const text = describeBadRow(t, { line: 12, reason, column: 'Amount', value: '-5' });
        expect(text, reason).toContain('12');
        expect(text, reason).not.toMatch(/actuals\.|\{\{/);
      }
    });
  }

  it('refuses a file no preset fits with a translated message, and reports bad rows by line in Spanish', async () => {
    const refused = await importCsv(chunksOf(bytes('Nombre,Ciudad\nAna,Madrid\n'), 5), { facts, timeZone: 'UTC' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CsvImportError);
    expect(describeCsvError(createTranslator('es'), refused as CsvImportError)).toBe(
      'Ninguna correspondencia de columnas encaja con este archivo (sus primeras columnas: Nombre, Ciudad). Elige el CRM del que procede o crea una correspondencia; no se ha importado nada.',
    );
    const csv = 'Record ID,Became a Lead Date,Became a Marketing Qualified Lead Date\n1,2025-01-03,2025-01-02\n2,2025-01-03,mañana\n';
    const result = await importCsv(chunksOf(bytes(csv), 9), { facts, timeZone: 'UTC', mapping: 'hubspot' });
    expect(result.badRows.map((row) => describeBadRow(createTranslator('es'), row))).toEqual([
      'Línea 2: Fechas de etapa desordenadas en «Became a Marketing Qualified Lead Date» («2025-01-02»)',
      'Línea 3: No es una fecha en «Became a Marketing Qualified Lead Date» («mañana»)',
    ]);
  });
});
