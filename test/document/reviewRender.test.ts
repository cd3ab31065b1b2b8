import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportReviewDocx } from '../../src/main/core/reviewDocument';
import { emptyMonth } from '../../src/shared/actuals/store';
import type { MonthlyActuals } from '../../src/shared/model/actuals';
import { createExample } from '../../src/shared/model/example';
import type { Agreement } from '../../src/shared/model/schema';
import { useTempDirs } from '../support/tempDirs';
import { pngCount, pythonDocx, renderAll, type DocxStructure, type Rendered } from './renderSupport';

/**
 * The month's review (.docx) as people will see it: es and en, each converted ONCE by LibreOffice, read back as
 * text, rendered to test-results/review-document/<lang>/ for a person to look at, and opened by python-docx.
 */
const tempDir = useTempDirs();
const RESULTS = join(process.cwd(), 'test-results', 'review-document');
const NOW = new Date('2027-04-05T09:00:00Z');
const LANGS = ['es', 'en'] as const;

/** A year of figures ending in March 2027, the March meeting's notes and decisions. */
function yearOfActuals(a: Agreement): MonthlyActuals[] {
  const [lead, mql, sql, opportunity, customer] = a.lifecycle.stages.map((s) => s.id);
  return Array.from({ length: 12 }, (_, i) => {
    const month = `${i < 9 ? 2026 : 2027}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`;
    const counts = [430 + i * 9, 170 + i * 4, 80 + i * 2, 30 + i, 12 + (i % 5)];
    return {
      ...emptyMonth(month),
      stages: [lead, mql, sql, opportunity, customer].map((stageId, k) => ({ stageId: stageId ?? '', count: counts[k] ?? null })),
      contacts: 900 + i * 10,
      mqlsThatBecameSql: 80 + i * 2,
      sqlValue: 1_100_000 + i * 20_000,
      medianHoursMqlToSql: 150 + i,
      medianHoursToFirstContact: 3.5,
      pctContactedWithinSla: 88 + (i % 4),
      revenue: 180_000 + i * 3_000,
    };
  }).map((m) =>
    m.month === '2027-03'
      ? {
          ...m,
          notes:
            a.meta.language === 'es'
              ? 'El seminario web de febrero subió los MQL.\nVentas pide más contexto en cada traspaso.'
              : 'The February webinar lifted MQLs.\nSales asks for more context in each hand-off.',
          decisions: [
            { id: 'd1', text: a.meta.language === 'es' ? 'Contratar un SDR más antes de junio' : 'Hire one more SDR before June', owner: 'Daniel Ortega' },
          ],
        }
      : m,
  );
}

let rendered: Map<string, Rendered>;
let structure: Map<string, DocxStructure>;

beforeAll(async () => {
  const files = await Promise.all(
    LANGS.map(async (lang) => {
      const agreement = createExample(lang, NOW);
      return { name: lang, bytes: await exportReviewDocx({ agreement, months: yearOfActuals(agreement), month: '2027-03', now: NOW }) };
    }),
  );
  rendered = await renderAll(files, tempDir('sla-review-render-'), RESULTS);
  structure = await pythonDocx([...rendered.values()].map((r) => r.docx));
}, 600_000);

describe.each(LANGS)('the month review document (%s)', (lang) => {
  const words = {
    es: {
      title: 'Revisión mensual: marzo de 2027',
      sections: ['Embudo: objetivo y resultado', 'KPIs', 'Compromisos', 'Otras cifras', 'Últimos 12 meses', 'Notas', 'Decisiones'],
      decision: 'Contratar un SDR más',
    },
    en: {
      title: 'Monthly review — March 2027',
      sections: ['Funnel: target and actual', 'KPIs', 'Commitments', 'Other figures', 'Last 12 months', 'Notes', 'Decisions'],
      decision: 'Hire one more SDR',
    },
  }[lang];

  it('fits on one or two pages and shows every section, the trend and the decisions', () => {
    const doc = rendered.get(lang)!;
    expect(doc.pages.length).toBeGreaterThanOrEqual(1);
    expect(doc.pages.length).toBeLessThanOrEqual(2);
    expect(pngCount(doc.pngDir)).toBe(doc.pages.length);
    const text = doc.pages
      .map((p) => p.text)
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(text).toContain(words.title);
    for (const section of words.sections) expect(text).toContain(section);
    expect(text).toContain(words.decision);
    // The trend's first month, a year back, and the reviewed month.
    expect(text).toMatch(lang === 'es' ? /abr 26 .*mar 27/ : /Apr 26 .*Mar 27/);
  });

  it('opens in python-docx with the sections as headings', () => {
    const found = structure.get(rendered.get(lang)!.docx)!;
    expect(found.error).toBeUndefined();
    expect(found.headings?.map(([, text]) => text)).toEqual([words.title, ...words.sections]);
  });
});
