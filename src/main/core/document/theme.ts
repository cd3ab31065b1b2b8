/**
 * The document's look in one place. Calibri is on every machine with Office; LibreOffice substitutes a
 * metric-compatible font (Carlito) or DejaVu Sans, so nothing is downloaded and the layout holds either way.
 */
export const FONT = 'Calibri';
export const MONO_FONT = 'Consolas';

/** Hex colours without '#', as OOXML wants them. One restrained accent, greys for structure, red only for "not signed". */
export const COLOR = {
  accent: '1F4E79',
  accentSoft: 'E8EEF5',
  text: '1F2933',
  muted: '5F6B76',
  rule: 'C5CFD9',
  labelFill: 'F3F5F7',
  draft: 'B42318',
  draftFill: 'FDF0EF',
} as const;

/** Font sizes in half-points (OOXML's unit): 20 = 10 pt. */
export const SIZE = {
  body: 20,
  table: 18,
  small: 16,
  header: 15,
  h1: 30,
  h2: 23,
  h3: 20,
  title: 52,
  coverCompany: 30,
} as const;

/** A4 in twentieths of a point, with the text area the margins leave. */
const PAGE_WIDTH = 11906;
const MARGIN_SIDE = 1247; // 2.2 cm
export const PAGE = {
  width: PAGE_WIDTH,
  height: 16838,
  margin: { top: 1418, bottom: 1247, left: MARGIN_SIDE, right: MARGIN_SIDE, header: 624, footer: 567 },
  textWidth: PAGE_WIDTH - 2 * MARGIN_SIDE,
} as const;

/** Table cell padding, in twips. */
export const CELL_MARGIN = { top: 70, bottom: 70, left: 110, right: 110 } as const;
