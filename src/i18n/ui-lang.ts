// The language of the command line itself (help, usage errors, diagnostics): --lang if given
// anywhere on the command line, else the locale. Read once from argv; drafts choose their own.
import { detectLang, type Lang } from './index.js';

export function langFromArgv(argv: readonly string[], env: NodeJS.ProcessEnv): Lang {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const v = a === '--lang' ? argv[i + 1] : a.startsWith('--lang=') ? a.slice(7) : undefined;
    if (v === 'es' || v === 'en') return v;
  }
  return detectLang(env);
}

let current: Lang | undefined;

/** The interface language of this run. */
export function uiLang(): Lang {
  current ??= langFromArgv(process.argv, process.env);
  return current;
}
