// breach notify: drafts the documents the assessment requires. It writes files only under the
// --out-dir the user names, never replaces one without --force, and sends nothing anywhere.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assess } from '../core/assess.js';
import { translator } from '../i18n/index.js';
import { buildDrafts, notifyEn, notifyEs } from '../notify/documents.js';
import { type DraftFormat, EXTENSION, renderDraft } from '../notify/render.js';
import { toHtmlBundle } from '../notify/html-bundle.js';
import { EXIT, reportFailure, UsageError } from './errors.js';
import { writeAtomic, writeStdout } from './io.js';
import { loadAll, type LoadOptions } from './load-inputs.js';
import { dateOption, today } from './shared.js';

interface NotifyOptions extends LoadOptions {
  format: DraftFormat; lang?: 'es' | 'en'; outDir?: string; force?: boolean; strict?: boolean; asOf?: string; quiet?: boolean;
}

export async function runNotify(files: string[], opts: NotifyOptions): Promise<number> {
  try {
    const asOf = dateOption('--as-of', opts.asOf);
    const issued = today();
    // Spanish by default: the documents are addressed to Mexican recipients.
    const lang = opts.lang ?? 'es';
    const t = translator(lang);
    const m = lang === 'es' ? notifyEs : notifyEn;
    const labels = { banner: m['draft.banner'], generated: m['draft.generated'], missing: m['draft.missing'] };
    const incidents = loadAll(files, opts);
    const many = incidents.length > 1;
    const outputs: { name: string; text: string }[] = [];
    const missingLines: string[] = [];
    const allDocs: { prefix: string; docs: ReturnType<typeof buildDrafts>['documents'] }[] = [];
    incidents.forEach((i, k) => {
      const a = assess(i.incident, i.source, asOf ? { asOf } : {});
      const drafts = buildDrafts(a, lang, t, { issued });
      const prefix = many ? `incident-${k + 1}-` : '';
      allDocs.push({ prefix, docs: drafts.documents });
      for (const d of drafts.documents) outputs.push({ name: `${prefix}${d.id}.${EXTENSION[opts.format]}`, text: renderDraft(d, opts.format, labels, lang) });
      for (const x of drafts.missing) missingLines.push(`${i.source}: ${x.document}: ${x.text}`);
    });
    if (opts.outDir) {
      const dir = resolve(opts.outDir);
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out-dir ${opts.outDir} is not a directory`);
      const clash = outputs.filter((o) => existsSync(join(dir, o.name)));
      if (clash.length && !opts.force) throw new UsageError(`--out-dir ${opts.outDir} already holds ${clash.map((c) => c.name).join(', ')}; add --force to replace them (nothing was written)`);
      mkdirSync(dir, { recursive: true });
      for (const o of outputs) {
        writeAtomic(join(dir, o.name), [o.text], true, files);
        if (!opts.quiet) process.stdout.write(`${join(opts.outDir, o.name)}\n`);
      }
    } else if (!opts.quiet) {
      if (opts.format === 'html') await writeStdout([toHtmlBundle(allDocs.flatMap((x) => x.docs), labels, lang)]);
      else await writeStdout(outputs.map((o, k) => (k ? (opts.format === 'markdown' ? '\n---\n\n' : '\n\f\n') : '') + o.text));
    }
    for (const line of missingLines) process.stderr.write(`breach: draft incomplete: ${line}\n`);
    return opts.strict && missingLines.length ? EXIT.failOn : EXIT.ok;
  } catch (e) {
    return reportFailure(e, process.argv.includes('--debug'), (s) => process.stderr.write(s));
  }
}
