import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n';
import { createBlank } from '../model/defaults';
import { createExample } from '../model/example';
import type { Agreement, Language } from '../model/schema';
import { diffAgreements } from '../signing/diff';
import { buildOutline } from './outline';
import type { AgreementOutline, OutlineBlock } from './types';

const at = new Date('2026-03-10T09:00:00Z');

/** Every string the outline would show, block by block. */
function words(outline: AgreementOutline): string[] {
  const of = (b: OutlineBlock): string[] => {
    switch (b.kind) {
      case 'fields':
        return b.rows.flatMap((r) => [r.label, r.value]);
      case 'table':
        return [...(b.caption ? [b.caption] : []), ...b.columns, ...b.rows.flat()];
      case 'list':
        return b.items;
      default:
        return [b.text];
    }
  };
  // Intl puts no-break spaces between a number and its unit ("40 %", "200.000 €"): compared here as plain spaces.
  return outline.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(of)]).map((w) => w.replace(/[\u00a0\u202f]/g, ' '));
}
const plain = (value: string | undefined) => value?.replace(/[\u00a0\u202f]/g, ' ');

const text = (outline: AgreementOutline) => words(outline).join('\n');
const section = (outline: AgreementOutline, id: string) => outline.sections.find((s) => s.id === id);
const tables = (outline: AgreementOutline, id: string) =>
  (section(outline, id)?.blocks ?? []).filter((b): b is Extract<OutlineBlock, { kind: 'table' }> => b.kind === 'table');

describe.each<[Language, Record<string, string>]>([
  [
    'en',
    {
      revenue: '$200,000',
      deal: '$12,500',
      rate: '40%',
      sqlValue: '$1,250,000',
      review: 'Tuesday, September 1, 2026',
      hours: 'Within 4 business hours of the handoff',
      attempts: '6 attempts over 14 days',
      range: '200–400 per month',
      atLeast: 'At least 8%',
    },
  ],
  [
    'es',
    {
      revenue: '200.000 €',
      deal: '12.500 €',
      rate: '40 %',
      sqlValue: '1.250.000 €',
      review: 'martes, 1 de septiembre de 2026',
      hours: 'En 4 horas hábiles como máximo desde el traspaso',
      attempts: '6 intentos en 14 días',
      range: '200–400 al mes',
      atLeast: 'Al menos 8 %',
    },
  ],
])('the outline of the example in %s', (lang, expected) => {
  const example = createExample(lang, at);
  const outline = buildOutline(example, lang);
  const t = createTranslator(lang);

  it('has the parties, the seven numbered steps, the decision log and the parking lot, in order', () => {
    expect(outline.sections.map((s) => [s.id, s.number])).toEqual([
      ['parties', null],
      ['icp', '1'],
      ['lifecycle', '2'],
      ['goals', '3'],
      ['handoff', '4'],
      ['protocol', '5'],
      ['kpis', '6'],
      ['cadence', '7'],
      ['decisions', null],
      ['parkingLot', null],
    ]);
    expect(section(outline, 'kpis')?.heading).toBe(t('common.steps.kpis'));
    expect(outline.title).toBe(example.meta.title);
    expect(outline.versionLine).toBe(t('document.versionLine', { version: 1, state: t('document.state.draft') }));
  });

  it('formats money, rates, dates and durations the way the language writes them', () => {
    const all = words(outline);
    for (const value of Object.values(expected)) expect(all).toContain(value);
  });

  it('shows every monthly target next to what the calculator derives', () => {
    const [targets] = tables(outline, 'goals');
    expect(targets?.rows.map((r) => [r[2], r[3]])).toEqual([
      ['500', '500'],
      ['200', '200'],
      ['100', '100'],
      ['40', '40'],
      ['16', '16'],
    ]);
    expect(targets?.numeric).toEqual([false, false, true, true]);
  });

  it('writes every field of every step with its on-screen label', () => {
    const all = text(outline);
    for (const key of ['industry', 'size', 'region', 'revenueBand', 'description', 'competition', 'challenges', 'goals'] as const)
      expect(all).toContain(t(`steps.icp.company.${key}.label`));
    for (const key of ['demographics', 'role', 'priorities', 'pains', 'goals', 'notes'] as const) expect(all).toContain(t(`steps.icp.persona.${key}.label`));
    for (const key of ['authority', 'need', 'understanding', 'fit'] as const) expect(all).toContain(example.lifecycle.sqlCriteria[key]);
    for (const stage of example.lifecycle.stages) expect(all).toContain(stage.entryCriteria);
    for (const persona of example.icp.personas) expect(all).toContain(persona.pains);
    expect(all).toContain(example.goals.basis);
    expect(all).toContain(example.goals.reviewMeeting.description);
    expect(all).toContain(example.handoff.trigger);
    expect(all).toContain(example.handoff.routingDetails);
    expect(all).toContain(t('steps.handoff.routingOptions.round-robin'));
    expect(all).toContain(example.protocol.closedLoop.report);
    expect(all).toContain(example.protocol.rejection.recycling);
    for (const reason of example.protocol.rejection.reasons) expect(all).toContain(reason);
    for (const c of example.protocol.commitments) expect(all).toContain(c.description);
    for (const k of example.kpis) for (const v of [k.name, k.definition, k.formula, k.dataSource]) expect(all).toContain(v);
    for (const item of example.cadence.agenda) expect(all).toContain(item);
    for (const d of example.decisions) expect(all).toContain(d.text);
    for (const p of example.parkingLot) expect(all).toContain(p.text);
    for (const p of example.participants) for (const v of [p.name, p.jobTitle, p.email]) expect(all).toContain(v);
  });

  it('gives one commitments table per team that has commitments, and a KPI table with target, frequency, source and owner', () => {
    expect(tables(outline, 'protocol').map((x) => x.caption)).toEqual([
      t('document.protocol.commitmentsOf.marketing'),
      t('document.protocol.commitmentsOf.sales'),
    ]);
    const [kpis] = tables(outline, 'kpis');
    expect(kpis?.rows[0]?.map(plain)).toEqual([example.kpis[0]?.name, expected.rate, t('steps.kpis.frequencies.monthly'), 'CRM', t('common.teams.marketing')]);
    expect(words(outline)).toContain(t('document.kpis.value.days', { count: 7, value: '7' }));
  });

  it('lists the review calendar from the first review date and the review participants by name', () => {
    const [calendar] = tables(outline, 'cadence');
    expect(calendar?.rows).toHaveLength(4);
    expect(plain(calendar?.rows[0]?.[1])).toBe(expected.review);
    const list = section(outline, 'cadence')?.blocks.find((b) => b.kind === 'list');
    expect(list).toEqual({
      kind: 'list',
      items: [`Laura Méndez, ${example.participants[0]?.jobTitle}`, `Daniel Ortega, ${example.participants[1]?.jobTitle}`],
    });
  });

  it('moves a review the rule puts on a weekend to the Monday, and says so, as the cadence step does', () => {
    // 2027-05-15 is a Saturday; six months later, 2027-11-15, a Monday.
    const saturday = { ...example, cadence: { ...example.cadence, firstReviewDate: '2027-05-15', months: 6 } };
    const [calendar] = tables(buildOutline(saturday, lang), 'cadence');
    expect(calendar?.rows.map((row) => plain(row[1]))).toEqual(
      lang === 'en'
        ? ['Monday, May 17, 2027 (moved from Saturday)', 'Monday, November 15, 2027', 'Monday, May 15, 2028', 'Wednesday, November 15, 2028']
        : [
            'lunes, 17 de mayo de 2027 (trasladada desde el sábado)',
            'lunes, 15 de noviembre de 2027',
            'lunes, 15 de mayo de 2028',
            'miércoles, 15 de noviembre de 2028',
          ],
    );
  });
});

