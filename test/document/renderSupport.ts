import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PAGE } from '../../src/main/core/document/theme';

const run = promisify(execFile);

export interface RenderedPage {
  /** The page's text as pdftotext -layout lays it out. */
  text: string;
  /** How much of the text area the page's body fills, 0–1: from the top margin to its lowest word. */
  fill: number;
}

export interface Rendered {
  name: string;
  docx: string;
  pages: RenderedPage[];
  /** Where pdftoppm wrote the page images, for a person to look at. */
  pngDir: string;
  /** The PDF's bookmarks (its outline), as pdftohtml lists them. */
  bookmarks: string[];
}

const TWIPS_PER_POINT = 20;
const TOP = PAGE.margin.top / TWIPS_PER_POINT;
const BOTTOM = (PAGE.height - PAGE.margin.bottom) / TWIPS_PER_POINT;

/** Each page's fill, from pdftotext -bbox: the lowest word inside the text area (header and footer left out). */
function fills(bboxHtml: string): number[] {
  return bboxHtml
    .split('<page ')
    .slice(1)
    .map((page) => {
      const bottoms = [...page.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)]
        .map((m) => [Number(m[1]), Number(m[2])] as const)
        .filter(([top]) => top > TOP - 2 && top < BOTTOM);
      const lowest = Math.max(TOP, ...bottoms.map(([, bottom]) => bottom));
      return (lowest - TOP) / (BOTTOM - TOP);
    });
}

/**
 * Converts every file with ONE LibreOffice (headless, a profile of its own so it never waits on another), then
 * reads each PDF back as text and page fills, and renders its pages to PNG in `resultsDir/<name>/`.
 */
export async function renderAll(files: { name: string; bytes: Uint8Array }[], workDir: string, resultsDir: string): Promise<Map<string, Rendered>> {
  const paths = files.map(({ name, bytes }) => {
    const docx = join(workDir, `${name}.docx`);
    writeFileSync(docx, bytes);
    return docx;
  });
  await run('libreoffice', ['--headless', `-env:UserInstallation=file://${join(workDir, 'profile')}`, '--convert-to', 'pdf', '--outdir', workDir, ...paths], {
    timeout: 300_000,
  });
  const out = new Map<string, Rendered>();
  for (const [i, { name }] of files.entries()) {
    const docx = paths[i] ?? '';
    const pdf = docx.replace(/\.docx$/, '.pdf');
    const [{ stdout: text }, { stdout: bbox }, { stdout: xml }] = await Promise.all([
      run('pdftotext', ['-layout', pdf, '-']),
      run('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }),
      run('pdftohtml', ['-xml', '-i', '-q', '-stdout', pdf], { maxBuffer: 64 * 1024 * 1024 }),
    ]);
    const outline = xml.slice(xml.indexOf('<outline>'));
    const bookmarks = [...outline.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => (m[1] ?? '').replace(/&amp;/g, '&'));
    const pngDir = join(resultsDir, name);
    rmSync(pngDir, { recursive: true, force: true });
    mkdirSync(pngDir, { recursive: true });
    await run('pdftoppm', ['-png', '-r', '60', pdf, join(pngDir, 'page')]);
    const pageFills = fills(bbox);
    const texts = text.split('\f').slice(0, pageFills.length);
    out.set(name, { name, docx, pngDir, bookmarks, pages: texts.map((t, p) => ({ text: t, fill: pageFills[p] ?? 0 })) });
  }
  return out;
}

export const pngCount = (dir: string): number => readdirSync(dir).filter((f) => f.endsWith('.png')).length;

export interface DocxStructure {
  file: string;
  headings?: [string, string][];
  language?: string;
  version?: string;
  keywords?: string;
  error?: string;
}

/** What python-docx reads from each file (test/document/docx_structure.py), one python for all. */
export async function pythonDocx(paths: string[]): Promise<Map<string, DocxStructure>> {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'docx_structure.py');
  const { stdout } = await run('/usr/bin/python3', [script, ...paths], { timeout: 120_000 });
  const results = stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as DocxStructure);
  return new Map(results.map((r) => [r.file, r]));
}

/** The page numbers stored in the contents' PAGEREF fields, by bookmark. */
export function storedPages(documentXml: string): Map<string, number> {
  return new Map([...documentXml.matchAll(/<w:fldSimple w:instr="PAGEREF sla_(\w+) \\h"><w:r><w:t[^>]*>(\d+)<\/w:t>/g)].map((m) => [m[1] ?? '', Number(m[2])]));
}
