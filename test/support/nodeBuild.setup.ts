import { ensureNodeBuild } from '../../scripts/node-build.mjs';

/**
 * vitest global setup: the CLI tests spawn bin/sla-workshop.mjs, which runs the JavaScript build in out/node.
 * Building here, once, when it is missing or older than its sources, keeps the test files from racing to
 * build it (`npm test` has already built it; this covers `vitest` run on its own).
 */
export default async function setup(): Promise<void> {
  await ensureNodeBuild();
}
