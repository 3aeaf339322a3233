// The `breach` command line: parses, calls the pure core, renders, sets the exit code.
import { join } from 'node:path';
import { Command, CommanderError, Help, Option } from 'commander';
import { BRANCHES, DRAFT_FORMATS, INDUSTRIES, INPUT_FORMATS, LANGS, LEVELS, OUTPUT_FORMATS, SECTORS } from '../core/vocab.js';
import { EXIT, reportFailure } from './errors.js';
import { guardStdout, printText } from './terminal.js';
import { helpText, localArgName, localizeParserError, localPlaceholders } from './help-text.js';
import { uiLang } from '../i18n/ui-lang.js';

declare const __dirname: string;

/**
 * `scan`, `notify` and `init` are bundled apart (dist/scan.cjs, dist/notify.cjs, dist/init.cjs:
 * the prompt library lives only there) so that the code every `assess` in a CI pipeline loads
 * stays small.
 */
function command<T>(name: 'scan' | 'notify' | 'init'): T {
  return require(join(__dirname, `${name}.cjs`)) as T;
}

const program = new Command();
const debug = process.argv.includes('--debug');
const lang = uiLang();
const h = helpText(lang);
/** "[options] [command] <file...>" in the interface language. */
const localUsage = (usage: string) => localPlaceholders(usage, lang);

