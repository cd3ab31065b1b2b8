import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeBuild } from '../scripts/node-build.mjs';
import { median, type Row } from './stats';

const RUNS = 15;
const DEV_RUNS = 5;
const BIN = fileURLToPath(new URL('../bin/sla-workshop.mjs', import.meta.url));
const IN_PROCESS = fileURLToPath(new URL('./cliInProcess.ts', import.meta.url));

/** The environment of the children: no tsx or other preloads inherited, English messages. */
const childEnv = (extra: Record<string, string> = {}) => {
  const env: Record<string, string> = { LANG: 'en_US.UTF-8', ...extra };
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined && !/^(NODE_OPTIONS|LANG|LC_.*|SLA_WORKSHOP_.*)$/.test(key)) env[key] = value;
  return env;
};

/** The commands' data folder: a fresh one per run, never the user's own database. */
let dataDir = '';

/** Wall time of one whole process, from spawn to exit, in milliseconds. */
function wall(args: string[], env = childEnv({ SLA_WORKSHOP_DATA_DIR: dataDir })): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${result.stderr.toString()}`);
  return ms;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

/**
 * Start-up of the built `sla-workshop` command next to bare Node's (`node -e 0`), in the same run: the three
 * are started in turn, RUNS times, so a machine that slows down mid-run slows all three alike.
 */
export async function benchCli(): Promise<Row[]> {
  await ensureNodeBuild();
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-cli-'));
  dataDir = join(dir, 'data');
  try {
    const slaw = join(dir, 'example.slaw');
    const docx = join(dir, 'example.docx');
    wall([BIN, 'example', '-o', slaw]);
    const bare: number[] = [];
    const version: number[] = [];
    const exported: number[] = [];
    wall(['-e', '0']);
    wall([BIN, '--version']);
    wall([BIN, 'export', slaw, '-o', docx, '--force']);
    for (let i = 0; i < RUNS; i++) {
      bare.push(wall(['-e', '0']));
      version.push(wall([BIN, '--version']));
      exported.push(wall([BIN, 'export', slaw, '-o', docx, '--force']));
    }
    const dev: number[] = [];
    for (let i = 0; i < DEV_RUNS; i++) dev.push(wall([BIN, '--version'], childEnv({ SLA_WORKSHOP_DEV: '1', SLA_WORKSHOP_DATA_DIR: dataDir })));
    const child = spawnSync(process.execPath, ['--import', 'tsx', IN_PROCESS, slaw, join(dir, 'in-process.docx'), '8'], {
      encoding: 'utf8',
      env: childEnv({ SLA_WORKSHOP_DATA_DIR: dataDir }),
    });
    if (child.status !== 0) throw new Error(`in-process export failed: ${child.stderr}`);
    const inProcess = JSON.parse(child.stdout) as { first: number; warm: number[] };

    const node = median(bare);
    const versionMedian = median(version);
    const exportMedian = median(exported);
    const exportBudget = 2 * node + inProcess.first;
    return [
      { name: `bare Node start-up (\`node -e 0\`), median of ${RUNS}`, figure: fmt(node), budget: '—', ok: null },
      {
        name: '`sla-workshop --version` (built), median',
        figure: `${fmt(versionMedian)} (${(versionMedian / node).toFixed(2)}× bare)`,
        budget: '≤ 2× bare Node',
        ok: versionMedian <= 2 * node,
      },
      {
        name: `the same through tsx (SLA_WORKSHOP_DEV=1), median of ${DEV_RUNS}`,
        figure: `${fmt(median(dev))} (${(median(dev) / node).toFixed(1)}× bare)`,
        budget: '—',
        ok: null,
      },
      {
        name: '`sla-workshop export example.slaw` (built, no digital signature), median',
        figure: `${fmt(exportMedian)} (${(exportMedian / node).toFixed(1)}× bare)`,
        budget: `≤ 2× bare + in-process (${fmt(exportBudget)})`,
        ok: exportMedian <= exportBudget,
      },
      { name: 'the same export in process: first call in a fresh process (modules loaded)', figure: fmt(inProcess.first), budget: '—', ok: null },
      { name: 'the same export in process, warm, median', figure: fmt(median(inProcess.warm)), budget: '—', ok: null },
      {
        name: 'start-up left in the command: export − first in-process call',
        figure: `${fmt(exportMedian - inProcess.first)} (${((exportMedian - inProcess.first) / node).toFixed(1)}× bare)`,
        budget: '≤ 2× bare Node',
        ok: exportMedian - inProcess.first <= 2 * node,
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
