/** Colour rules (contract.md §1): --no-color, NO_COLOR (non-empty), non-TTY, TERM=dumb; FORCE_COLOR forces. */
export function useColor(opts: { color?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (opts.color === false) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR) return false;
  if (env.TERM === 'dumb') return false;
  return isTTY;
}
