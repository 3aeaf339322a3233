// The `breach` command line: parses, calls the pure core, renders, sets the exit code.
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { BRANCHES, DRAFT_FORMATS, INDUSTRIES, INPUT_FORMATS, LANGS, LEVELS, OUTPUT_FORMATS, SECTORS } from '../core/vocab.js';
import { EXIT, reportFailure } from './errors.js';

declare const __dirname: string;

/**
 * `scan` and `notify` are bundled apart (dist/scan.cjs, dist/notify.cjs) so that the code every
 * `assess` in a CI pipeline loads stays small.
 */
function command<T>(name: 'scan' | 'notify'): T {
  return require(join(__dirname, `${name}.cjs`)) as T;
}

const program = new Command();
const debug = process.argv.includes('--debug');
const stderr = (s: string) => process.stderr.write(s);

program
  .name('breach')
  .description('Data-breach impact estimator for Mexico: severity, obligations, deadlines.')
  .version(__BREACH_VERSION__, '-V, --version')
  .option('--debug', 'print stacks of internal errors')
  .showHelpAfterError('(run `breach --help` for usage)')
  .exitOverride()
  .configureOutput({ writeErr: stderr })
  .addHelpText('after', `
Examples:
  breach assess incident.yaml                      severity, obligations, deadlines
  breach assess breaches/*.yaml --fail-on high -q  CI gate: exit 1 at high or above
  breach assess portfolio.csv -f markdown --lang es -o informe.md
  breach scan dump.csv.gz --describe incident.yaml --sector private
  breach notify incident.yaml -f html --out-dir avisos
  breach rules --as-of 2025-03-21

Exit codes: 0 ok, 1 --fail-on reached or --strict drafts incomplete, 2 bad usage or input, 3 bug.`);

const langOption = () => new Option('--lang <lang>', 'language of human-readable text (default from LC_ALL/LC_MESSAGES/LANG)').choices(LANGS);

program
  .command('assess')
  .description('assess one or more descriptions (YAML, JSON or CSV; - for stdin)')
  .argument('<file...>', 'description files')
  .addOption(new Option('-f, --format <format>', 'output format').choices(OUTPUT_FORMATS).default('table'))
  .addOption(langOption())
  .addOption(new Option('--fail-on <level>', 'exit 1 when an incident reaches this level').choices(LEVELS))
  .option('--as-of <date>', 'apply the law in force on this date (YYYY-MM-DD)')
  .option('-o, --output <file>', 'write the report to a file (atomically)')
  .option('--force', 'let --output replace an existing file')
  .addOption(new Option('--input-format <format>', 'input format (needed for stdin)').choices(INPUT_FORMATS))
  .option('-q, --quiet', 'no output on success; only the exit code')
  .option('--no-color', 'no colours')
  .option('--detail', 'table/markdown: details of every incident even above --detail-threshold')
  .option('--detail-threshold <n>', 'table/markdown: above this many incidents, show the overview and the worst incidents only (default 20)')
  .option('--bail', 'stop at the first invalid file (default: report it and assess the others)')
  .option('--skip-invalid', 'assess the valid incidents of a file whose other incidents or CSV rows are invalid (still exit 2)')
  .action(async (files: string[], opts) => {
    const { runAssess } = await import('./assess-command.js');
    process.exitCode = await runAssess(files, opts);
  });

program
  .command('validate')
  .description('check descriptions only; no assessment')
  .argument('<file...>', 'description files')
  .addOption(new Option('--input-format <format>', 'input format (needed for stdin)').choices(INPUT_FORMATS))
  .addOption(new Option('-f, --format <format>', 'output format: text, or json (diagnostics as data)').choices(['text', 'json']).default('text'))
  .option('--bail', 'stop at the first invalid file')
  .option('--skip-invalid', 'count the valid incidents of a partly invalid file')
  .option('-q, --quiet', 'no output on success')
  .action(async (files: string[], opts) => {
    const { runValidate } = await import('./assess-command.js');
    process.exitCode = runValidate(files, opts);
  });

