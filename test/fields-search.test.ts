// `breach fields QUERY`: the catalogue searched by Spanish or English words, accents and case
// ignored; ids and EI values never cut, whatever the terminal width.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { FIELDS } from '../src/fields/catalogue.js';
import { foldWords, searchFields } from '../src/fields/search.js';
import { wrapCell } from '../src/cli/fields-command.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: { PATH: process.env.PATH ?? '', LANG: 'C', ...env }, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const ids = (q: string) => searchFields(q).map((m) => m.field.id);

describe('searchFields', () => {
  it('finds by Spanish and English words, aliases and ids, ignoring accents and case', () => {
    expect(ids('salario')[0]).toBe('salary');
    expect(ids('SALARIO')[0]).toBe('salary');
    expect(ids('sueldo')[0]).toBe('salary');
    expect(ids('wage')[0]).toBe('salary');
    expect(ids('telefono')[0]).toBe('phone');
    expect(ids('TELÉFONO')[0]).toBe('phone');
    expect(ids('correo electronico')[0]).toBe('email');
    expect(ids('contrasena')[0]).toBe('password_plain');
    expect(ids('curp')[0]).toBe('curp');
    expect(ids('SalarioDiarioIntegrado')).toContain('salary');
  });

  it('ranks whole names before prefixes and word prefixes, and matches several words in any order', () => {
    const huella = searchFields('huella');
    expect(huella[0]).toMatchObject({ rank: 0, field: { id: 'fingerprint' } });
    expect(huella.map((m) => m.field.id)).toEqual(expect.arrayContaining(['voice_print', 'palm_print']));
    expect(ids('tarjeta numero')[0]).toBe('card_number');
    expect(ids('domicilio empleador')).toEqual(['employer_address']);
  });

  it('an empty query lists the whole catalogue; nonsense matches nothing', () => {
    expect(searchFields('  ').length).toBe(FIELDS.length);
    expect(searchFields('xyzzy')).toEqual([]);
    expect(foldWords('Número-de_Tarjeta')).toBe('numero de tarjeta');
  });
});

describe('breach fields', () => {
  it('breach fields salario: the match, in Spanish, with the alias that matched', () => {
    const r = run(['fields', 'salario', '--lang', 'es']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/│ salary +│ salario \(financiero\)/);
    expect(r.out).not.toContain('curp');
    expect(r.out).toContain('Marcas:');
    const en = run(['fields', 'SALARIO']);
    expect(en.out).toMatch(/│ salary +│ salary \(financial\) .*│ salario, /);
  });

  it('never cuts an id or an EI value, even in a narrow terminal: it wraps the other columns', () => {
    for (const cols of ['60', '80', '200']) {
      const r = run(['fields'], { COLUMNS: cols });
      expect(r.code).toBe(0);
      expect(r.out).not.toContain('…');
      const ids = [...r.out.matchAll(/^│ ([a-z0-9_]+) +│/gm)].map((m) => m[1]).slice(1);
      expect(ids).toEqual(FIELDS.map((f) => f.id));
      const ei = [...r.out.matchAll(/^│ [a-z0-9_]+ +│[^│]*│[^│]*│ ([^│]*?) +│/gm)].map((m) => m[1]).slice(1);
      expect(ei).toEqual(FIELDS.map((f) => String(f.ei ?? '-')));
      if (cols === '200') expect(Math.max(...r.out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(200);
    }
  });

  it('--wide shows every alias; --json gives every alias of the matches', () => {
    const card = FIELDS.find((f) => f.id === 'card_number')!;
    const wide = run(['fields', 'tarjeta', '--wide'], { COLUMNS: '120' }).out.replace(/[│\s]+/g, ' ');
    for (const a of [...card.aliases.es, ...card.aliases.en]) expect(wide).toContain(a);
    const json = JSON.parse(run(['fields', 'tarjeta', '--json']).out);
    expect(json.query).toBe('tarjeta');
    expect(json.fields[0]).toEqual(card);
    expect(JSON.parse(run(['fields', '--json']).out).fields.length).toBe(FIELDS.length);
  });

  it('says so when nothing matches, in the interface language, without echoing escapes', () => {
    const r = run(['fields', 'crup', '--lang', 'es']);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe('Ningún tipo de dato coincide con «crup» (los más parecidos: curp); `breach fields` los muestra todos.\n');
    const hostile = run(['fields', 'zzz\u001b[2J']);
    expect(hostile.err).toContain('No field type matches "zzz');
    expect(hostile.err).not.toContain('\u001b');
    expect(run(['fields', 'qqqqqq']).err).toMatch(/^No field type matches "qqqqqq"/);
  });

  it('wrapCell splits a word longer than the column instead of cutting it', () => {
    expect(wrapCell('tarjeta_circulacion, niv', 10)).toBe('tarjeta_ci\nrculacion,\nniv');
  });
});
