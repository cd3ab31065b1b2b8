import { Paragraph, Tab, TextRun, type IParagraphOptions, type IRunOptions } from 'docx';

/**
 * Characters XML 1.0 cannot carry (control codes, lone surrogates, U+FFFE/U+FFFF). A single one would make
 * Word refuse the whole file, and the agreement's free text comes from users.
 */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function clean(text: string): string {
  return text.replace(NOT_XML, '');
}

/** A run of user or translated text, cleaned for XML. */
export function run(text: string, options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun {
  return new TextRun({ ...options, text: clean(text) });
}

/**
 * Free text as paragraphs: each line the user typed becomes its own paragraph (keeping blank-line spacing
 * to the paragraph style), so multi-line answers read as they were written.
 */
export function paragraphs(
  text: string,
  options: Omit<IParagraphOptions, 'children' | 'text'> = {},
  runOptions: Omit<IRunOptions, 'text' | 'children'> = {},
): Paragraph[] {
  const lines = clean(text)
    .split('\n')
    .map((line) => line.trimEnd());
  const kept = lines.filter((line, i) => line !== '' || (i > 0 && lines[i - 1] !== ''));
  while (kept.length > 1 && kept[kept.length - 1] === '') kept.pop();
  return (kept.length > 0 ? kept : ['']).map((line) => new Paragraph({ ...options, children: [run(line, runOptions)] }));
}

/** A real tab (`<w:tab/>`): a tab character inside text is not one for Word. */
export function tab(options: Omit<IRunOptions, 'text' | 'children'> = {}): TextRun {
  return new TextRun({ ...options, children: [new Tab()] });
}
