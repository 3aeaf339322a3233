// npm run bench:bounds: the bounds of README "Limits on hostile input", measured. Each bound is run
// at its limit (accepted) and past it (refused): wall time and peak RSS of breach, and of a baseline
// in the same run on the same bytes — the yaml library alone for YAML, csv-parse alone for CSV,
// `node -e 0` for refusals (what breach costs over starting Node), gunzip to /dev/null for a
// bomb. Never a timed unit test: figures are printed, nothing is asserted.
//   BENCH_BOUNDS=keys,datasets,title,csv,size,bomb,full   which bounds (default all)
//   BENCH_BOUNDS_RUNS=1                              runs of each command (median)
//   BENCH_BOUNDS_BOMB_FULL=1                         also read the whole bomb (--max-expansion 0)
//   BENCH_BOUNDS_BASELINE=other/bin/breach.cjs       also time another build on the same inputs
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, openSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createGzip } from 'node:zlib';
import { once } from 'node:events';

const RUNS = Number(process.env.BENCH_BOUNDS_RUNS ?? 1);
const ONLY = new Set((process.env.BENCH_BOUNDS ?? 'keys,datasets,title,csv,size,bomb,full').split(','));
const OTHER = process.env.BENCH_BOUNDS_BASELINE;
const dir = resolve('bench-tmp/bounds');
mkdirSync(dir, { recursive: true });
const BIN = resolve('bin/breach.cjs');

