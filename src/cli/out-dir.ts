// notify --out-dir: every draft is written to a temporary folder first and moved in only when all
// of them were written, so a failure leaves the folder as it was (no half set of letters).
import { lstatSync, mkdirSync, renameSync, rmSync, type Stats, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { uiLang } from '../i18n/ui-lang.js';
import { cleanOutput } from '../util/sanitize.js';
import { reasonText } from './cli-messages.js';
import { usage } from './errors.js';
import { checkTarget } from './io.js';

const OPTION = '--out-dir';
const errno = (e: unknown) => (e as NodeJS.ErrnoException).code ?? '';

export function writeDrafts(outDir: string, outputs: readonly { name: string; text: string }[], force: boolean, inputs: readonly string[]): void {
  const dir = resolve(outDir);
  const fail = (e: unknown) => usage('output.cannot-write', { option: OPTION, target: outDir, reason: reasonText(errno(e), uiLang()) });
  let st: Stats | null = null;
  try {
    st = statSync(dir);
  } catch (e) {
    if (errno(e) !== 'ENOENT') throw usage('output.bad-path', { option: OPTION, target: outDir, reason: reasonText(errno(e), uiLang()) });
    // A dangling link where the folder should be is not followed.
    if (lstatOrNull(dir)) throw usage('output.dangling', { option: OPTION, target: outDir });
  }
  if (st && !st.isDirectory()) throw usage('out-dir.not-dir', { dir: outDir });
  const exists = !!st;
  if (exists) {
    const clash = outputs.filter((o) => lstatOrNull(join(dir, o.name)));
    if (clash.length && !force) throw usage('out-dir.clash', { dir: outDir, files: clash.map((c) => c.name).join(', ') });
    for (const o of outputs) checkTarget(join(dir, o.name), { option: OPTION, force: true, inputs });
  }
  // The staging folder sits where the drafts go (same device, so the moves are renames).
  let created: string | undefined;
  let stage: string;
  try {
    if (!exists) created = mkdirSync(dirname(dir), { recursive: true });
    stage = join(exists ? dir : dirname(dir), `.${basename(dir).slice(0, 60)}.breach-${process.pid}-${Date.now()}`);
    mkdirSync(stage);
  } catch (e) {
    throw errno(e) ? fail(e) : e;
  }
  const moved: string[] = [];
  try {
    for (const o of outputs) writeFileSync(join(stage, o.name), cleanOutput(o.text, 'text'), { flag: 'wx' });
    if (!exists) {
      renameSync(stage, dir);
      return;
    }
    for (const o of outputs) {
      const to = join(dir, o.name);
      const before = !!lstatOrNull(to);
      renameSync(join(stage, o.name), to);
      if (!before) moved.push(to);
    }
  } catch (e) {
    // Drafts already moved in are taken out again (those that replaced a file cannot be undone).
    for (const m of moved) try { unlinkSync(m); } catch { /* gone */ }
    rmSync(stage, { recursive: true, force: true });
    if (created) rmSync(created, { recursive: true, force: true });
    throw errno(e) ? fail(e) : e;
  }
  rmSync(stage, { recursive: true, force: true });
}

function lstatOrNull(path: string) {
  try { return lstatSync(path); } catch { return null; }
}
