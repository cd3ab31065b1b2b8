/**
 * How much room text takes in the document's fonts, in twips, without the fonts themselves: Calibri's (and
 * Carlito's, which has the same metrics) advance widths by character class, and its line height. Good to a few per
 * cent over a paragraph, which is what the page plan (pagination.ts) needs; a full layout engine (docx/layout) takes
 * seconds per export.
 */

/** Calibri's advance widths of the lower-case letters, in em. */
const LOWER: Record<string, number> = {
  a: 0.479,
  b: 0.525,
  c: 0.423,
  d: 0.525,
  e: 0.498,
  f: 0.305,
  g: 0.471,
  h: 0.525,
  i: 0.229,
  j: 0.239,
  k: 0.455,
  l: 0.229,
  m: 0.799,
  n: 0.525,
  o: 0.527,
  p: 0.525,
  q: 0.525,
  r: 0.349,
  s: 0.391,
  t: 0.335,
  u: 0.525,
  v: 0.452,
  w: 0.715,
  x: 0.433,
  y: 0.453,
  z: 0.395,
};
const NARROW = new Set([..." .,;:'!|()[]`´·"]);
const WIDE = new Set([...'MWmw@%&—']);

function charEm(c: string): number {
  const lower = LOWER[c];
  if (lower !== undefined) return lower;
  if (c === ' ') return 0.226;
  if (NARROW.has(c)) return 0.27;
  if (WIDE.has(c)) return 0.86;
  if (/[0-9]/.test(c)) return 0.507;
  const folded = c.normalize('NFD')[0] ?? c;
  const accented = LOWER[folded];
  if (accented !== undefined) return accented;
  if (/\p{Lu}/u.test(folded)) return 0.58;
  return 0.5;
}

/** Width of a string in twips at `sizePt`; bold text is set about 4 % wider. */
export function textWidth(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const c of text) em += charEm(c);
  return em * sizePt * 20 * (bold ? 1.04 : 1);
}

/** Calibri's line height (ascent + descent + gap) as a share of the font size. */
const LINE_EM = 1.22;

/** The height of one line in twips: `multiple` is Word's auto line spacing (276 → 1.15). */
export const lineHeight = (sizePt: number, multiple = 1): number => sizePt * LINE_EM * multiple * 20;

/** How many lines one paragraph of `text` wraps to in `width` twips, breaking at spaces as Word does. */
export function lineCount(text: string, width: number, sizePt: number, bold = false): number {
  if (text.trim() === '') return 1;
  const space = textWidth(' ', sizePt, bold);
  let lines = 1;
  let used = 0;
  for (const word of text.split(/ +/)) {
    const w = textWidth(word, sizePt, bold);
    if (used === 0) {
      lines += Math.max(0, Math.ceil(w / width) - 1);
      used = w % width || (w > 0 ? width : 0);
    } else if (used + space + w <= width) {
      used += space + w;
    } else {
      lines += Math.max(1, Math.ceil(w / width));
      used = w % width || width;
    }
  }
  return lines;
}

/** The paragraphs free text becomes (text.ts `paragraphs`): one per line, single blank lines kept. */
export function textParagraphs(text: string): string[] {
  const lines = text.split('\n').map((line) => line.trimEnd());
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  while (kept.length > 1 && kept[kept.length - 1] === '') kept.pop();
  return kept.length > 0 ? kept : [''];
}
