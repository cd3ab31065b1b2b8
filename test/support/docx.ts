import { DOMParser } from '@xmldom/xmldom';
import JSZip from 'jszip';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface OpenedDocx {
  zip: JSZip;
  names: string[];
  text(name: string): Promise<string>;
  /** The text of each paragraph of a part (its runs joined), as a reader sees it. */
  paragraphs(name: string): Promise<string[]>;
}

/** Parses XML strictly: any error (not just a fatal one) fails, as Word would refuse the part. */
export function parseXmlStrict(xml: string) {
  return new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`${level}: ${message}`);
    },
  }).parseFromString(xml, 'text/xml');
}

export async function openDocx(bytes: Uint8Array): Promise<OpenedDocx> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => {
    const file = zip.file(name);
    if (!file) throw new Error(`no part ${name}`);
    return file.async('string');
  };
  return {
    zip,
    names: Object.keys(zip.files).filter((n) => !zip.files[n]?.dir),
    text,
    async paragraphs(name) {
      const doc = parseXmlStrict(await text(name));
      const ps = doc.getElementsByTagNameNS(W, 'p');
      const out: string[] = [];
      for (let i = 0; i < ps.length; i++) {
        const ts = ps.item(i)?.getElementsByTagNameNS(W, 't');
        let line = '';
        for (let j = 0; j < (ts?.length ?? 0); j++) line += ts?.item(j)?.textContent ?? '';
        out.push(line);
      }
      return out;
    },
  };
}

/** Plain spaces for the no-break spaces Intl puts between numbers and units. */
export const plainSpaces = (text: string): string => text.replace(/[\u00a0\u202f]/g, ' ');
