// A text question checked as you type: under the answer, what is wrong with it (or what it was
// read as: "20 de marzo de 2025, 14:30"); enter is refused until it is right.
import { createPrompt, isEnterKey, isTabKey, makeTheme, type Theme, useKeypress, usePrefix, useState } from '@inquirer/core';
import { styleText } from 'node:util';

/** true: valid; { ok }: valid, read as `ok`; a string: what is wrong. */
export type Check = (value: string) => true | { ok: string } | string;

export interface TextConfig {
  message: string;
  /** Taken on enter with nothing typed; tab copies it into the answer to edit it. */
  default?: string;
  check: Check;
  /** The key help under the question, already in the interface language. */
  help?: string;
  theme?: Partial<Theme>;
}

export const textPrompt = createPrompt<string, TextConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [value, setValue] = useState('');
  const [forced, setForced] = useState(false);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    if (isEnterKey(key)) {
      const answer = (value || config.default || '').trim();
      const r = config.check(answer);
      if (r === true || typeof r === 'object') {
        setValue(answer);
        setStatus('done');
        done(answer);
      } else {
        // The line event cleared readline's line: put the answer back to be fixed.
        rl.write(value);
        setForced(true);
      }
    } else if (isTabKey(key) && !value && config.default) {
      rl.clearLine(0);
      rl.write(config.default);
      setValue(config.default);
    } else {
      setValue(rl.line);
      setForced(false);
    }
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return `${prefix} ${message} ${theme.style.answer(value)}`;
  const shownDefault = config.default && !value ? `${theme.style.defaultAnswer(config.default)} ` : '';
  const current = value.trim() || (forced ? (config.default ?? '') : '');
  let below = '';
  if (current || forced) {
    const r = config.check(current);
    if (typeof r === 'string') below = forced ? styleText('red', `✗ ${r}`) : styleText('yellow', `… ${r}`);
    else if (typeof r === 'object') below = styleText('green', `✓ ${r.ok}`);
  }
  return [`${prefix} ${message} ${shownDefault}${value}`, [below, config.help ? styleText('dim', config.help) : ''].filter(Boolean).join('\n')];
});
