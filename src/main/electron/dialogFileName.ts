import { basename } from 'node:path';

/** A name safe to suggest in a save dialog: no folders, no characters Windows refuses, ends in `extension`. */
export function safeDialogFileName(name: string, extension: string): string {
  const base = basename(name.replace(/\\/g, '/'))
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, 120);
  const stem = base.toLowerCase().endsWith(extension) ? base.slice(0, -extension.length) : base;
  return `${stem || 'agreement'}${extension}`;
}
