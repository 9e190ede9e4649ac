// A Playwright reporter that prints why tests were skipped, once per reason, after the run: the
// list reporter shows a skipped test as a dash and nothing more, and "the Electron binary is not
// installed here" is worth saying out loud (README, "Test it").
import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';
import { relative } from 'node:path';
import { countOf } from '../shared/wording';

export default class SkipReasonsReporter implements Reporter {
  /** Reason → the spec files whose tests it skipped, and how many tests. */
  private readonly reasons = new Map<string, { files: Set<string>; tests: number }>();

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const skip = [...result.annotations, ...test.annotations].find((a) => a.type === 'skip');
    const reason = skip?.description?.trim() || 'no reason given';
    const entry = this.reasons.get(reason) ?? { files: new Set<string>(), tests: 0 };
    entry.files.add(relative(process.cwd(), test.location.file));
    entry.tests++;
    this.reasons.set(reason, entry);
  }

  onEnd(_result: FullResult): void {
    for (const [reason, { files, tests }] of this.reasons) {
      process.stdout.write(`Skipped ${countOf(tests, 'test')} in ${[...files].join(', ')}: ${reason}\n`);
    }
  }

  printsToStdio(): boolean {
    return true;
  }
}
