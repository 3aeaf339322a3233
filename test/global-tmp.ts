// One temporary directory per test run: every test's mkdtemp(tmpdir()) lands inside it (TMPDIR is
// set for the workers by vitest.config.ts), and it is removed when the run ends, so a run leaves
// nothing behind in /tmp however a test exits.
import { rmSync } from 'node:fs';

export default function setup(): () => void {
  return () => {
    const dir = process.env.BREACH_TEST_TMP;
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
