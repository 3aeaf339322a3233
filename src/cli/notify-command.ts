// breach notify: drafts the documents the assessment requires. It writes files only under the
// --out-dir the user names, never replaces one without --force, and sends nothing anywhere.
import { join } from 'node:path';
import { assess } from '../core/assess.js';
import { translator } from '../i18n/index.js';
import { buildDrafts, notifyEn, notifyEs } from '../notify/documents.js';
import { type DraftFormat, EXTENSION, renderDraft } from '../notify/render.js';
import { toHtmlBundle } from '../notify/html-bundle.js';
import { filePrefix, indexDocument, type IndexEntry } from '../notify/index-page.js';
import { cleanText } from '../util/sanitize.js';
import { EXIT, reportFailure } from './errors.js';
import { cliText } from './cli-messages.js';
import { uiLang } from '../i18n/ui-lang.js';
import { isStdout } from './io.js';
import { writeDrafts } from './out-dir.js';
import { printLines, writeStdout } from './terminal.js';
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
    const toDir = !isStdout('--out-dir', opts.outDir);
    if (many) outputs.unshift({ name: `index.${EXTENSION[opts.format]}`, text: renderDraft(indexDocument(index, lang, toDir), opts.format, labels, lang) });
    if (toDir) {
      writeDrafts(opts.outDir!, outputs, !!opts.force, files);
      if (!opts.quiet) printLines('out', outputs.map((o) => join(opts.outDir!, o.name)));
    } else if (!opts.quiet) {
      if (opts.format === 'html') await writeStdout([toHtmlBundle(allDocs.flatMap((x) => x.docs), labels, lang)], 'text');
      else await writeStdout(outputs.map((o, k) => (k ? (opts.format === 'markdown' ? '\n---\n\n' : '\n\f\n') : '') + o.text), 'text');
    }
    printLines('err', missingLines.map((line) => cliText('draft-incomplete', line, uiLang())));
    return opts.strict && missingLines.length ? EXIT.failOn : EXIT.ok;
  } catch (e) {
    return reportFailure(e);
  }
}
