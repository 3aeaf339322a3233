// Paths on the command line → the files to read: folders walked recursively (sorted, so runs
// repeat), symbolic-link loops found by the real paths of the folders being walked, a file reached
// twice read once. Nothing here reads a file's content.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Problems } from './problems.js';

export interface Target {
  path: string;
  /** Found inside a folder (not named by the user): unknown kinds are listed and skipped. */
  inFolder: boolean;
}

const MAX_FILES = 100000;

export function walk(paths: string[]): { targets: Target[]; problems: Problems[] } {
  const targets: Target[] = [];
  const problems: Problems[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const problem = (path: string, code: 'folder-loop' | 'folder-unreadable' | 'folder-empty' | 'path-loop' | 'file-stream', errno?: string) => {
    const p = new Problems(path);
    p.add(code, 1, errno ? { errno } : undefined);
    problems.push(p);
  };
  const visit = (path: string, chain: Set<string>, inFolder: boolean) => {
    if (targets.length >= MAX_FILES) return;
    let st;
    let real: string;
    try {
      st = statSync(path);
      real = realpathSync(path);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? 'error';
      if (!inFolder && code === 'ENOENT') { targets.push({ path, inFolder }); return; }
      if (code === 'ELOOP') problem(path, 'path-loop');
      else problem(path, 'folder-unreadable', code === 'ENOENT' ? 'dangling' : code);
      return;
    }
    if (st.isDirectory()) {
      if (chain.has(real)) { problem(path, 'folder-loop'); return; }
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      let names: string[];
      try {
        names = readdirSync(path).sort();
      } catch (e) {
        problem(path, 'folder-unreadable', (e as NodeJS.ErrnoException).code ?? 'error');
        return;
      }
      const before = targets.length;
      const next = new Set(chain).add(real);
      for (const n of names) visit(join(path, n), next, true);
      if (targets.length === before && !inFolder) problem(path, 'folder-empty');
      return;
    }
    // A pipe, /dev/stdin or a device cannot be read twice (scan sniffs, then reads): named, it is
    // refused clearly; in a folder, passed over.
    if (!st.isFile()) { if (!inFolder) problem(path, 'file-stream'); return; }
    if (seenFiles.has(real)) return;
    seenFiles.add(real);
    targets.push({ path, inFolder });
  };
  for (const p of paths) visit(p, new Set(), false);
  return { targets, problems };
}
