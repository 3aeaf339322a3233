import { assess } from '../core/assess.js';
import type { Assessment } from '../core/assessment.js';
import type { Incident, SourcedIncident } from '../core/incident.js';
import { levelRank, type Level } from '../core/vocab.js';
import type { Lang, Translator } from '../i18n/index.js';
import { type Format, RENDERERS } from '../report/registry.js';
import { fmtNumber, levelText } from '../report/view.js';
import { cliText } from './cli-messages.js';
import { useColor } from './color.js';
import { EXIT, printDiagnostics, reportFailure, UsageError } from './errors.js';
import { isStdout, writeAtomic } from './io.js';
import { loadEach, type LoadOptions } from './load-inputs.js';
import { dateOption, langOf } from './shared.js';
import { printLines, printText, writeStdout } from './terminal.js';
import { cleanDeep, type OutputKind } from '../util/sanitize.js';

interface AssessOptions extends LoadOptions {
  format: Format; lang?: Lang; failOn?: Level; asOf?: string; output?: string; force?: boolean; quiet?: boolean; color?: boolean;
  detail?: boolean; detailThreshold?: string;
}

/** At most this many incidents are named on stderr by --fail-on; then a count. */
const MAX_FAIL_LINES = 200;

/**
 * The run's assessments, re-iterable: each pass assesses the incidents again (a renderer that
 * needs the overview before the details reads twice), so no pass holds all the assessments.
 * The first pass records the worst level and the incidents that reached --fail-on.
 */
class Run implements Iterable<Assessment> {
  worst = -1;
  reached: { incident: SourcedIncident; level: Level; score: number }[] = [];
  reachedCount = 0;
  private passes = 0;
  private readonly byIncident = new WeakMap<Incident, SourcedIncident>();

  constructor(readonly incidents: SourcedIncident[], private readonly asOf: string | undefined, private readonly failOn: Level | undefined) {
    for (const i of incidents) this.byIncident.set(i.incident, i);
  }

  *[Symbol.iterator](): Generator<Assessment> {
    const first = this.passes++ === 0;
    const min = this.failOn === undefined ? Infinity : levelRank(this.failOn);
    for (const i of this.incidents) {
      const a = assess(i.incident, i.source, this.asOf ? { asOf: this.asOf } : {});
      if (first) {
        const rank = levelRank(a.severity.level);
        if (rank > this.worst) this.worst = rank;
        if (rank >= min) {
          this.reachedCount++;
          if (this.reached.length < MAX_FAIL_LINES) this.reached.push({ incident: i, level: a.severity.level, score: a.severity.score });
        }
      }
      yield a;
    }
  }

  lineOf = (a: Assessment): number => this.byIncident.get(a.incident)?.line?.() ?? 1;
}

