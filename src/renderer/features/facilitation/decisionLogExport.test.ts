import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../shared/i18n';
import { DEFAULT_AGENDA_MINUTES } from '../../../shared/model/agenda';
import { decisionLogCsv, decisionLogRows, decisionLogTsv, inertText, toDelimited } from './decisionLogExport';
import { stepTimes } from './sessionClock';
import { emptyBook, followStep, MINUTE_MS, startStep } from './timer';

const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);
const decisions = [
  { id: 'd1', date: '2027-01-16', text: 'MQL means score ≥ 60; "hot" leads go first', owner: 'Ana; Bruno' },
  { id: 'd2', date: '2027-01-18', text: '=HYPERLINK("http://evil")', owner: '@marc' },
];
let book = startStep(emptyBook(T0), 'participants', T0);
book = followStep(book, 'icp', T0 + 14 * MINUTE_MS + 30_000);
const times = stepTimes(book, DEFAULT_AGENDA_MINUTES, T0 + 20 * MINUTE_MS);

describe('the decision log export', () => {
  it('lists each decision with its date and weekday, then planned against actual minutes per step', () => {
    const rows = decisionLogRows({ decisions, times, t: createTranslator('es'), locale: 'es' });
    expect(rows[0]).toEqual(['Fecha', 'Día', 'Decisión', 'Responsable']);
    expect(rows[1]).toEqual(['2027-01-16', 'sábado', decisions[0]?.text, 'Ana; Bruno']);
    expect(rows[3]).toEqual([]);
    expect(rows[4]).toEqual(['Paso', 'Previsto (min)', 'Real (min)', 'Diferencia (min)']);
    expect(rows[5]).toEqual(['Participantes', '10', '14,5', '4,5']);
    expect(rows[6]).toEqual(['Cliente ideal y buyer personas', '30', '5,5', '-24,5']);
    // Steps never started have no difference; the total still plans the whole agenda.
    expect(rows[7]?.[3]).toBe('');
    expect(rows.at(-1)?.[0]).toBe('Total');
  });

  it('never hands a spreadsheet a formula typed into the log', () => {
    const rows = decisionLogRows({ decisions, times, t: createTranslator('en'), locale: 'en' });
    expect(rows[2]?.slice(2)).toEqual([`'=HYPERLINK("http://evil")`, `'@marc`]);
    expect([inertText('+1'), inertText('-x'), inertText('\tx'), inertText('plain = fine')]).toEqual(["'+1", "'-x", "'\tx", 'plain = fine']);
  });

  it('quotes what needs quoting and uses the language’s delimiter', () => {
    expect(toDelimited([['a;b', 'say "hi"', 'two\nlines', 'plain']], ';')).toBe('"a;b";"say ""hi""";"two\nlines";plain');
    const es = decisionLogCsv({ decisions, times, t: createTranslator('es'), locale: 'es' });
    expect(es.startsWith('\uFEFFFecha;Día;Decisión;Responsable\r\n')).toBe(true);
    expect(es).toContain('"Ana; Bruno"');
    const en = decisionLogCsv({ decisions, times, t: createTranslator('en'), locale: 'en' });
    expect(en).toContain('Participants,10,14.5,4.5\r\n');
    const tsv = decisionLogTsv({ decisions, times, t: createTranslator('en'), locale: 'en' });
    expect(tsv.split('\r\n')[0]).toBe('Date\tWeekday\tDecision\tOwner');
  });
});
