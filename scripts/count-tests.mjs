// Sums Vitest JSON reports into the one closing line CI reads: `N passed, N failed`.
// A report that is missing or unreadable counts as one failure, so a crashed run never looks green.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  const optional = file.includes('e2e') && !existsSync('tests/e2e');
  if (!existsSync(file)) {
    if (!optional) failed += 1;
    continue;
  }
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests ?? 0;
    const failedTests = report.numFailedTests ?? 0;
    failed += failedTests;
    // A file that fails to load has no failed test of its own: count the file.
    if (failedTests === 0) failed += report.numFailedTestSuites ?? 0;
    if (report.numTotalTests === 0) failed += 1;
  } catch {
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
