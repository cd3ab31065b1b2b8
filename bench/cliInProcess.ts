/**
 * Child process of bench/cli.ts: the `export` command's own work, timed inside one process. Its modules are
 * loaded first, so the first call is the export on a cold VM (what a fresh `sla-workshop export` pays for
 * the work itself), the later ones are warm. Prints `{ first, warm: [...] }` as JSON on stdout.
 * Usage: node --import tsx bench/cliInProcess.ts <file.slaw> <out.docx> <runs>
 */
import { runCli } from '../src/main/cli/program';
import '../src/main/cli/commands/exportDocx';
import { timeAsync } from './stats';

const [slaw = '', docx = '', runs = '10'] = process.argv.slice(2);
const io = {
  stdout: () => undefined,
  stderr: (text: string) => void process.stderr.write(text),
  env: { LANG: 'en_US.UTF-8', SLA_WORKSHOP_DATA_DIR: process.env.SLA_WORKSHOP_DATA_DIR },
  cwd: process.cwd(),
};
const times: number[] = [];
for (let i = 0; i < Number(runs); i++) {
  times.push(
    await timeAsync(async () => {
      if ((await runCli(['export', slaw, '-o', docx, '--force'], io)) !== 0) throw new Error('export failed');
    }),
  );
}
process.stdout.write(JSON.stringify({ first: times[0], warm: times.slice(1) }));