describe('an empty agreement', () => {
  const blank: Agreement = createBlank('en', { title: 'Blank', now: at });
  const outline = buildOutline(blank, 'en');

  it('says what was not recorded instead of showing empty tables', () => {
    const all = words(outline);
    for (const note of [
      'No participants were recorded.',
      'No buyer personas were described.',
      'No KPIs were chosen.',
      'No decisions were recorded.',
      'Nothing was left in the parking lot.',
      'No rejection reasons were agreed.',
    ])
      expect(all).toContain(note);
    expect(all).toContain('No date was set for the first formal review, so there is no calendar yet.');
    expect(all).toContain('Not specified');
    expect(all).toContain('Not set');
    for (const s of outline.sections) for (const b of s.blocks) if (b.kind === 'table') expect(b.rows.length, `${s.id} ${b.caption ?? ''}`).toBeGreaterThan(0);
  });

  it('says the calculator derived nothing when its inputs are missing', () => {
    expect(words(outline)).toContain('The calculator’s inputs are incomplete, so it derived no figures.');
  });
});

describe('an amendment', () => {
  it('opens with what changed since the signed version, in words', () => {
    const before = createExample('es', at);
    const after = structuredClone(before);
    after.meta = { ...after.meta, id: 'v2', version: 2, amendsId: before.meta.id };
    after.goals.targets[0]!.monthly = 600;
    after.protocol.firstContactBusinessHours = 2;
    const changes = diffAgreements(before, after);
    const outline = buildOutline(after, 'es', { changes, baseVersion: 1 });
    const first = outline.sections[0];
    expect(first?.id).toBe('changes');
    expect(first?.heading).toBe('Cambios desde la versión 1');
    const list = first?.blocks.find((b) => b.kind === 'list');
    expect(list?.kind === 'list' ? list.items : []).toHaveLength(2);
    expect(text(outline)).toMatch(/«500» → «600»/);
    expect(buildOutline(after, 'es', { changes: [] }).sections[0]?.id).toBe('parties');
  });

  it('can be read in the other language than the agreement’s', () => {
    const outline = buildOutline(createExample('es', at), 'en');
    expect(section(outline, 'goals')?.heading).toBe('Goals');
    expect(words(outline)).toContain('€200,000');
  });
});
