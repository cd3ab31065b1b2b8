import { describe, expect, it } from 'vitest';
import { slawFileName } from './agreements';

describe('slawFileName', () => {
  it('keeps readable words and drops accents', () => {
    expect(slawFileName('Acuerdo de nivel de servicio — Ñandú 2027')).toBe('Acuerdo-de-nivel-de-servicio-Nandu-2027.slaw');
  });

  it('never yields a path or a hidden or empty name', () => {
    expect(slawFileName('../../etc/passwd')).toBe('etc-passwd.slaw');
    expect(slawFileName('..\\..\\Windows\\system32')).toBe('Windows-system32.slaw');
    expect(slawFileName('...')).toBe('agreement.slaw');
    expect(slawFileName('')).toBe('agreement.slaw');
    expect(slawFileName('a'.repeat(500))).toHaveLength(80 + '.slaw'.length);
  });
});
