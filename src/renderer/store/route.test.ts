import { describe, expect, it } from 'vitest';
import { formatRoute, parseRoute } from './route';

describe('hash routes', () => {
  it('reads the home, trash and workshop screens from the hash', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/trash')).toEqual({ name: 'trash' });
    expect(parseRoute('#/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('#/agreements/abc-123')).toEqual({ name: 'workshop', id: 'abc-123', step: 'participants' });
    expect(parseRoute('#/agreements/abc-123/goals')).toEqual({ name: 'workshop', id: 'abc-123', step: 'goals' });
    expect(parseRoute('#/agreements/abc-123/review')).toEqual({ name: 'workshop', id: 'abc-123', step: 'review' });
    expect(parseRoute('#/agreements/abc-123/nonsense')).toEqual({ name: 'workshop', id: 'abc-123', step: 'participants' });
  });

  it('reads an agreement’s monthly results and which part of them', () => {
    expect(parseRoute('#/agreements/abc-123/results')).toEqual({ name: 'results', id: 'abc-123', view: 'figures' });
    expect(parseRoute('#/agreements/abc-123/results/review')).toEqual({ name: 'results', id: 'abc-123', view: 'review' });
    expect(parseRoute('#/agreements/abc-123/results/import')).toEqual({ name: 'results', id: 'abc-123', view: 'import' });
    expect(parseRoute('#/agreements/abc-123/results/nonsense')).toEqual({ name: 'results', id: 'abc-123', view: 'figures' });
    expect(parseRoute(`#/agreements/${'x'.repeat(65)}/results`)).toEqual({ name: 'home' });
  });

  it('falls back to home for unknown, malformed or oversized hashes', () => {
    expect(parseRoute('#/nowhere')).toEqual({ name: 'home' });
    expect(parseRoute('#/agreements/%E0%A4%A')).toEqual({ name: 'home' });
    expect(parseRoute(`#/agreements/${'x'.repeat(65)}`)).toEqual({ name: 'home' });
  });

  it('round-trips every route, escaping ids', () => {
    for (const route of [
      { name: 'home' },
      { name: 'trash' },
      { name: 'settings' },
      { name: 'workshop', id: 'a/b c', step: 'kpis' },
      { name: 'results', id: 'a/b c', view: 'review' },
    ] as const) {
      expect(parseRoute(formatRoute(route))).toEqual(route);
    }
  });
});
