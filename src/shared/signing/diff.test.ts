import { describe, expect, it } from 'vitest';
import { createTranslator, resources } from '../i18n';
import { createExample } from '../model/example';
import type { Agreement } from '../model/schema';
import { signedContent } from './canonical';
import { diffAgreements, describeChange } from './diff';

const at = new Date('2026-01-01T00:00:00Z');
const en = createTranslator('en');
const es = createTranslator('es');

describe('what changed since the signed version', () => {
  const before = createExample('en', at);
  const amend = (change: (a: Agreement) => void): Agreement => {
    const after = structuredClone(before);
    after.meta = { ...after.meta, id: 'amendment', version: 2, amendsId: before.meta.id };
    change(after);
    return after;
  };

  it('finds nothing in an untouched amendment (ids, version and link are not news)', () => {
    expect(
      diffAgreements(
        before,
        amend(() => undefined),
      ),
    ).toEqual([]);
  });

  it('words a changed field inside a list item, naming the item, in both languages', () => {
    const after = amend((a) => {
      a.lifecycle.stages[1]!.definition = 'New definition';
    });
    const changes = diffAgreements(before, after);
    expect(changes).toHaveLength(1);
    const stage = before.lifecycle.stages[1]!;
    expect(describeChange(changes[0]!, en)).toBe(`Lifecycle stages › “${stage.name}” › Definition: “${stage.definition}” → “New definition”`);
    expect(describeChange(changes[0]!, es)).toBe(`Etapas del ciclo de vida › «${stage.name}» › Definición: «${stage.definition}» → «New definition»`);
  });

  it('reports added, removed and reordered items, and targets by stage name', () => {
    const after = amend((a) => {
      a.kpis.push({ ...a.kpis[0]!, id: 'k-new', name: 'Win rate' });
      a.icp.personas.splice(0, 1);
      a.lifecycle.stages.reverse();
      a.goals.targets[0]!.monthly = 999;
    });
    const words = diffAgreements(before, after).map((c) => describeChange(c, en));
    expect(words).toContain('KPIs: added “Win rate”');
    expect(words).toContain(`Ideal customer & buyer personas: removed “${before.icp.personas[0]!.name}”`);
    expect(words.some((w) => w.startsWith('Lifecycle stages › order:'))).toBe(true);
    const stageName = before.lifecycle.stages.find((s) => s.id === before.goals.targets[0]!.stageId)!.name;
    expect(words).toContain(`Goals › “${stageName}” › Monthly target: “${before.goals.targets[0]!.monthly!.toLocaleString('en-US')}” → “999”`);
  });

  it('translates codes and yes/no, and names people instead of ids', () => {
    const after = amend((a) => {
      a.participants[2]!.mustSign = true;
      a.handoff.routing = 'notification';
      a.cadence.participantIds = [a.participants[0]!.id];
    });
    const words = diffAgreements(before, after).map((c) => describeChange(c, es));
    expect(words).toContain(`Participantes › «${before.participants[2]!.name}» › Debe firmar: «no» → «sí»`);
    expect(words.some((w) => w.startsWith('Traspaso › Asignación:') && w.endsWith(`«${es('steps.handoff.routingOptions.notification')}»`))).toBe(true);
    expect(words.some((w) => w.startsWith('Calendario de revisión › Participantes en la revisión:') && w.endsWith(`«${before.participants[0]!.name}»`))).toBe(
      true,
    );
  });

  it('words a changed date with its weekday, in the reader’s language', () => {
    const after = amend((a) => {
      a.cadence.firstReviewDate = '2027-05-17';
    });
    const [change] = diffAgreements({ ...before, cadence: { ...before.cadence, firstReviewDate: '2027-05-15' } }, after);
    expect(describeChange(change!, en)).toBe('Review cadence › First review date: “Saturday, May 15, 2027” → “Monday, May 17, 2027”');
    expect(describeChange(change!, es).endsWith('«sábado, 15 de mayo de 2027» → «lunes, 17 de mayo de 2027»')).toBe(true);
  });

  it('has a label in both languages for every field a signature covers', () => {
    const leaves = new Set<string>();
    const walk = (value: unknown, path: string[]) => {
      if (Array.isArray(value) && value.some((v) => v !== null && typeof v === 'object')) value.forEach((v) => walk(v, path));
      else if (value !== null && typeof value === 'object' && !Array.isArray(value)) for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
      else leaves.add(path.join('.'));
    };
    walk(signedContent(before), []);
    const skipped = ['meta.id', 'meta.version', 'meta.amendsId', 'meta.createdAt', 'goals.targets.stageId'];
    const lookup = (tree: unknown, key: string) => key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
    for (const leaf of [...leaves].filter((l) => !skipped.includes(l) && !l.endsWith('.id'))) {
      expect(typeof lookup(resources.en.translation.changes.field, leaf), leaf).toBe('string');
      expect(typeof lookup(resources.es.translation.changes.field, leaf), leaf).toBe('string');
    }
  });
});
