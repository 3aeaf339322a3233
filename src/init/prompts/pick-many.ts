// A searchable list to mark several items: type words to narrow it, ↑↓ to move, tab (or space,
// before any word is typed) to mark or unmark, enter when done. The marked items stay marked whatever the search shows.
import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isTabKey, isUpKey, makeTheme, type Theme, useKeypress, useMemo, usePagination, usePrefix, useState } from '@inquirer/core';
import { styleText } from 'node:util';

export interface PickItem { value: string; name: string; hint?: string }

export interface PickManyConfig {
  message: string;
  /** The items matching a query, best first. */
  search: (query: string) => PickItem[];
  /** How a marked value is named in the summary under the list. */
  nameOf: (value: string) => string;
  validate: (values: string[]) => true | string;
  texts: { noMatch: (query: string) => string; none: string; marked: (count: number, list: string) => string; help: string };
  pageSize?: number;
  theme?: Partial<Theme>;
}

export const pickMany = createPrompt<string[], PickManyConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [marked, setMarked] = useState<string[]>([]);
  const [error, setError] = useState<string | undefined>();
  const prefix = usePrefix({ status, theme });
  const items = useMemo(() => config.search(query), [query]);

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const ok = config.validate(marked);
      if (ok === true) {
        setStatus('done');
        done(marked);
      } else {
        rl.write(query);
        setError(ok);
      }
    } else if (isTabKey(key) || (isSpaceKey(key) && query === '')) {
      // readline inserted the tab (or a space that starts no search) into the line: take it out again.
      rl.clearLine(0);
      const item = items[active];
      if (item) {
        const on = marked.includes(item.value);
        setMarked(on ? marked.filter((v) => v !== item.value) : [...marked, item.value]);
        setError(undefined);
        // Marked: clear the search for the next word. Unmarked: keep the list as it is.
        if (!on) { setQuery(''); setActive(0); } else rl.write(query);
      } else rl.write(query);
    } else if (isUpKey(key) || isDownKey(key)) {
      if (items.length) setActive((active + (isUpKey(key) ? items.length - 1 : 1)) % items.length);
    } else {
      if (rl.line !== query) { setQuery(rl.line); setActive(0); }
      setError(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  // A hook: called on every render, whatever the list holds.
  const list = usePagination({
    items,
    active: Math.max(0, Math.min(active, items.length - 1)),
    pageSize: config.pageSize ?? 8,
    loop: false,
    renderItem: ({ item, isActive }) => {
      const box = marked.includes(item.value) ? styleText('green', '◉') : '◯';
      const line = `${isActive ? '❯' : ' '}${box} ${item.name}${item.hint ? styleText('dim', ` ${item.hint}`) : ''}`;
      return isActive ? styleText('cyan', line) : line;
    },
  });
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(marked.map(config.nameOf).join(', '))}`;
  const page = items.length ? list : styleText('dim', `  ${config.texts.noMatch(query)}`);
  const summary = marked.length ? config.texts.marked(marked.length, marked.map(config.nameOf).join(', ')) : config.texts.none;
  return [
    `${prefix} ${message} ${query}`,
    [page, styleText('green', summary), error ? styleText('red', `✗ ${error}`) : '', styleText('dim', config.texts.help)].filter(Boolean).join('\n'),
  ];
});
