/** Names Windows refuses for a file whatever the extension (CON.docx is still CON). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/**
 * A file name safe on every OS from an agreement's title: ASCII letters, digits, `_` and `-` only (accents
 * dropped, everything else a dash), at most 80 characters before the extension, never a Windows device name.
 */
export function fileNameFromTitle(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_ -]+/g, '-')
    .trim()
    .replace(/[\s-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  const stem = WINDOWS_RESERVED.test(base) ? `${base}-agreement` : base;
  return `${stem || 'agreement'}${extension}`;
}
