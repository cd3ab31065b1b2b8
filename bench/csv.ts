import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLargeHubspotCsv } from '../scripts/generate-csv-fixtures.mjs';
import { median, type Row } from './stats';

const CHILD = fileURLToPath(new URL('./csvChild.ts', import.meta.url));
/** `CSV_BENCH_ROWS=100000 npm run bench -- csv` for a quicker look; the budgets are for the full million. */
const ROWS = Number(process.env.CSV_BENCH_ROWS ?? 1_000_000);
const RUNS = 3;
const RSS_BUDGET_MB = 400;
const RATIO_BUDGET = 0.5;

/** What the pipeline's time is made of, measured in the same runs (see bench/csvChild.ts). */
const FLOORS = [
  { mode: 'tokenize', label: 'its byte record reader alone (no dates, checks or sums)' },
  { mode: 'papaparse', label: 'papaparse alone tokenising' },
  { mode: 'fields', label: 'plain split of each line into fields' },
] as const;

interface ChildFigures {
  mode: 'pipeline' | 'split' | (typeof FLOORS)[number]['mode'];
  ms: number;
  cpuMs: number;
  bytes: number;
  rows: number;
  maxRssMb: number;
  /** Pipeline only: worker threads the import used, and the pieces they read that were merged. */
  workers?: number;
  merged?: number;
}

function run(mode: ChildFigures['mode'], file: string): ChildFigures {
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, mode, file], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  if (child.status !== 0) throw new Error(`csv ${mode} failed: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as ChildFigures;
}

const mbPerS = (f: ChildFigures) => f.bytes / 1_048_576 / (f.ms / 1000);

/**
 * The CLI's import path over a generated 1,000,000-row HubSpot-style CSV (~150 MB, written to a temp folder
 * and removed after): fs.createReadStream → importCsv, each run in its own process so its peak RSS is its own,
 * next to a bare line split of the same bytes (decode, split on \n) run in turn with it, RUNS times, so a
 * machine that slows down mid-run slows both alike. Throughput is compared run by run (median ratio). The
 * floors (FLOORS) run in the same turns and say how much of the gap is tokenising the text at all.
 */
export async function benchCsv(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-csv-'));
  try {
    const file = join(dir, 'hubspot-large.csv');
    await writeLargeHubspotCsv(file, ROWS);
    const pipeline: ChildFigures[] = [];
    const split: ChildFigures[] = [];
    const floors = FLOORS.map(() => [] as ChildFigures[]);
    for (let i = 0; i < RUNS; i++) {
      split.push(run('split', file));
      pipeline.push(run('pipeline', file));
      FLOORS.forEach((floor, f) => floors[f]!.push(run(floor.mode, file)));
    }
    if (pipeline.some((p) => p.rows !== ROWS)) throw new Error(`csv pipeline read ${pipeline.map((p) => p.rows).join('/')} rows, not ${ROWS}`);
    const ratios = pipeline.map((p, i) => mbPerS(p) / mbPerS(split[i]!));
    const ratio = median(ratios);
    // CPU time says the same with less noise when other work shares the cores.
    const cpuRatio = median(pipeline.map((p, i) => split[i]!.cpuMs / p.cpuMs));
    const rss = Math.max(...pipeline.map((p) => p.maxRssMb));
    const size = (pipeline[0]!.bytes / 1_048_576).toFixed(0);
    console.log(
      `csv: ${ROWS} rows, ${size} MB — pipeline ${pipeline.map((p) => `${mbPerS(p).toFixed(1)} MB/s`).join(', ')}; ` +
        `line split ${split.map((s) => `${mbPerS(s).toFixed(1)} MB/s`).join(', ')}; ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}; ` +
        `worker threads ${pipeline.map((p) => `${p.workers ?? 0} (${p.merged ?? 0} merged)`).join(', ')}`,
    );
    return [
      {
        name: `csv import ${ROWS} rows (${size} MB): pipeline (${pipeline[0]!.workers ?? 0} worker threads + main)`,
        figure: `${median(pipeline.map(mbPerS)).toFixed(1)} MB/s (${median(pipeline.map((p) => p.ms)).toFixed(0)} ms)`,
        budget: '—',
        ok: null,
      },
      {
        name: `csv import ${ROWS} rows: bare line split`,
        figure: `${median(split.map(mbPerS)).toFixed(1)} MB/s (${median(split.map((s) => s.ms)).toFixed(0)} ms)`,
        budget: '—',
        ok: null,
      },
      {
        name: 'csv import: pipeline ÷ line split (wall time)',
        figure: `${(ratio * 100).toFixed(0)} %`,
        budget: `≥ ${RATIO_BUDGET * 100} %`,
        ok: ratio >= RATIO_BUDGET,
      },
      { name: 'csv import: pipeline ÷ line split (CPU time)', figure: `${(cpuRatio * 100).toFixed(0)} %`, budget: '—', ok: null },
      ...FLOORS.map((floor, f) => {
        const figures = floors[f]!;
        const wall = median(figures.map((p, i) => mbPerS(p) / mbPerS(split[i]!)));
        const cpu = median(figures.map((p, i) => split[i]!.cpuMs / p.cpuMs));
        return {
          name: `csv floor: ${floor.label} ÷ line split (wall, CPU)`,
          figure: `${(wall * 100).toFixed(0)} %, ${(cpu * 100).toFixed(0)} % (${median(figures.map(mbPerS)).toFixed(1)} MB/s)`,
          budget: '—',
          ok: null,
        };
      }),
      { name: 'csv import: peak RSS of the import process', figure: `${rss.toFixed(0)} MB`, budget: `≤ ${RSS_BUDGET_MB} MB`, ok: rss <= RSS_BUDGET_MB },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
