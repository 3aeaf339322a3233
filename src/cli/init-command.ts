// `breach init`: the questionnaire that writes a description, or a template to fill in. Bundled
// apart (dist/init.cjs) with the prompt library, so no other command loads it.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Lang } from '../i18n/index.js';
import { describeAnswers } from '../init/describe.js';
import { initText } from '../init/messages.js';
import { askAnswers, asker, yesNo } from '../init/questionnaire.js';
import { csvGuide, csvTemplate, yamlTemplate } from '../init/template.js';
import { cleanText } from '../util/sanitize.js';
import { wrap } from '../util/wrap.js';
import { EXIT, reportFailure } from './errors.js';
import { writeAtomic } from './io.js';
import { mexicoOffset } from '../law/calendar.js';
import { langOf, out, today } from './shared.js';

export interface InitOptions { template?: boolean | 'yaml' | 'csv'; lang?: Lang; force?: boolean; quiet?: boolean }

/**
 * Now in central Mexico, "YYYY-MM-DD HH:MM", by the same rule as `today()` (law/calendar.ts:
 * UTC-6, UTC-5 in the summers before daylight saving ended in 2022). BREACH_TODAY pins the day
 * (its last minute) for reproducible runs.
 */
export function mexicoNow(now: number = Date.now()): string {
  const pinned = process.env.BREACH_TODAY;
  if (pinned && today() === pinned) return `${pinned} 23:59`;
  const at = (hours: number) => new Date(now + hours * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
  const standard = at(-6);
  return mexicoOffset(standard) === '-05:00' ? at(-5) : standard;
}

export async function runInit(file: string | undefined, opts: InitOptions): Promise<number> {
  const { lang } = langOf(opts);
  const m = initText(lang);
  const stderr = (s: string) => process.stderr.write(s);
  try {
    if (opts.template) {
      const kind = opts.template === true ? 'yaml' : opts.template;
      const day = mexicoNow().slice(0, 10);
      const text = kind === 'csv' ? csvTemplate(lang, day) : yamlTemplate(lang, day);
      // Named: written there (atomically, never over an existing file without --force).
      if (file !== undefined) {
        if (existsSync(file) && !opts.force) {
          stderr(`breach: ${m('err.exists', { file: cleanText(file) })}\n`);
          return EXIT.usage;
        }
        writeAtomic(file, [text], !!opts.force, []);
        if (!opts.quiet) stderr(`${m('done.template', { file: cleanText(file) })}\n`);
      } else out(text);
      if (kind === 'csv' && !opts.quiet) stderr(csvGuide(lang));
      return EXIT.ok;
    }
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      stderr(`breach: ${m('err.noTty')}\n`);
      return EXIT.usage;
    }
    const target = file ?? (lang === 'es' ? 'incidente.yaml' : 'incident.yaml');
    const shown = cleanText(target);
    const a = asker(lang, { input: process.stdin, output: process.stdout, clearPromptOnDone: false });
    let force = !!opts.force;
    const problem = pathProblem(target, lang);
    if (problem) {
      stderr(`breach: ${problem}\n`);
      return EXIT.usage;
    }
    out(`${wrap(m('intro'), process.stdout.columns || 80, '', '').join('\n')}\n\n`);
    if (existsSync(target) && !force) {
      if (!(await yesNo(a, m('q.overwrite', { file: shown }), false))) {
        stderr(`${m('done.notWritten', { file: shown })}\n`);
        return EXIT.usage;
      }
      force = true;
    }
    const now = mexicoNow();
    const answers = await askAnswers(a, now);
    writeAtomic(target, [describeAnswers(answers, { lang, today: now.slice(0, 10), file: shown })], force, []);
    out(`\n${m('done.written', { file: shown })}\n`);
    if (!(await yesNo(a, m('q.assess'), true))) return EXIT.ok;
    out('\n');
    const r = spawnSync(process.execPath, [process.argv[1]!, 'assess', target, '--lang', lang], { stdio: 'inherit' });
    return r.status ?? EXIT.internal;
  } catch (e) {
    if (e instanceof Error && e.name === 'ExitPromptError') {
      stderr(`\n${m('done.cancelled')}\n`);
      return EXIT.usage;
    }
    return reportFailure(e, process.argv.includes('--debug'), stderr);
  }
}

/** What is wrong with the path to write, before any question is asked. */
function pathProblem(target: string, lang: Lang): string | undefined {
  const m = initText(lang);
  const abs = resolve(target);
  if (!existsSync(dirname(abs)) || !statSync(dirname(abs)).isDirectory()) return m('check.pathDir', { dir: cleanText(dirname(target)) });
  if (existsSync(abs) && statSync(abs).isDirectory()) return m('check.pathIsDir', { file: cleanText(target) });
  if (!/\.ya?ml$/i.test(target)) return m('check.pathExt');
  return undefined;
}
