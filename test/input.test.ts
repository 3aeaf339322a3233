import { describe, expect, it } from 'vitest';
import { parseCount } from '../src/input/count.js';
import { detectDelimiter } from '../src/input/load-csv.js';
import { assessText, problems, problemsBytes } from './helpers.js';

const minimal = (records: string) => `incident:\n  discovered: 2025-01-10\n  controller: { sector: private }\ndatasets:\n  - name: a\n    records: ${records}\n    fields: [full_name]\n`;

describe('record counts', () => {
  it.each([
    ['42000000', 42000000], ['"42,000,000"', 42000000], ['42_000_000', 42000000], ['4.2e7', 42000000], ['"4.2e7"', 42000000], ['0', 0], ['"1,234"', 1234],
  ])('accepts %s', (text, value) => {
    expect(assessText(minimal(text))[0]?.datasets[0]?.records).toBe(value);
  });

  it.each([
    ['-5', 'must not be negative'], ['4.5', 'must be a whole number (got 4.5)'], ['"4,5"', 'must be a whole number'], ['forty', 'must be a whole number such as'],
    ['"42,00,000"', 'must be a whole number such as'], ['1e300', 'too large'], ['9007199254740993', 'too large'], ['true', 'must be a whole number'], ['[1]', 'must be a whole number'], ['.inf', 'must be a finite whole number'],
  ])('rejects %s with a located message', (text, message) => {
    const p = problems(minimal(text));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^in\.yaml:6:14: `datasets\[0\]\.records`/);
    expect(p[0]).toContain(message);
  });

  it('parseCount never throws on odd input', () => {
    for (const v of [undefined, null, {}, NaN, -0, Infinity, '', ' ', '1_000,000', '٣']) expect(() => parseCount(v)).not.toThrow();
  });
});

