import { fileNameFromTitle } from '../../../shared/fileName';

/** The agreement's title as a safe file name ending in .docx, made the same way as its .slaw name. */
export function docxFileName(title: string): string {
  return fileNameFromTitle(title, '.docx');
}
