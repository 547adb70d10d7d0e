// wtr reporter: counts passed / failed / skipped tests of this run (one engine) and, when
// ISC_RESULTS names a file, writes them there with the skip reasons, for the three-engine
// summary that scripts/test.mjs prints. Alone (plain `npx wtr`) it prints the skips itself.
import { writeFileSync } from 'node:fs';
import { engine } from './engines.mjs';

function count(suite, totals, file, path = []) {
  for (const test of suite?.tests ?? []) {
    if (test.skipped) totals.skipped++;
    else if (test.passed) totals.passed++;
    else {
      totals.failed++;
      totals.failures.push({ file, test: [...path, test.name].join(' > '), error: firstLine(test.error?.message) });
    }
  }
  for (const child of suite?.suites ?? []) count(child, totals, file, [...path, child.name]);
}

const firstLine = (message) => String(message ?? '').split('\n')[0].slice(0, 200);

/** @param {{ skips: { file: string, test: string, reason: string }[] }} options */
export function resultsReporter({ skips }) {
  return {
    onTestRunFinished({ sessions }) {
      const totals = { engine, passed: 0, failed: 0, skipped: 0, failedFiles: 0, skips, failures: [] };
      for (const session of sessions) {
        count(session.testResults, totals, session.testFile);
        // A file that failed to load or threw outside a test has no test result to count.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          totals.failedFiles++;
          totals.failures.push({ file: session.testFile, test: '(the file itself)', error: firstLine(session.errors[0]?.message) });
        }
      }
      if (process.env.ISC_RESULTS) writeFileSync(process.env.ISC_RESULTS, JSON.stringify(totals));
      else for (const skip of skips) console.log(`skipped in ${engine}: ${skip.test} (${skip.reason})`);
    },
  };
}
