import { describe, expect, it } from 'vitest';
import { DEFAULT_AGENDA_MINUTES } from '../agenda';
import { m002 } from './002-currency-and-agenda';

const v1 = (language: string, extra: Record<string, unknown> = {}) => ({ meta: { id: 'a1', language, title: 'T' }, participants: [], ...extra });

describe('model migration 2 (currency and agenda)', () => {
  it('gives an agreement the currency of its language and the default agenda', () => {
    expect(m002.agreement(v1('es')).agreement).toEqual({
      meta: { id: 'a1', language: 'es', title: 'T', currency: 'EUR' },
      participants: [],
      agenda: { minutes: DEFAULT_AGENDA_MINUTES },
    });
    expect(m002.agreement(v1('en')).agreement).toMatchObject({ meta: { currency: 'USD' } });
  });

  it('keeps a currency and an agenda that are already there, and everything it does not know', () => {
    const agenda = { minutes: { icp: 5 } };
    const out = m002.agreement({ ...v1('es', { agenda, unknownField: 1 }), meta: { id: 'a1', language: 'es', currency: 'MXN' } }).agreement;
    expect(out).toMatchObject({ meta: { currency: 'MXN' }, agenda, unknownField: 1 });
  });

  it('hands on what is not an agreement untouched, for the schema to refuse', () => {
    expect(m002.agreement([1, 2]).agreement).toEqual([1, 2]);
    expect(m002.agreement(null).agreement).toBeNull();
    expect(m002.agreement(v1('en')).actuals).toBeUndefined();
  });
});