describe('YAML and JSON descriptions', () => {
  it('reports every problem at once, sorted, with suggestions', () => {
    const p = problems(`incident:\n  titel: x\n  controller: { sector: publik }\ndatasets:\n  - { name: a, records: 1, fields: [crup] }\n`);
    expect(p).toEqual([
      'in.yaml:2:3: unknown key `titel` in incident (did you mean `title`?); expected one of title, discovered, controller, circumstances, subjects',
      'in.yaml:3:25: `incident.controller.sector` must be one of public, private, got "publik" (did you mean `public`?)',
      'in.yaml:5:37: `datasets[0].fields[0]`: unknown field type `crup` (did you mean `curp`?); `breach fields` lists them',
    ]);
  });

  it('requires a branch for public controllers', () => {
    expect(problems(`incident:\n  controller: { sector: public }\ndatasets: [{ name: a, records: 1, fields: [email] }]\n`)[0]).toMatch(/^in\.yaml:2:15: `incident\.controller`: a public controller needs `branch`/);
  });

  it('rejects impossible dates and missing keys', () => {
    const p = problems(`incident:\n  discovered: 2025-02-30\n  controller: {}\ndatasets: [{ name: a, fields: [email] }]\n`);
    expect(p.some((x) => x.includes('must be a real date written YYYY-MM-DD (got "2025-02-30")'))).toBe(true);
    expect(p.some((x) => x.includes('missing required key `sector` in incident.controller'))).toBe(true);
    expect(p.some((x) => x.includes('missing required key `records` in datasets[0]'))).toBe(true);
  });

  it('reads multi-document streams, one incident each', () => {
    const doc = minimal('10');
    const a = assessText(`${doc}---\n${doc}`);
    expect(a.map((x) => x.source)).toEqual(['test.yaml#1', 'test.yaml#2']);
  });

  it('stops YAML alias bombs', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)},*${String.fromCharCode(97 + i)}]`)].join('\n');
    const p = problems(bomb);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/^in\.yaml:1:1: invalid YAML: .*aliases are limited to 100/);
  });

  it('refuses YAML tags JSON cannot express, and absurd nesting', () => {
    expect(problems('incident: !!binary aGVsbG8=\ndatasets: !foo [1]\n')).toEqual([
      'in.yaml:1:20: unsupported YAML tag `!!binary`: use plain text, numbers, lists and mappings',
      'in.yaml:2:16: unsupported YAML tag `!foo`: use plain text, numbers, lists and mappings',
    ]);
    expect(problems(`a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`)[0]).toMatch(/^in\.yaml:1:\d+: invalid YAML: the document is nested too deeply$/);
    expect(problems(`${'{"a":'.repeat(20000)}1${'}'.repeat(20000)}`, 'json', 'in.json')[0]).toMatch(/invalid JSON: the document is nested too deeply$/);
  });

  it('rejects duplicate keys, in YAML and JSON', () => {
    expect(problems('a: 1\na: 2\n')[0]).toMatch(/^in\.yaml:2:1: invalid YAML: Map keys must be unique/);
    expect(problems('{"a": 1, "a": 2}', 'json', 'in.json')[0]).toMatch(/^in\.json:1:10: invalid JSON: Map keys must be unique/);
  });

  it('rejects empty, binary and non-mapping files', () => {
    expect(problems('')).toEqual(['in.yaml:1:1: the file is empty: expected a breach/v1 description']);
    expect(problems('# only a comment\n')[0]).toContain('the file is empty');
    expect(problemsBytes(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'yaml', 'x.yaml')[0]).toContain('NUL bytes');
    expect(problems('- 1\n- 2\n')[0]).toContain('expected a breach/v1 description: a mapping');
  });

  it('reads JSON with locations', () => {
    const p = problems('{\n  "incident": {"controller": {"sector": "private"}},\n  "datasets": [{"name": "a", "records": -1, "fields": ["email"]}]\n}', 'json', 'in.json');
    expect(p).toEqual(['in.json:3:41: `datasets[0].records`: must not be negative (got -1)']);
  });

  it('reads UTF-16 with a BOM', () => {
    const text = minimal('10');
    const bytes = new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(problemsBytes(bytes, 'yaml', 'u16.yaml')).toEqual([]);
  });
});

describe('CSV portfolios', () => {
  it('a column without a header (a spreadsheet\'s trailing separators) is ignored while empty; a value in it is located', () => {
    expect(assessText('conjunto,registros,campos,sector,,\na,1,curp,privado,,\n', { format: 'csv', file: 'p.csv' })).toHaveLength(1);
    expect(problems('conjunto,registros,campos,sector,,\na,1,curp,privado,,x\n', 'csv', 'p.csv')).toEqual(['p.csv:2:19: column 6 has no header but this row has a value in it: name the column or delete the value']);
  });

  const header = 'incidente,conjunto,registros,campos,sector,fecha';
  it('detects , ; and tab', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
  });

  it('groups rows into incidents by `incident` and keeps accents from Latin-1', () => {
    const text = `${header},titulo\nA,uno,10,full_name|salary,privado,2025-01-01,Nómina\nA,dos,5,email,privado,2025-01-01,Nómina\nB,tres,7,curp,público,2025-01-01,Padrón\n`.replace('público,2025-01-01,Padrón', 'público,2025-01-01,Padrón').replace(/\nB,tres,7,curp,público/, '\nB,tres,7,curp,público');
    const withBranch = text.replace(`${header},titulo`, `${header},titulo,rama`).replace(/Nómina\n/g, 'Nómina,\n').replace('Padrón\n', 'Padrón,state\n');
    const latin1 = new Uint8Array(Array.from(withBranch).map((c) => c.charCodeAt(0)));
    const a = assessText(new TextDecoder('latin1').decode(latin1), { format: 'csv', file: 'p.csv' });
    expect(a.map((x) => [x.source, x.incident.title, x.datasets.length])).toEqual([['p.csv#A', 'Nómina', 2], ['p.csv#B', 'Padrón', 1]]);
  });

  it('past 50 descriptions (zod compiled parser) problems are still found and located the same way', () => {
    const rows = Array.from({ length: 80 }, (_, i) => `I${i},d${i},${i === 77 ? '-4' : '10'},${i === 78 ? 'emial' : 'email'},privado,2025-01-01`);
    const p = problems(`${header}\n${rows.join('\n')}\n`, 'csv', 'p.csv');
    expect(p).toEqual([
      'p.csv:79:9: `registros`: must not be negative (got "-4")',
      'p.csv:80:12: `campos`: unknown field type `emial` (did you mean `email`?); `breach fields` lists them',
    ]);
    expect(assessText(`${header}\n${rows.slice(0, 70).join('\n')}\n`, { format: 'csv', file: 'p.csv' })).toHaveLength(70);
  });

  it('names both rows when incident-level columns disagree', () => {
    const p = problems(`${header}\nA,uno,10,email,privado,2025-01-01\nA,dos,5,email,público,2025-01-01\n`, 'csv', 'p.csv');
    expect(p).toEqual(['p.csv:3:15: `sector` is "público" here but "privado" on line 2: rows of one incident (`A`) must agree']);
  });

  it('locates bad cells by line and column, with header suggestions', () => {
    const p = problems(`${header},campoz\nA,uno,-1,emial,privado,2025-01-01,x\n`, 'csv', 'p.csv');
    expect(p[0]).toBe('p.csv:1:50: unknown column `campoz` (did you mean `campos`?)');
    const q = problems(`${header}\nA,uno,-1,emial,privado,2025-01-01\n`, 'csv', 'p.csv');
    expect(q).toEqual([
      'p.csv:2:7: `registros`: must not be negative (got "-1")',
      'p.csv:2:10: `campos`: unknown field type `emial` (did you mean `email`?); `breach fields` lists them',
    ]);
  });

  it('names a bad or empty cell by its column as the file wrote it, not by the description\'s path', () => {
    expect(problems('conjunto,registros,campos,sector,confidencialidad,fecha\na,1,curp,marciano,desconocidos,20/03/2025\n', 'csv', 'p.csv')).toEqual([
      'p.csv:2:10: `sector` must be public, private, got "marciano"',
      'p.csv:2:19: `confidencialidad` must be none, lost-no-evidence, known-recipients, unknown-recipients, got "desconocidos"',
      'p.csv:2:32: `fecha`: must be a real date written YYYY-MM-DD (got "20/03/2025")',
    ]);
    expect(problems('dataset,records,fields,sector\na,x,curp,\n', 'csv', 'p.csv')).toEqual([
      'p.csv:2:1: the `sector` cell of this row is empty, and it is required',
      'p.csv:2:3: `records`: must be a whole number such as 42000000, "42,000,000" or 4.2e7 (got "x")',
    ]);
  });

  it('reports missing required columns, ragged rows and unclosed quotes', () => {
    expect(problems('conjunto,registros\nuno,1\n', 'csv', 'p.csv')).toEqual([
      'p.csv:1:1: missing required column `fields` (Spanish: `campos`)',
      'p.csv:1:1: missing required column `sector` (Spanish: `sector`)',
    ]);
    expect(problems(`${header}\nA,uno,1,email,privado,2025-01-01,extra\n`, 'csv', 'p.csv')[0]).toMatch(/^p\.csv:2:1: row has 7 cells but the header has 6/);
    expect(problems(`${header}\nA,"uno,1,email,privado,2025-01-01\n`, 'csv', 'p.csv')[0]).toMatch(/^p\.csv:\d+:1: invalid CSV: Quote Not Closed/);
  });
});

