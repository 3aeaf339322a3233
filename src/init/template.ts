// `breach init --template yaml|csv`: a description to fill in, whose example values `breach assess`
// accepts as they are. The CSV's columns come from the parser's own table (src/input/csv-columns.ts).
import { BRANCHES, CONFIDENTIALITY, GROUPS, INDUSTRIES } from '../core/vocab.js';
import type { Lang } from '../i18n/index.js';
import { CSV_COLUMN_NOTES, CSV_COLUMNS, type CsvColumn, REQUIRED_COLUMNS } from '../input/csv-columns.js';
import { csvCell } from '../util/sanitize.js';
import { CSV_COLUMN_NOTES_ES, initText } from './messages.js';

const list = (values: readonly string[]) => values.join(' | ');

/** A commented YAML description; the example is a private company's payroll file, published by mistake. */
export function yamlTemplate(lang: Lang, today: string): string {
  const m = initText(lang);
  const c = (text: string) => `# ${text}`;
  const q = (s: string) => JSON.stringify(s);
  return [
    c(m('template.header')),
    'format: breach/v1',
    'incident:',
    `  title: ${q(m('template.example.title'))}   ${c(m('template.title'))}`,
    `  discovered: ${today}           ${c(m('yaml.discovered'))}`,
    '  controller:',
    `    name: ${q(m('template.example.controller'))}   ${c(m('template.name'))}`,
    `    sector: private               ${c(m('template.sector'))}`,
    `    # branch: state               ${c(m('template.branch', { values: list(BRANCHES) }))}`,
    `    # state: Jalisco              ${c(m('template.state'))}`,
    `    industry: other               ${c(m('template.industry', { values: list(INDUSTRIES) }))}`,
    `    role: controller              ${c(m('template.role'))}`,
    '  circumstances:',
    `    confidentiality: unknown-recipients   ${c(`${m('yaml.confidentiality')}: ${list(CONFIDENTIALITY)}`)}`,
    `    integrity: none                       ${c(`${m('yaml.integrity')}: none | recoverable | unrecoverable`)}`,
    `    availability: none                    ${c(`${m('yaml.availability')}: none | temporary | permanent`)}`,
    `    malicious: false                      ${c(`${m('yaml.malicious')}: ${m('template.bool')}`)}`,
    `    insider: false                        ${c(`${m('yaml.insider')}: ${m('template.bool')}`)}`,
    `    deception: false                      ${c(`${m('yaml.deception')}: ${m('template.bool')}`)}`,
    `    unintelligible: false                 ${c(`${m('yaml.unintelligible')}: ${m('template.bool')}`)}`,
    '  subjects:',
    `    count: 1200                   ${c(m('template.subjects'))}`,
    `    groups: []                    ${c(m('template.groups', { values: list(GROUPS) }))}`,
    `datasets:                         ${c(m('template.dataset'))}`,
    `  - name: ${q(m('template.example.dataset'))}`,
    `    records: 1200                 ${c(m('template.records'))}`,
    `    fields: [full_name, rfc, curp, salary, bank_account]   ${c(m('template.fields'))}`,
    `    notes: ${q(m('template.example.notes'))}   ${c(m('template.notes'))}`,
    c(m('yaml.response')),
    'response:',
    `  confirmed_at: ${today} 09:00   ${c(m('yaml.confirmedAt'))}`,
    `  place: ${q(m('template.example.place'))}`,
    '',
  ].join('\n');
}

/** The header in `lang` (Spanish header where the column has one). */
export function csvHeader(col: CsvColumn, lang: Lang): string {
  const names = CSV_COLUMNS[col] as readonly string[];
  return lang === 'es' ? names[names.length - 1]! : names[0]!;
}

/** Every column of the CSV portfolio, with two example rows forming one incident. */
export function csvTemplate(lang: Lang, today: string): string {
  const m = initText(lang);
  const no = 'no';
  const common: Partial<Record<CsvColumn, string>> = {
    incident: 'INC-01', title: m('template.example.title'), controller: m('template.example.controller'),
    sector: lang === 'es' ? 'privado' : 'private', industry: 'other', role: 'controller', discovered: today,
    confidentiality: 'unknown-recipients', integrity: 'none', availability: 'none',
    malicious: no, unintelligible: no, insider: no, deception: no, subjects: '1500',
    confirmed_at: `${today} 09:00`, place: m('template.example.place'),
  };
  const rows: Partial<Record<CsvColumn, string>>[] = [
    { ...common, dataset: m('template.example.dataset'), records: '1200', fields: 'full_name; rfc; curp; salary; bank_account', notes: m('template.example.notes') },
    { ...common, dataset: m('template.example.dataset2'), records: '300', fields: 'full_name; email; phone', malicious: no },
  ];
  const cols = Object.keys(CSV_COLUMNS) as CsvColumn[];
  const line = (cells: string[]) => cells.map((x) => csvCell(x)).join(',');
  return [line(cols.map((col) => csvHeader(col, lang))), ...rows.map((r) => line(cols.map((col) => r[col] ?? '')))].join('\n') + '\n';
}

/** One line per column: its header and what it holds (shown on stderr beside the CSV template). */
export function csvGuide(lang: Lang): string {
  const m = initText(lang);
  const notes = lang === 'es' ? CSV_COLUMN_NOTES_ES : CSV_COLUMN_NOTES;
  const cols = Object.keys(CSV_COLUMNS) as CsvColumn[];
  const width = Math.max(...cols.map((c) => csvHeader(c, lang).length));
  return [
    m('template.csvGuide', { incident: csvHeader('incident', lang) }),
    ...cols.map((c) => `  ${csvHeader(c, lang).padEnd(width)}  ${notes[c]}${REQUIRED_COLUMNS.includes(c) && !notes[c].includes(m('template.csvRequired')) ? ` (${m('template.csvRequired')})` : ''}`),
  ].join('\n') + '\n';
}
