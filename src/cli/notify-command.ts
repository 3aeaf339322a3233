// breach notify: drafts the documents the assessment requires. It writes files only under the
// --out-dir the user names, never replaces one without --force, and sends nothing anywhere.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { assess } from '../core/assess.js';
import { translator } from '../i18n/index.js';
import { buildDrafts, notifyEn, notifyEs } from '../notify/documents.js';
import { type DraftFormat, EXTENSION, renderDraft } from '../notify/render.js';
import { toHtmlBundle } from '../notify/html-bundle.js';
import { filePrefix, indexDocument, type IndexEntry } from '../notify/index-page.js';
import { cleanText } from '../util/sanitize.js';
import { EXIT, reportFailure, UsageError } from './errors.js';
import { cliText } from './cli-messages.js';
import { uiLang } from '../i18n/ui-lang.js';
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
    const missingLines: { source: string; document: string; text: string }[] = [];
    const allDocs: { prefix: string; docs: ReturnType<typeof buildDrafts>['documents'] }[] = [];
    const index: IndexEntry[] = [];
    const used = new Set<string>();
    incidents.forEach((i, k) => {
      const a = assess(i.incident, i.source, asOf ? { asOf } : {});
      const drafts = buildDrafts(a, lang, t, { issued });
      // A portfolio's drafts are named by the incident's id (INC-01-summary.md); else by its position.
      const key = i.source.includes('#') ? i.source.slice(i.source.lastIndexOf('#') + 1) : '';
      let id = key && !/^\d+$/.test(key) ? filePrefix(key) : `incident-${k + 1}`;
      while (many && used.has(id)) id = `${id}-${k + 1}`;
      used.add(id);
      const prefix = many ? `${id}-` : '';
      allDocs.push({ prefix, docs: drafts.documents });
      const files = drafts.documents.map((d) => ({ doc: d, name: `${prefix}${d.id}.${EXTENSION[opts.format]}` }));
      index.push({ id, title: cleanText(i.incident.title ?? i.source), files });
      for (const f of files) outputs.push({ name: f.name, text: renderDraft(f.doc, opts.format, labels, lang) });
      for (const x of drafts.missing) missingLines.push({ source: i.source, document: x.document, text: x.text });
    });
    if (many) outputs.unshift({ name: `index.${EXTENSION[opts.format]}`, text: renderDraft(indexDocument(index, lang), opts.format, labels, lang) });
    if (opts.outDir) {
      const dir = resolve(opts.outDir);
      if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out-dir ${opts.outDir} is not a directory`, 'out-dir.not-dir', { dir: opts.outDir });
      const clash = outputs.filter((o) => existsSync(join(dir, o.name)));
      if (clash.length && !opts.force) throw new UsageError(`--out-dir ${opts.outDir} already holds ${clash.map((c) => c.name).join(', ')}; add --force to replace them (nothing was written)`, 'out-dir.clash', { dir: opts.outDir, files: clash.map((c) => c.name).join(', ') });
      mkdirSync(dir, { recursive: true });
      for (const o of outputs) {
        writeAtomic(join(dir, o.name), [o.text], true, files);
        if (!opts.quiet) process.stdout.write(`${join(opts.outDir, o.name)}\n`);
      }
    } else if (!opts.quiet) {
      if (opts.format === 'html') await writeStdout([toHtmlBundle(allDocs.flatMap((x) => x.docs), labels, lang)]);
      else await writeStdout(outputs.map((o, k) => (k ? (opts.format === 'markdown' ? '\n---\n\n' : '\n\f\n') : '') + o.text));
    }
    for (const line of missingLines) process.stderr.write(`${cliText('draft-incomplete', line, uiLang())}\n`);
    return opts.strict && missingLines.length ? EXIT.failOn : EXIT.ok;
  } catch (e) {
    return reportFailure(e, process.argv.includes('--debug'), (s) => process.stderr.write(s));
  }
}