program
  .name('breach')
  .description(h('program.description'))
  .version(__BREACH_VERSION__, '-V, --version', h('opt.version'))
  .helpOption('-h, --help', h('opt.help'))
  .helpCommand('help [command]', h('cmd.help'))
  .option('--debug', h('program.debug'))
  .showHelpAfterError(h('program.afterError'))
  .exitOverride()
  .configureOutput({ writeOut: (s) => printText('out', s), writeErr: (s) => printText('err', s), outputError: (str, write) => write(localizeParserError(str, lang)) })
  .configureHelp({
    commandUsage(cmd) {
      return localUsage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd) {
      return localUsage(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionTerm(option) {
      return localUsage(Help.prototype.optionTerm.call(this, option));
    },
    argumentTerm(argument) {
      return localArgName(Help.prototype.argumentTerm.call(this, argument), lang);
    },
    styleTitle: (title) => (`title.${title}` in HELP_TITLES ? h(`title.${title}` as Parameters<typeof h>[0]) : title),
    optionDescription: (option) => {
      const extra: string[] = [];
      if (option.argChoices) extra.push(`${h('info.choices')}: ${option.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
      if (option.defaultValue !== undefined && (option.required || option.optional)) extra.push(`${h('info.default')}: ${JSON.stringify(option.defaultValue)}`);
      return extra.length ? `${option.description} (${extra.join(', ')})` : option.description;
    },
  })
  .addHelpText('after', h('program.examples'));

const langOption = () => new Option('--lang <lang>', h('opt.lang')).choices(LANGS);
const HELP_TITLES = { 'title.Usage:': 1, 'title.Options:': 1, 'title.Commands:': 1, 'title.Arguments:': 1, 'title.Global Options:': 1 };

program
  .command('assess')
  .description(h('assess.description'))
  .argument('<file...>', h('arg.files'))
  .addOption(new Option('-f, --format <format>', h('opt.format')).choices(OUTPUT_FORMATS).default('table'))
  .addOption(langOption())
  .addOption(new Option('--fail-on <level>', h('opt.failOn')).choices(LEVELS))
  .option('--as-of <date>', h('opt.asOf'))
  .option('-o, --output <file>', h('opt.output'))
  .option('--force', h('opt.force.output'))
  .addOption(new Option('--input-format <format>', h('opt.inputFormat')).choices(INPUT_FORMATS))
  .option('-q, --quiet', h('opt.quiet.assess'))
  .option('--no-color', h('opt.noColor'))
  .option('--detail', h('opt.detail'))
  .option('--detail-threshold <n>', h('opt.detailThreshold'))
  .option('--bail', h('opt.bail'))
  .option('--skip-invalid', h('opt.skipInvalid'))
  .action(async (files: string[], opts) => {
    const { runAssess } = await import('./assess-command.js');
    process.exitCode = await runAssess(files, opts);
  });

program
  .command('validate')
  .description(h('validate.description'))
  .argument('<file...>', h('arg.files'))
  .addOption(langOption())
  .addOption(new Option('--input-format <format>', h('opt.inputFormat')).choices(INPUT_FORMATS))
  .addOption(new Option('-f, --format <format>', h('opt.format.validate')).choices(['text', 'json']).default('text'))
  .option('--bail', h('opt.bail.validate'))
  .option('--skip-invalid', h('opt.skipInvalid.validate'))
  .option('-q, --quiet', h('opt.quiet'))
  .action(async (files: string[], opts) => {
    const { runValidate } = await import('./assess-command.js');
    process.exitCode = runValidate(files, opts);
  });

program
  .command('fields')
  .description(h('fields.description'))
  .argument('[query...]', h('arg.fieldsQuery'))
  .option('--json', h('opt.json.fields'))
  .option('--wide', h('opt.wide'))
  .addOption(langOption())
  .option('--no-color', h('opt.noColor'))
  .action(async (query: string[], opts) => {
    const { runFields } = await import('./fields-command.js');
    process.exitCode = runFields(query.length ? query.join(' ') : undefined, opts);
  });

program
  .command('rules')
  .description(h('rules.description'))
  .option('--as-of <date>', h('opt.asOf.rules'))
  .option('--json', h('opt.json'))
  .addOption(langOption())
  .action(async (opts) => {
    const { runRules } = await import('./rules-command.js');
    process.exitCode = runRules(opts);
  });

program
  .command('notify')
  .description(h('notify.description'))
  .argument('<file...>', h('arg.files.notify'))
  .addOption(new Option('-f, --format <format>', h('opt.format.draft')).choices(DRAFT_FORMATS).default('markdown'))
  .addOption(new Option('--lang <lang>', h('opt.lang.notify')).choices(LANGS))
  .option('--out-dir <dir>', h('opt.outDir'))
  .option('--force', h('opt.force.outDir'))
  .option('--strict', h('opt.strict'))
  .option('--as-of <date>', h('opt.asOf'))
  .addOption(new Option('--input-format <format>', h('opt.inputFormat')).choices(INPUT_FORMATS))
  .option('-q, --quiet', h('opt.quiet'))
  .action(async (files: string[], opts) => {
    const { runNotify } = command<typeof import('./notify-command.js')>('notify');
    process.exitCode = await runNotify(files, opts);
  });

/** The report options of `scan` and `scan merge` (both print a profile with the same renderers). */
function reportOptions(cmd: Command, extra: (c: Command) => Command = (c) => c, force: 'opt.force.describe' | 'opt.force.scan' = 'opt.force.describe'): Command {
  cmd
    .addOption(langOption())
    .option('--json', h('opt.json.scan'))
    .addOption(new Option('-f, --format <format>', h('opt.format.scan')).choices(['table', 'json', 'markdown']));
  return extra(cmd)
    .option('--describe <out.yaml>', h('opt.describe'))
    .option('--force', h(force))
    .addOption(new Option('--sector <sector>', h('opt.sector')).choices(SECTORS))
    .addOption(new Option('--branch <branch>', h('opt.branch')).choices(BRANCHES))
    .option('--state <state>', h('opt.state'))
    .addOption(new Option('--industry <industry>', h('opt.industry')).choices(INDUSTRIES))
    .option('--controller <name>', h('opt.controller'))
    .option('--title <title>', h('opt.title'))
    .option('--discovered <date>', h('opt.discovered'))
    .option('--trust-values', h('opt.trustValues'));
}

const scan = reportOptions(program.command('scan').description(h('scan.description')).argument('<dump...>', h('arg.dumps')), (c) => c.option('--full', h('opt.full')).option('--max-expansion <N>', h('opt.maxExpansion')), 'opt.force.scan')
  .option('--no-progress', h('opt.noProgress'))
  .option('-q, --quiet', h('opt.quiet'))
  .option('--range <start:end>', h('opt.range'))
  .option('--profile-out <file.json>', h('opt.profileOut'))
  .option('--plan <n>', h('opt.plan'))
  .action(async (files: string[], opts) => {
    const { runScan } = command<typeof import('./scan-command.js')>('scan');
    process.exitCode = await runScan(files, opts);
  });

// `scan merge`: commander hands the options both commands know to `scan`, so the action reads
// them with its parent's.
reportOptions(scan.command('merge').description(h('scanMerge.description')).argument('<profile...>', h('arg.profiles')).option('--allow-different-files', h('opt.allowDifferentFiles')))
  .option('-q, --quiet', h('opt.quiet'))
  .helpOption('-h, --help', h('opt.help'))
  .action(async (profiles: string[], _opts, cmd: Command) => {
    const { runScanMerge } = command<typeof import('./scan-command.js')>('scan');
    process.exitCode = await runScanMerge(profiles, cmd.optsWithGlobals());
  });

program
  .command('init')
  .description(h('init.description'))
  .argument('[file]', h('arg.initFile'))
  .addOption(new Option('--template [format]', h('opt.template')).choices(['yaml', 'csv']))
  .addOption(langOption())
  .option('--force', h('opt.force.init'))
  .option('-q, --quiet', h('opt.quiet.init'))
  .action(async (file: string | undefined, opts) => {
    const { runInit } = command<typeof import('./init-command.js')>('init');
    process.exitCode = await runInit(file, opts);
  });

program
  .command('explain')
  .description(h('explain.description'))
  .argument('<vector>', h('arg.vector'))
  .option('--json', h('opt.json'))
  .addOption(langOption())
  .action(async (vector: string, opts) => {
    const { runExplain } = await import('./explain-command.js');
    process.exitCode = runExplain(vector, opts);
  });

for (const c of program.commands) c.helpOption('-h, --help', h('opt.help'));
// npm run bench reads the peak memory of each run from here (portable: no /usr/bin/time needed).
if (process.env.BREACH_BENCH_MAXRSS) process.on('exit', () => printText('err', `breach-bench maxrss_kb=${process.resourceUsage().maxRSS}\n`));

guardStdout();

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    process.exitCode = err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT.ok : EXIT.usage;
  } else {
    process.exitCode = reportFailure(err, debug);
  }
});
