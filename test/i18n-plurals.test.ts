import { knownMessage } from './support/messages';
import { describe, expect, it } from 'vitest';
import { createTranslator, resources } from '../src/shared/i18n';
import type { Language } from '../src/shared/model/schema';

type Tree = { [key: string]: string | Tree | readonly string[] };

function messages(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : Array.isArray(value) ? [] : messages(value as Tree, `${prefix}${key}.`),
  );
}

/** Counts that reach every plural category of both languages, including Spanish "many" (a million). */
const COUNTS = [0, 1, 2, 5, 21, 1.5, 1_000_000, 2_000_000];

describe.each<Language>(['en', 'es'])('counts in %s', (lang) => {
  const t = createTranslator(lang);
  const all = messages(resources[lang].translation as unknown as Tree);
  const pluralBases = [...new Set(all.filter(([key]) => /_(one|other|many)$/.test(key)).map(([key]) => key.replace(/_(one|other|many)$/, '')))];

  it('has a plural message for every category the language uses, at every count', () => {
    expect(pluralBases.length).toBeGreaterThan(15);
    for (const base of pluralBases) {
      for (const count of COUNTS) {
        const params = {
          count,
          value: String(count),
          signed: 0,
          done: 0,
          total: 8,
          attempts: 'x',
          file: 'f',
          title: 't',
          version: 1,
          fingerprint: 'ab',
          subject: 's',
          kind: 'k',
          time: 't',
        };
        expect(knownMessage(t, base, params), `${base} with ${count}`).not.toBe(base);
      }
    }
  });

  it('says one of something in the singular', () => {
    const one = (key: string, params: Record<string, string | number> = {}) => knownMessage(t, key, { count: 1, value: '1', ...params });
    if (lang === 'es') {
      expect(one('workshop.stepBadge.missing')).toBe('1 pendiente');
      expect(one('steps.review.notReady')).toBe('1 punto abierto');
      expect(one('facilitation.log.parkingTab')).toBe('Temas aparcados (1 pendiente)');
      expect(one('facilitation.agenda.under')).toBe('Sobra 1 min.');
      expect(one('steps.review.status.signatures', { signed: 1 })).toBe('1 de 1 firma');
      expect(one('errors.not_ready')).toBe('Este acuerdo aún no se puede firmar: queda 1 punto pendiente.');
      expect(one('document.protocol.units.hours')).toBe('1 hora');
      expect(t('document.kpis.value.days', { count: 1_000_000, value: '1.000.000' })).toBe('1.000.000 de días');
    } else {
      expect(one('steps.review.notReady')).toBe('1 open point');
      expect(one('steps.review.status.signatures', { signed: 1 })).toBe('1 of 1 signature');
      expect(one('errors.not_ready')).toBe('This agreement cannot be signed yet: 1 open point remains.');
      expect(one('document.protocol.units.hours')).toBe('1 hour');
    }
  });

  it('never follows a name people typed with a second full stop', () => {
    const sentence = t('document.parties.intro', { company: 'Acme S.L.' });
    expect(sentence).toContain('Acme S.L. ');
    expect(sentence).not.toContain('S.L..');
    expect(t('document.digitalSignature.comment', { title: 'T', version: 1, fingerprint: 'ab', signers: 'Ana Ruiz y Cía.' })).toMatch(/Cía\.$/);
    expect(t('settings.keys.imported', { organization: 'Acme Inc.' })).toMatch(/Acme Inc\.$/);
    expect(t('document.parties.intro', { company: 'Acme' })).toContain('Acme. ');
  });

  it('marks every typed name that ends a sentence, so the rule above holds for new messages too', () => {
    // Placeholders that carry text people typed (titles, companies, names); numbers, dates and codes never end in a dot.
    const typed = /\{\{(company|title|name|signers|organization|subject|owner|text)\}\}\./;
    // The command line's usage messages name its own options and commands, which never end in a dot.
    expect(all.filter(([key, message]) => !key.startsWith('cli.usage.') && typed.test(message)).map(([key]) => key)).toEqual([]);
  });
});