program
  .command('fields')
  .description('list the field-type catalogue')
  .option('--json', 'as JSON')
  .addOption(langOption())
  .option('--no-color', 'no colours')
  .action(async (opts) => {
    const { runFields } = await import('./fields-command.js');
    process.exitCode = runFields(opts);
  });

program
  .command('rules')
  .description('list the legal rules in force on a date, with citations')
  .option('--as-of <date>', 'date (YYYY-MM-DD); default today')
  .option('--json', 'as JSON')
  .addOption(langOption())
  .action(async (opts) => {
    const { runRules } = await import('./rules-command.js');
    process.exitCode = runRules(opts);
  });

program
  .command('notify')
  .description('draft the notices, breach-log entry and checklist the assessment requires (nothing is sent)')
  .argument('<file...>', 'description files (an optional `response:` block supplies what the drafts need)')
  .addOption(new Option('-f, --format <format>', 'draft format').choices(DRAFT_FORMATS).default('markdown'))
  .addOption(new Option('--lang <lang>', 'language of the drafts (default: es, for Mexican recipients)').choices(LANGS))
  .option('--out-dir <dir>', 'write one file per document into this directory')
  .option('--force', 'let --out-dir replace existing files')
  .option('--strict', 'exit 1 when a legally required item is missing from the description')
  .option('--as-of <date>', 'apply the law in force on this date (YYYY-MM-DD)')
  .addOption(new Option('--input-format <format>', 'input format (needed for stdin)').choices(INPUT_FORMATS))
  .option('-q, --quiet', 'no output on success')
  .action(async (files: string[], opts) => {
    const { runNotify } = command<typeof import('./notify-command.js')>('notify');
    process.exitCode = await runNotify(files, opts);
  });

program
  .command('scan')
  .description('profile raw leaked files (CSV/TSV, SQL dumps, JSON Lines/arrays, .xlsx, folders; optionally .gz) into a description; never prints a raw value')
  .argument('<dump...>', 'files or folders to profile: one dataset per file, SQL table or sheet')
  .option('--json', 'the profile as JSON')
  .option('--full', 'validate every value of every column, on all cores')
  .option('--describe <out.yaml>', 'write a breach/v1 description of the dumps (atomically)')
  .option('--force', 'let --describe replace an existing file')
  .addOption(new Option('--sector <sector>', 'controller sector, for --describe').choices(SECTORS))
  .addOption(new Option('--branch <branch>', 'public branch, for --describe').choices(BRANCHES))
  .option('--state <state>', 'federal entity, for --describe')
  .addOption(new Option('--industry <industry>', 'private industry, for --describe').choices(INDUSTRIES))
  .option('--controller <name>', 'controller name, for --describe')
  .option('--title <title>', 'incident title, for --describe')
  .option('--discovered <date>', 'confirmation date, for --describe (default today)')
  .option('--trust-values', 'classify by values only: columns typed by their header alone are dropped (and listed)')
  .addOption(langOption())
  .option('--no-progress', 'no progress bar')
  .option('-q, --quiet', 'no output on success')
  .action(async (files: string[], opts) => {
    const { runScan } = command<typeof import('./scan-command.js')>('scan');
    process.exitCode = await runScan(files, opts);
  });

program
  .command('explain')
  .description('recompute and explain a severity vector')
  .argument('<vector>', 'e.g. SEMX:1/DPC:3/EI:1/C:0.5/I:0/A:0/M:0.5/V:0.75')
  .option('--json', 'as JSON')
  .addOption(langOption())
  .action(async (vector: string, opts) => {
    const { runExplain } = await import('./explain-command.js');
    process.exitCode = runExplain(vector, opts);
  });

// npm run bench reads the peak memory of each run from here (portable: no /usr/bin/time needed).
if (process.env.BREACH_BENCH_MAXRSS) process.on('exit', () => process.stderr.write(`breach-bench maxrss_kb=${process.resourceUsage().maxRSS}\n`));

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
});

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    process.exitCode = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
  } else {
    process.exitCode = reportFailure(err, debug, stderr);
  }
});
