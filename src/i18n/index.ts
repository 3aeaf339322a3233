import { en, type MessageKey } from './en.js';
import { es } from './es.js';
import { fill } from './fill.js';

export type Lang = 'es' | 'en';
export type { MessageKey };

const TABLES: Record<Lang, Record<MessageKey, string>> = { en, es };

/** Language from --lang, else LC_ALL / LC_MESSAGES / LANG (`es*` → es), else en. */
export function detectLang(env: NodeJS.ProcessEnv): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return v.toLowerCase().startsWith('es') ? 'es' : 'en';
  }
  return 'en';
}

export type Translator = ((key: string, args?: Record<string, string | number | undefined>) => string) & { lang?: Lang };

/** Spanish contracts "a el" and "de el" when an argument brings its own article ("se dirige a el órgano"). */
export function contract(text: string, lang: Lang): string {
  // Word edges by Unicode letters: \b is ASCII-only, so 'vencería el' would become 'venceríal'.
  return lang === 'es' ? text.replace(/(?<![\p{L}\p{N}])([Aa]) el(?![\p{L}\p{N}])/gu, '$1l').replace(/(?<![\p{L}\p{N}])([Dd])e el(?![\p{L}\p{N}])/gu, '$1el') : text;
}

/** A translator for one language. Unknown keys come back as the key itself (never crash a report). */
export function translator(lang: Lang): Translator {
  const table = TABLES[lang] as Record<string, string>;
  const t: Translator = (key, args) => {
    const msg = table[key] ?? en[key as MessageKey] ?? key;
    return args ? contract(fill(msg, args), lang) : msg;
  };
  t.lang = lang;
  return t;
}