export async function runAssess(files: string[], opts: AssessOptions): Promise<number> {
  try {
    const asOf = dateOption('--as-of', opts.asOf);
    const detailThreshold = countOption('--detail-threshold', opts.detailThreshold);
    const toStdout = isStdout('--output', opts.output);
    const { lang, t } = langOf(opts);
    // Every file is validated before anything is written; an invalid file is reported and left
    // out (exit 2), the others are assessed. Each incident is assessed while the report is
    // written, so a large portfolio never holds all its assessments at once.
    const loaded = loadEach(files, opts);
    if (loaded.problems.length) {
      printDiagnostics(loaded.problems);
      if (opts.bail || !loaded.incidents.length) return EXIT.usage;
      if (!opts.quiet) {
        const lines = loaded.files.filter((f) => f.skipped && f.incidents).map((f) => `breach: ${t('ci.skipped', { file: f.file, count: f.skipped })}`);
        const invalid = loaded.files.filter((f) => f.problems && !f.incidents).length;
        if (invalid) lines.push(`breach: ${t('ci.invalidFiles', { count: invalid })}`);
        printLines('err', lines);
      }
    }
    const color = (!opts.quiet || !toStdout) && opts.format === 'table' && useColor({ color: opts.color }, process.env, toStdout && !!process.stdout.isTTY);
    // Coloured text keeps breach's colour codes, so the data drawn into it is cleaned first.
    const run = new Run(color ? loaded.incidents.map((i) => ({ ...i, source: cleanDeep(i.source), incident: cleanDeep(i.incident) })) : loaded.incidents, asOf, opts.failOn);
    if (!opts.quiet || !toStdout) {
      const kind: OutputKind = color ? 'color' : JSON_FORMATS.has(opts.format) ? 'json' : 'text';
      const render = await RENDERERS[opts.format]();
      const chunks = render(run, {
        t, lang, version: __BREACH_VERSION__, color, width: process.stdout.columns || 80,
        count: loaded.incidents.length, detail: !!opts.detail, ...(detailThreshold !== undefined && { detailThreshold }),
        ...(opts.failOn && { failOn: opts.failOn }), lineOf: run.lineOf,
      });
      if (!toStdout) writeAtomic(opts.output!, chunks, kind, { option: '--output', force: !!opts.force, inputs: files });
      else await writeStdout(chunks, kind);
    } else {
      for (const _ of run) { /* levels only */ }
    }
    const failed = opts.failOn !== undefined && run.worst >= levelRank(opts.failOn);
    if (failed && !opts.quiet) printLines('err', failOnReport(run, opts.failOn!, t));
    return loaded.problems.length ? EXIT.usage : failed ? EXIT.failOn : EXIT.ok;
  } catch (e) {
    return reportFailure(e);
  }
}

const JSON_FORMATS = new Set<Format>(['json', 'ndjson', 'sarif']);

/** Which incidents reached --fail-on, and from which file and line (on stderr). */
function failOnReport(run: Run, failOn: Level, t: Translator): string[] {
  const lines = run.reached.map(({ incident: i, level, score }) => t('ci.failOn', {
    file: i.source.replace(/#[^#/\\]*$/, ''), line: i.line?.() ?? 1, title: i.incident.title ?? i.source,
    level: levelText(level, t), score, failOn,
  }));
  if (run.reachedCount > run.reached.length) lines.push(t('ci.failOn.more', { more: run.reachedCount - run.reached.length, failOn }));
  return lines.map((l) => `breach: ${l}`);
}

function countOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw new UsageError(`${name} must be a whole number of incidents (got "${value.slice(0, 30)}")`);
  return Number(value);
}

export function runValidate(files: string[], opts: LoadOptions & { quiet?: boolean; format?: 'text' | 'json'; lang?: Lang }): number {
  const { lang } = langOf(opts);
  try {
    const loaded = loadEach(files, opts);
    if (opts.format === 'json') {
      // Diagnostics as data: what a CI step or an editor integration parses.
      const doc = {
        schemaVersion: 1,
        generator: { name: 'breach', version: __BREACH_VERSION__ },
        valid: loaded.problems.length === 0,
        files: loaded.files.map((f) => ({ file: f.file, valid: f.problems === 0, incidents: f.incidents, problems: f.problems, ...(f.skipped && { skipped: f.skipped }) })),
        diagnostics: loaded.problems.map((d) => ({ file: d.file, line: d.line, col: d.col, message: d.message, severity: 'error' })),
      };
      if (!opts.quiet) printText('out', `${JSON.stringify(doc, null, 2)}\n`, 'json');
    } else {
      if (loaded.problems.length) printDiagnostics(loaded.problems);
      if (!opts.quiet) printLines('out', loaded.incidents.map((i) => cliText(i.incident.datasets.length === 1 ? 'validate.ok.one' : 'validate.ok.many', { file: i.source, count: fmtNumber(i.incident.datasets.length, lang) }, lang)));
    }
    return loaded.problems.length ? EXIT.usage : EXIT.ok;
  } catch (e) {
    return reportFailure(e);
  }
}
