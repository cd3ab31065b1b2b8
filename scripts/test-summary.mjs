// Prints the plain totals line CI reads: "N passed, N failed". A run that never reached the tests
// (typecheck, lint or build failed), or a test file that failed to load, counts as a failure.
import { existsSync, readFileSync } from 'node:fs';

const [file = 'test-results/vitest.json', status = '0'] = process.argv.slice(2);
let passed = 0;
let failed = 0;
if (existsSync(file)) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed = Number(report.numPassedTests) || 0;
    failed = Number(report.numFailedTests) || 0;
    if (report.success === false && failed === 0) failed = 1;
  } catch {
    failed = 1;
  }
}
if (status !== '0' && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
