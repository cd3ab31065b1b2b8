/**
 * The agreement's title as a safe file name ending in .docx, made the same way as its .slaw name
 * (`slawFileName` in ../agreements.ts, not imported because that module pulls in the database driver).
 */
export function docxFileName(title: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_ -]+/g, '-')
    .trim()
    .replace(/[\s-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${base || 'agreement'}.docx`;
}
