import { AlignmentType, BorderStyle, LevelFormat, type INumberingOptions, type IStylesOptions } from 'docx';
import type { Language } from '../../../shared/model/schema';
import { COLOR, FONT, MONO_FONT, SIZE } from './theme';

/** Paragraph styles by name, so builders say what a paragraph is, not how it looks. */
export const STYLE = {
  tableText: 'TableText',
  tableHeader: 'TableHeader',
  fieldLabel: 'FieldLabel',
  note: 'Note',
  caption: 'TableCaption',
  small: 'Small',
  tocEntry: 'TocEntry',
  mono: 'Mono',
} as const;

/** Lists, declared once and referenced by name (an ordered list restarts with each new `instance`). */
export const LIST = { bullets: 'bullets', ordered: 'ordered' } as const;

/** The contents' entries, in half-points. */
export const ENTRY_SIZE = 21;

export const PROOFING: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

/** The document's styles; the language is set for Word's spelling and hyphenation. */
export const stylesFor = (lang: Language): IStylesOptions => ({
  default: {
    document: {
      run: { font: FONT, size: SIZE.body, color: COLOR.text, language: { value: PROOFING[lang] } },
      paragraph: { spacing: { after: 120, line: 276 } },
    },
    title: { run: { font: FONT, size: SIZE.title, bold: true, color: COLOR.text }, paragraph: { spacing: { after: 120, line: 240 } } },
    heading1: {
      run: { font: FONT, size: SIZE.h1, bold: true, color: COLOR.accent },
      paragraph: {
        spacing: { before: 360, after: 200, line: 240 },
        outlineLevel: 0,
        keepNext: true,
        keepLines: true,
        border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: COLOR.accent, space: 6 } },
      },
    },
    heading2: {
      run: { font: FONT, size: SIZE.h2, bold: true, color: COLOR.accent },
      paragraph: { spacing: { before: 280, after: 100, line: 240 }, outlineLevel: 1, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: FONT, size: SIZE.h3, bold: true, color: COLOR.text },
      paragraph: { spacing: { before: 200, after: 80, line: 240 }, outlineLevel: 2, keepNext: true, keepLines: true },
    },
  },
  paragraphStyles: [
    {
      id: STYLE.tableText,
      name: 'Table Text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: SIZE.table },
      paragraph: { spacing: { before: 0, after: 40, line: 252 } },
    },
    { id: STYLE.tableHeader, name: 'Table Header', basedOn: STYLE.tableText, run: { bold: true, color: COLOR.accent }, paragraph: { keepNext: true } },
    { id: STYLE.fieldLabel, name: 'Field Label', basedOn: STYLE.tableText, run: { bold: true, color: COLOR.muted } },
    {
      id: STYLE.caption,
      name: 'Table Caption',
      basedOn: 'Normal',
      run: { bold: true, size: SIZE.body, color: COLOR.text },
      paragraph: { spacing: { before: 160, after: 80 }, keepNext: true },
    },
    { id: STYLE.note, name: 'Note', basedOn: 'Normal', run: { italics: true, color: COLOR.muted }, paragraph: { spacing: { before: 40, after: 160 } } },
    { id: STYLE.small, name: 'Small', basedOn: 'Normal', run: { size: SIZE.small, color: COLOR.muted }, paragraph: { spacing: { after: 60 } } },
    { id: STYLE.tocEntry, name: 'Contents Entry', basedOn: 'Normal', run: { size: ENTRY_SIZE }, paragraph: { spacing: { before: 80, after: 80 } } },
    { id: STYLE.mono, name: 'Code', basedOn: 'Normal', run: { font: MONO_FONT, size: SIZE.table }, paragraph: { spacing: { after: 80 } } },
  ],
});

const indent = { left: 400, hanging: 260 };
export const numbering: INumberingOptions = {
  config: [
    {
      reference: LIST.bullets,
      levels: [
        { level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { run: { color: COLOR.accent }, paragraph: { indent } } },
      ],
    },
    {
      reference: LIST.ordered,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { run: { color: COLOR.accent, bold: true }, paragraph: { indent } },
        },
      ],
    },
  ],
};
