import { assess } from '../core/assess.js';
import type { Assessment } from '../core/assessment.js';
import { levelRank, type Level } from '../core/vocab.js';
import type { Lang } from '../i18n/index.js';
import { type Format, RENDERERS } from '../report/registry.js';
import { useColor } from './color.js';
import { EXIT, reportFailure, UsageError } from './errors.js';
import { writeAtomic, writeStdout } from './io.js';
import { loadAll, type LoadOptions } from './load-inputs.js';
import { dateOption, langOf, out } from './shared.js';

interface AssessOptions extends LoadOptions {
  format: Format; lang?: Lang; failOn?: Level; asOf?: string; output?: string; force?: boolean; quiet?: boolean; color?: boolean;
}

export async function runAssess(files: string[], opts: AssessOptions): Promise<number> {
  try {
    const asOf = dateOption('--as-of', opts.asOf);
    // Every input is validated before anything is written; then each incident is assessed while
    // the report is written, so a large portfolio never holds all its assessments at once.
    const incidents = loadAll(files, opts);
    let worst = -1;
    function* assessments(): Generator<Assessment> {
      for (const i of incidents) {
        const a = assess(i.incident, i.source, asOf ? { asOf } : {});
        worst = Math.max(worst, levelRank(a.severity.level));
        yield a;
      }
    }
    if (!opts.quiet || opts.output) {
      const { lang, t } = langOf(opts);
      const color = useColor({ color: opts.color }, process.env, !opts.output && !!process.stdout.isTTY);
      const render = await RENDERERS[opts.format]();
      const chunks = render(assessments(), { t, lang, version: __BREACH_VERSION__, color, width: process.stdout.columns || 80 });
      if (opts.output) writeAtomic(opts.output, chunks, !!opts.force, files);
      else await writeStdout(chunks);
    } else {
      for (const _ of assessments()) { /* levels only */ }
    }
    return opts.failOn !== undefined && worst >= levelRank(opts.failOn) ? EXIT.failOn : EXIT.ok;
  } catch (e) {
    return reportFailure(e, process.argv.includes('--debug'), (s) => process.stderr.write(s));
  }
}

export function runValidate(files: string[], opts: LoadOptions & { quiet?: boolean }): number {
  try {
    const incidents = loadAll(files, opts);
    if (!opts.quiet) {
      for (const i of incidents) out(`${i.source}: ok (${i.incident.datasets.length} dataset${i.incident.datasets.length === 1 ? '' : 's'})\n`);
    }
    return EXIT.ok;
  } catch (e) {
    return reportFailure(e, process.argv.includes('--debug'), (s) => process.stderr.write(s));
  }
}