describe('inputs added for the edges of the law', () => {
  it('CSV: an `engaño` column flags the deception crime', () => {
    const [a] = assessText('incidente,conjunto,registros,campos,sector,fecha,dolo,engaño\na,clientes,100,nombre;telefono,privado,2025-08-01,sí,sí\n', { format: 'csv', file: 'p.csv' });
    expect(a!.incident.circumstances.deception).toBe(true);
    expect(a!.penalties.crimes.map((c) => c.code)).toEqual(['deception-for-profit']);
  });

  it('on_behalf_of describes the controller of a processor, and is refused elsewhere with a located message', () => {
    expect(problems('incident:\n  controller:\n    sector: private\n    on_behalf_of: { sector: public, branch: state }\ndatasets: [{ name: a, records: 1, fields: [curp] }]\n')).toEqual([
      'in.yaml:4:19: `incident.controller.on_behalf_of`: `on_behalf_of` describes the controller a processor works for: add `role: processor` or remove it',
    ]);
    expect(problems('incident:\n  controller:\n    sector: private\n    role: processor\n    on_behalf_of: { sector: public }\ndatasets: [{ name: a, records: 1, fields: [curp] }]\n')[0]).toContain('a public controller needs `branch`');
    expect(problems('incident:\n  controller:\n    sector: private\n    role: processor\n    on_behalf_of: { sector: public, branch: stat }\ndatasets: [{ name: a, records: 1, fields: [curp] }]\n')[0]).toContain('did you mean `state`');
  });
});