/** One command under /usr/bin/time: wall seconds, peak RSS in MB, exit code. */
function measure(cmd, args) {
  const r = spawnSync('/usr/bin/time', ['-f', 'bench %e %M', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, maxBuffer: 1 << 28 });
  const m = /bench ([\d.]+) (\d+)\s*$/.exec(String(r.stderr));
  if (!m) throw new Error(`${cmd} ${args.join(' ')}: no measure (${String(r.stderr).slice(-300)})`);
  return { s: Number(m[1]), mb: Number(m[2]) / 1024, status: r.status };
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function runs(cmd, args) {
  const all = Array.from({ length: RUNS }, () => measure(cmd, args));
  return { s: median(all.map((x) => x.s)), mb: Math.max(...all.map((x) => x.mb)), status: all[0].status };
}

function bound(label, base, breach) {
  const b = runs(...base);
  const r = runs(...breach);
  const other = OTHER ? runs('node', [resolve(OTHER), ...breach[1].slice(1)]) : undefined;
  console.log(`${label}\n  baseline ${b.s.toFixed(2)} s ${b.mb.toFixed(0)} MB | breach ${r.s.toFixed(2)} s ${r.mb.toFixed(0)} MB exit ${r.status} | ratio ${(r.s / Math.max(b.s, 0.01)).toFixed(1)}x time, ${(r.mb / b.mb).toFixed(1)}x memory${other ? ` | other build ${other.s.toFixed(2)} s ${other.mb.toFixed(0)} MB exit ${other.status}` : ''}`);
}

// Baselines as small scripts, resolved from the project's node_modules.
const yamlOnly = join(dir, 'yaml-only.cjs');
writeFileSync(yamlOnly, `const { parseAllDocuments } = require(${JSON.stringify(resolve('node_modules/yaml'))});\nconst docs = parseAllDocuments(require('node:fs').readFileSync(process.argv[2], 'utf8'), { uniqueKeys: false });\nfor (const d of docs) d.toJS();\n`);
const csvOnly = join(dir, 'csv-only.cjs');
writeFileSync(csvOnly, `const { parse } = require(${JSON.stringify(resolve('node_modules/csv-parse/dist/cjs/sync.cjs'))});\nparse(require('node:fs').readFileSync(process.argv[2], 'utf8'), { relax_column_count: true, skip_empty_lines: true });\n`);
const NODE0 = ['node', ['-e', '0']];
const yamlBase = (f) => ['node', [yamlOnly, f]];
const breach = (...args) => ['node', [BIN, ...args]];

function write(name, make) {
  const f = join(dir, name);
  if (!existsSync(f) || statSync(f).size === 0) writeFileSync(f, make());
  return f;
}
const HEAD = 'incident:\n  title: bounds\n  controller: { sector: private }\n  discovered: 2025-01-01\n';
const datasets = (n) => `${HEAD}datasets:\n${Array.from({ length: n }, (_, i) => `  - { name: d${i}, records: ${i + 1}, fields: [email, full_name] }`).join('\n')}\n`;

if (ONLY.has('keys')) {
  const f = write('keys-50000.yaml', () => `${HEAD}datasets:\n  - { name: a, records: 1, fields: [email] }\n${Array.from({ length: 50_000 }, (_, i) => `k${i}: 1`).join('\n')}\n`);
  bound('50,000 unknown keys, every one a diagnostic (validate) vs the yaml library alone', yamlBase(f), breach('validate', f));
}
if (ONLY.has('datasets')) {
  const f = write('datasets-100000.yaml', () => datasets(100_000));
  bound('100,000 datasets (the limit): validate vs the yaml library alone', yamlBase(f), breach('validate', f));
  bound('100,000 datasets: assess, default table, vs the yaml library alone', yamlBase(f), breach('assess', f));
  bound('100,000 datasets: assess --format json vs the yaml library alone', yamlBase(f), breach('assess', f, '--format', 'json'));
  const over = write('datasets-150000.yaml', () => datasets(150_000));
  bound('150,000 datasets: refused at the 100,001st, vs the yaml library alone', yamlBase(over), breach('validate', over));
}
if (ONLY.has('title')) {
  const f = write('title-50mb.yaml', () => `incident:\n  title: "${'x'.repeat(50_000_000)}"\n  controller: { sector: private }\ndatasets:\n  - { name: a, records: 1, fields: [email] }\n`);
  bound('a 50 MB title: refused vs node -e 0', NODE0, breach('validate', f));
}
if (ONLY.has('csv')) {
  const csv = (n, incidents) => `incident,dataset,records,fields,sector\n${Array.from({ length: n }, (_, i) => `i${i % incidents},d${i},${i + 1},email;full_name,private`).join('\n')}\n`;
  const limit = write('csv-100000.csv', () => csv(100_000, 1));
  bound('CSV, one incident of 100,000 rows (the limit): assess --format json vs csv-parse alone', ['node', [csvOnly, limit]], breach('assess', limit, '--format', 'json'));
  const million = write('csv-1000000.csv', () => csv(1_000_000, 1));
  bound('CSV, one incident of 1,000,000 rows: refused at row 100,001, vs csv-parse alone', ['node', [csvOnly, million]], breach('validate', million));
  // A portfolio has no bound of its own but the file's: memory grows with its rows.
  const portfolio = write('csv-400000-portfolio.csv', () => csv(400_000, 400));
  bound('CSV portfolio, 400,000 rows in 400 incidents: validate vs csv-parse alone', ['node', [csvOnly, portfolio]], breach('validate', portfolio));
  bound('CSV portfolio, 400,000 rows in 400 incidents: assess --format json vs csv-parse alone', ['node', [csvOnly, portfolio]], breach('assess', portfolio, '--format', 'json'));
}
if (ONLY.has('size')) {
  const f = join(dir, 'size-257mib.yaml');
  if (!existsSync(f) || statSync(f).size !== 257 << 20) {
    const fd = openSync(f, 'w');
    const block = Buffer.alloc(1 << 20, '# comment line\n');
    for (let i = 0; i < 257; i++) writeSync(fd, block);
    closeSync(fd);
  }
  bound('a 257 MiB description: refused past 256 MiB, vs node -e 0', NODE0, breach('validate', f));
}
if (ONLY.has('bomb')) {
  const f = join(dir, 'bomb-4gib.csv.gz');
  // Written again when an interrupted run left it short (the whole is about 12 MB).
  if (!existsSync(f) || statSync(f).size < 10e6) {
    // 4 GiB of one CSV row repeated: about 12 MB of gzip.
    const gz = createGzip({ level: 9 });
    const out = gz.pipe(createWriteStream(f));
    const row = 'Ana Perez,ana.perez@example.mx,PEPA800101MDFRRN09\n';
    const block = Buffer.from(row.repeat(Math.floor((1 << 20) / row.length)));
    gz.write('nombre,correo,curp\n');
    for (let i = 0; i < 4096; i++) if (!gz.write(block)) await once(gz, 'drain');
    gz.end();
    await once(out, 'close');
  }
  const gunzip = ['sh', ['-c', `gzip -dc '${f}' > /dev/null`]];
  bound('gzip bomb, 12 MB to 4 GiB: scan refused vs gunzip to /dev/null of the whole', gunzip, breach('scan', f));
  bound('gzip bomb: scan --full refused vs gunzip to /dev/null of the whole', gunzip, breach('scan', f, '--full'));
  if (process.env.BENCH_BOUNDS_BOMB_FULL) bound('gzip bomb: scan --max-expansion 0 (read whole) vs gunzip to /dev/null', gunzip, breach('scan', f, '--max-expansion', '0'));
}
if (ONLY.has('full')) {
  // scan --full on rows its byte reader hands to the text path (issue 14 part 3), in a Latin-1
  // export: a row of 2,000 cells whose last quoted cell spans a megabyte of lines (each cell decoded
  // over the row's lines was quadratic), and 64 MiB of rows opening with a byte-order mark (each
  // searched to the block's end for a quote), each against csv-parse alone on the same bytes.
  const MiB = 1 << 20;
  const wide = join(dir, 'full-wide-rows-64mib.csv');
  if (!existsSync(wide) || statSync(wide).size < 64 * MiB) {
    const header = Buffer.from(`${Array.from({ length: 2000 }, (_, i) => `c${i}`).join(',')}\n`);
    const row = Buffer.concat([Buffer.from(' ,'.repeat(1999) + '"'), Buffer.from([0xe9]), Buffer.alloc(MiB - 4010, 10), Buffer.from('"\n')]);
    writeFileSync(wide, Buffer.concat([header, ...Array.from({ length: 64 }, () => row)]));
  }
  bound('scan --full, 64 rows of 2,000 cells over a megabyte of lines each (Latin-1) vs csv-parse alone', ['node', [csvOnly, wide]], breach('scan', wide, '--full'));
  const bom = join(dir, 'full-bom-rows-64mib.csv');
  if (!existsSync(bom) || statSync(bom).size < 64 * MiB) {
    const fd = openSync(bom, 'w');
    writeSync(fd, Buffer.from('nombre\n\xe9\n', 'latin1'));
    const block = Buffer.from('\xef\xbb\xbfx\n'.repeat(MiB / 5), 'latin1');
    for (let i = 0; i < 64; i++) writeSync(fd, block);
    closeSync(fd);
  }
  bound('scan --full, 64 MiB of rows opening with a byte-order mark (Latin-1) vs csv-parse alone', ['node', [csvOnly, bom]], breach('scan', bom, '--full'));
}
console.log(`node ${process.version}, ${RUNS} run(s) of each command; /proc/loadavg ${existsSync('/proc/loadavg') ? spawnSync('cat', ['/proc/loadavg'], { encoding: 'utf8' }).stdout.trim() : '?'}`);
