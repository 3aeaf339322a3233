// npm run bench: measures breach against baselines in the same run and prints ratios.
//   1. start-up: `breach assess <example> --format json` vs `node -e 0` (median of interleaved runs)
//   2. throughput: `breach assess <100,000-row CSV portfolio>` vs csv-parse alone on the same file
// Never a timed unit test: the numbers are printed, the targets are checked, nothing else.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const DATASETS_PER_INCIDENT = 5;
const dir = 'bench-tmp';
mkdirSync(dir, { recursive: true });

function time(cmd, args) {
  const t = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

/** Interleaves the commands so that machine noise hits both alike. */
function compare(label, a, b, runs) {
  const ta = [], tb = [];
  time(...a); time(...b); // warm the file cache
  for (let i = 0; i < runs; i++) { ta.push(time(...a)); tb.push(time(...b)); }
  const ma = median(ta), mb = median(tb);
  return { label, baseline: ma, breach: mb, ratio: mb / ma };
}

// Deterministic synthetic portfolio.
function rng(seed) { return () => { seed |= 0; seed = (seed + 0x6d2b79f5) | 0; let t = Math.imul(seed ^ (seed >>> 15), 1 | seed); t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t; return ((t ^ (t >>> 14)) >>> 0) / 4294967296; }; }
function portfolio(path, rows) {
  if (existsSync(path) && statSync(path).size > 0) return;
  const r = rng(42);
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const fieldSets = [['full_name', 'curp', 'salary'], ['nombre', 'correo', 'teléfono'], ['full_name', 'health_condition'], ['email', 'password_hash'], ['full_name', 'card_number', 'card_security_code'], ['full_name', 'address', 'birth_date', 'ine_voter_key'], ['ip_address', 'device_id'], ['full_name', 'union_membership', 'employer_name']];
  const branches = ['federal-executive', 'state', 'municipal', 'autonomous'];
  const states = ['Jalisco', 'Puebla', 'Sonora', 'Ciudad de México', 'Yucatán'];
  const lines = ['incidente,titulo,conjunto,registros,campos,responsable,sector,rama,estado,industria,fecha,confidencialidad,dolo'];
  for (let i = 0; i < rows; i++) {
    const inc = Math.floor(i / DATASETS_PER_INCIDENT);
    const ir = rng(inc + 1);
    const pub = ir() < 0.4;
    const y = 2018 + Math.floor(ir() * 8), m = 1 + Math.floor(ir() * 12), d = 1 + Math.floor(ir() * 28);
    const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
    const branch = pub ? branches[Math.floor(ir() * branches.length)] : '';
    const state = pub && (branch === 'state' || branch === 'municipal') ? states[Math.floor(ir() * states.length)] : '';
    const industry = pub ? '' : ['banking', 'retail', 'health', 'other'][Math.floor(ir() * 4)];
    lines.push([`INC-${inc}`, `Incidente ${inc}`, `conjunto-${i}`, String(Math.floor(r() * 2_000_000)), pick(fieldSets).join(';'), `Responsable ${inc}`, pub ? 'público' : 'privado', branch, state, industry, date, ir() < 0.7 ? 'unknown-recipients' : 'known-recipients', ir() < 0.5 ? 'sí' : 'no'].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

const csv = join(dir, `portfolio-${ROWS}.csv`);
portfolio(csv, ROWS);
const parseOnly = join(dir, 'csv-parse-only.mjs');
writeFileSync(parseOnly, `import { readFileSync } from 'node:fs';\nimport { parse } from 'csv-parse/sync';\nconst rows = parse(readFileSync(process.argv[2], 'utf8'), { delimiter: ',', relax_column_count: true, skip_empty_lines: true, bom: true });\nif (!rows.length) process.exit(9);\n`);
// csv-parse is resolved from the project's node_modules.
const parseOnlyAbs = join(process.cwd(), parseOnly);

const results = [
  compare('start-up: assess small example --format json vs node -e 0', ['node', ['-e', '0']], ['node', ['bin/breach.cjs', 'assess', 'data/examples/imss-afiliados-2021.yaml', '--format', 'json']], RUNS),
  compare(`throughput: assess ${ROWS.toLocaleString('en-US')}-row CSV (--format csv) vs csv-parse alone`, ['node', [parseOnlyAbs, csv]], ['node', ['bin/breach.cjs', 'assess', csv, '--format', 'csv']], Math.max(3, Math.floor(RUNS / 3))),
  compare(`throughput: assess ${ROWS.toLocaleString('en-US')}-row CSV (--format json) vs csv-parse alone`, ['node', [parseOnlyAbs, csv]], ['node', ['bin/breach.cjs', 'assess', csv, '--format', 'json']], Math.max(3, Math.floor(RUNS / 3))),
];
const targets = [1.5, 2, null];
console.log(`node ${process.version}, ${RUNS} runs (median, interleaved)`);
results.forEach((r, i) => {
  const target = targets[i];
  const verdict = target === null ? '(information)' : r.ratio <= target ? `meets target ≤ ${target}x` : `MISSES target ≤ ${target}x`;
  console.log(`${r.label}\n  baseline ${r.baseline.toFixed(1)} ms, breach ${r.breach.toFixed(1)} ms, ratio ${r.ratio.toFixed(2)}x ${verdict}`);
});
