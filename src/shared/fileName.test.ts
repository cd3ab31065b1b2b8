import { describe, expect, it } from 'vitest';
import { fileNameFromTitle } from './fileName';

describe('a file name from a title', () => {
  it('keeps words, drops accents and anything a file system could refuse', () => {
    expect(fileNameFromTitle('Acuerdo — Ñandú: 2027?', '.docx')).toBe('Acuerdo-Nandu-2027.docx');
    expect(fileNameFromTitle('../../etc/passwd', '.slaw')).toBe('etc-passwd.slaw');
    expect(fileNameFromTitle('', '.docx')).toBe('agreement.docx');
  });
  it('never gives a Windows device name', () => {
    for (const name of ['CON', 'nul', 'Com1', 'LPT9']) expect(fileNameFromTitle(name, '.docx')).toBe(`${name}-agreement.docx`);
    expect(fileNameFromTitle('Console', '.docx')).toBe('Console.docx');
  });
});
