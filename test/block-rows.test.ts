// --full reads a block's rows as bytes (issue 14 part 3). Property: on any block (quoted cells with
// delimiters, newlines and CRLF inside, escaped quotes, stray quotes, text after a closing quote, a
// quote left open, blank lines, lone CRs, edge spaces and tabs, accents in UTF-8 and in Latin-1,
// a byte-order mark, rows a cell short or long, no newline at the end) the counts are the ones the
// text reader gives: every counter, malformed lines, newlines, the unclosed quote's line, Latin-1
// rows, and the HyperLogLog registers of keys and of minors.
import { isAscii, isUtf8 } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BlockCounter, type JobConfig, type JobResult } from '../src/scan/block-counter.js';
import { decodeLines } from '../src/scan/detect.js';
import { HyperLogLog } from '../src/scan/hll.js';
import { boundaryAfter, cutPoint } from '../src/scan/full.js';
import { runJob } from '../src/scan/worker-job.js';
import { rng } from '../scripts/synth-dump.mjs';
import { curpFor } from '../scripts/synth-names.mjs';

/** The text reader --full had before it read bytes: decode the block, cut rows at newlines outside quotes. */
function textJob(bytes: Uint8Array, skipFirstRow: boolean, cfg: JobConfig, hll: HyperLogLog, minorsHll?: HyperLogLog): JobResult {
  const counter = new BlockCounter(cfg, hll, minorsHll);
  const b = Buffer.from(bytes);
  let text: string;
  if (isAscii(b)) text = b.toString('latin1');
  else if (isUtf8(b)) text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  else {
    const d = decodeLines(b);
    counter.r.latin1Rows += d.latin1;
    text = d.text;
  }
  let skip = skipFirstRow;
  const handle = (line: string, lineNo: number, broken: boolean) => {
    if (line.charCodeAt(line.length - 1) === 13) line = line.slice(0, -1);
    if (!line) return;
    if (skip) { skip = false; return; }
    counter.textRow(line, lineNo, broken);
  };
  let start = 0;
  let line = 1;
  let rowLine = 1;
  let quoteLine = 0;
  let inQ = false;
  let newlines = 0;
  let nextQuote = text.indexOf('"');
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    newlines++;
    while (nextQuote !== -1 && nextQuote < i) {
      inQ = !inQ;
      if (inQ) quoteLine = line;
      nextQuote = text.indexOf('"', nextQuote + 1);
    }
    line++;
    if (inQ) continue;
    handle(text.slice(start, i), rowLine, false);
    start = i + 1;
    rowLine = line;
  }
  while (nextQuote !== -1) {
    inQ = !inQ;
    if (inQ) quoteLine = line;
    nextQuote = text.indexOf('"', nextQuote + 1);
  }
  if (start < text.length) handle(text.slice(start), rowLine, inQ);
  if (inQ) counter.r.unclosedQuoteLine = quoteLine;
  return counter.finish(newlines);
}

const r = rng(7);
const GIVEN = ['JUAN', 'MARIA', 'JOSE', 'ANA'];
const SURNAMES = ['PEREZ', 'LOPEZ', 'NUNEZ', 'GARCIA'];
/** Valid CURPs (a third of them born in 2015: minors) and a few with a wrong check digit. */
const CURPS = Array.from({ length: 40 }, (_, i) => curpFor(GIVEN[i % 4]!, SURNAMES[i % 4]!, SURNAMES[(i + 1) % 4]!, i % 3 === 0 ? 2015 : 1980 + (i % 30), 1 + (i % 12), 1 + (i % 28), r, i % 13 === 5));
/** Cells as dumps hold them, valid and not, and the ones that make readers stumble. */
const CELL = fc.oneof(
  fc.constantFrom(...CURPS),
  fc.constantFrom(...CURPS).map((c) => c.toLowerCase()),
  fc.constantFrom(...CURPS).map((c) => `${c.slice(0, 4)}-${c.slice(4, 10)} ${c.slice(10)}`),
  fc.constantFrom('JUAN PEREZ LOPEZ', 'María de la Luz Núñez', 'MA. GUADALUPE', 'de la Cruz', 'COL. CENTRO', 'sin observaciones', 'N/A', 'Ana'),
  fc.constantFrom('ana.perez@correo.mx', 'x@y', 'a..b@c.com', '5512345678', '+52 1 55 1234 5678', '044 55 1234 5678', '06600', '1990-02-29', '29/02/2000', '$1,234.50', '192.168.0.1', '::1'),
  fc.constantFrom('4111111111111111', '002180700000000019', '12345678903', 'XAXX010101000', 'GODE561231GR8', 'AB12', 'H', 'mujer'),
  fc.constantFrom(' padded ', '\tTAB', 'CR\r', '\u00a0nbsp', 'Calle Juárez #12', 'Ñandú', '\ufeffbom', ''),
  // Names with accents, some whose Windows-1252 bytes also read as UTF-8 (Ã© is é's UTF-8 bytes), some over two lines.
  fc.constantFrom('JOSÉ PÉREZ NÚÑEZ', 'María de la Luz', 'JOSÃ©', 'José\nJOSÃ©', 'JOSÃ©\nJosé', 'Ángel\nGüemes'),
  fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', ' ', '-', '.', '@', '"', ',', ';', '\t', '\r', '\n', 'é', 'Ñ'), maxLength: 12 }),
);
const DELIMS = [',', ';', '\t', '|'];
/** A cell as written in the block: plain, quoted, quoted with "" inside, or broken. */
const WRITTEN = fc.tuple(CELL, fc.integer({ min: 0, max: 9 })).map(([v, how]) => ({ v, how }));
const ROW = fc.array(WRITTEN, { minLength: 0, maxLength: 8 });
const BLOCK = fc.record({
  delim: fc.constantFrom(...DELIMS),
  rows: fc.array(ROW, { minLength: 0, maxLength: 14 }),
  eol: fc.constantFrom('\n', '\r\n'),
  end: fc.constantFrom('', '\n', '\r\n', '"open', '\r', '\n\n'),
  bom: fc.boolean(),
  latin1: fc.boolean(),
  header: fc.boolean(),
  width: fc.integer({ min: 1, max: 7 }),
});

interface Block { delim: string; rows: { v: string; how: number }[][]; eol: string; end: string; bom: boolean; latin1: boolean }

function write(block: Block): Uint8Array {
  const rows = block.rows.map((row) => row.map(({ v, how }) => {
    if (how <= 4) return v.replaceAll('"', '').replaceAll(block.delim, '').replaceAll('\n', '');
    if (how <= 7) return `"${v.replaceAll('"', '')}"`;
    if (how === 8) return `"${v.replaceAll('"', '""')}"`;
    return `"${v}"x`;
  }).join(block.delim));
  const text = (block.bom ? '\ufeff' : '') + rows.join(block.eol) + block.end;
  if (!block.latin1) return Buffer.from(text, 'utf8');
  // A "Latin-1" block mixes encodings line by line (a quoted cell over several lines too): every
  // other line in Windows-1252 (accents as single bytes), the others in UTF-8, some opening with a
  // byte-order mark.
  return Buffer.concat(text.split('\n').map((l, i) => Buffer.from(i ? `\n${i % 3 === 1 && block.bom ? '\ufeff' : ''}${l}` : l, i % 2 === 0 ? 'latin1' : 'utf8')));
}

function config(width: number, delim: string): JobConfig {
  const cycle: JobConfig['types'] = [
    ['curp', 'curp~shape'],
    ['name', 'name_part', 'name_known', 'given_known', 'surname_known'],
    ['curp', 'rfc', 'nss', 'clabe', 'card', 'voter_key', 'email', 'ip', 'name', 'name_part', 'name_known', 'given_known', 'surname_known'],
    ['email', 'phone', 'postal_code', 'date', 'money', 'sex', 'address'],
    ['rfc', 'rfc~shape', 'nss', 'nss~shape', 'clabe', 'clabe~shape', 'card', 'card~shape'],
    ['card', 'card~shape', 'clabe', 'email', 'phone'],
    ['date', 'sex', 'postal_code', 'money'],
  ];
  return { delimiter: delim, width, types: Array.from({ length: width }, (_, i) => cycle[i % cycle.length]!), keyColumn: 0, minors: { column: 0, field: 'curp' }, today: '2026-11-21' };
}

function both(bytes: Uint8Array, skip: boolean, cfg: JobConfig) {
  const run = (job: typeof runJob) => {
    const hll = new HyperLogLog();
    const minors = new HyperLogLog();
    // A config of its own: a column's plan keeps its cache decision per config, across blocks.
    const result = job(new Uint8Array(bytes), skip, structuredClone(cfg), hll, minors);
    return { result, keys: Buffer.from(hll.registers).toString('base64'), minors: Buffer.from(minors.registers).toString('base64') };
  };
  return { bytes: run(runJob), text: run(textJob) };
}

describe('--full reads bytes as it read text', () => {
  it('gives the same counts on any block', () => {
    fc.assert(fc.property(BLOCK, (block) => {
      const cfg = config(block.width, block.delim);
      const got = both(write(block), block.header, cfg);
      expect(got.bytes).toEqual(got.text);
    }), { numRuns: 3000 });
  });

  it('gives the same counts on blocks of generated people, with a header and without', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [CURPS[i % CURPS.length]!, i % 9 ? 'JUAN PEREZ' : 'Núñez Peña', `"Calle ${i}, Col. Roma\nCDMX"`, i % 11 ? 'x@y.mx' : '"a ""b"""', 'AB'].join(','));
    const text = `curp,nombre,domicilio,correo,otro\n${rows.join('\r\n')}\n`;
    for (const latin1 of [false, true]) {
      const bytes = Buffer.from(text, latin1 ? 'latin1' : 'utf8');
      for (const skip of [false, true]) {
        const got = both(bytes, skip, config(5, ','));
        expect(got.bytes).toEqual(got.text);
        expect(got.bytes.result.rows).toBe(skip ? 400 : 401);
      }
    }
  });

  it('a name over two lines of different encodings is read as each line is', () => {
    // Line 1 is UTF-8 (José); line 2 is Windows-1252 for its Núñez, so its JOSÃ© is too, although
    // those two bytes alone would read as UTF-8 é: the first line's decoder for the whole cell would
    // call JOSé a name.
    const bytes = Buffer.concat([Buffer.from('nombre,otro\n"José\n', 'utf8'), Buffer.from('JOSÃ©",Núñez\nAna,Ana\n', 'latin1')]);
    const cfg = config(2, ',');
    cfg.types = [['name', 'name_part', 'name_known', 'given_known', 'surname_known'], ['name', 'name_part', 'name_known', 'given_known', 'surname_known']];
    cfg.keyColumn = -1;
    cfg.minors = null;
    const got = both(bytes, true, cfg);
    expect(got.bytes).toEqual(got.text);
    expect(got.bytes.result.valid[0]).toEqual({ name_part: 1, name_known: 1, given_known: 1 });
  });

  it('counts what the block holds (not only what the text reader says)', () => {
    const cfg = config(2, ',');
    const curp = CURPS[0]!;
    const bytes = Buffer.from(`curp,nombre\n${curp},JUAN PEREZ\r\n\n"${curp}","Ana, ""la"" de\nlejos"\n${curp},x,extra\n"abierta,`);
    const { bytes: got } = both(bytes, true, cfg);
    expect(got.result).toMatchObject({ rows: 4, malformed: 2, malformedLines: [6, 7], newlines: 6, unclosedQuoteLine: 7 });
    expect(got.result.nonEmpty).toEqual([2, 2]);
    expect(got.result.valid[0]).toMatchObject({ curp: 2, 'curp~shape': 2 });
  });
});

describe('where the main thread cuts blocks and ranges', () => {
  /** The definition, byte by byte: the last newline (or the first at or after `from`) with every quote before it closed. */
  const naiveCut = (b: Buffer, parity: number) => {
    let last = -1;
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 34) parity ^= 1;
      else if (b[i] === 10 && parity === 0) last = i + 1;
    }
    return last;
  };
  const naiveBoundary = (b: Buffer, from: number, parity: number) => {
    for (let i = 0; i < b.length; i++) {
      if (b[i] === 34) parity ^= 1;
      else if (b[i] === 10 && parity === 0 && i >= from) return i + 1;
    }
    return -1;
  };
  it('cutPoint and boundaryAfter agree with the definition', () => {
    const bytes = fc.string({ unit: fc.constantFrom('a', '"', '\n', ',', '\r'), maxLength: 60 }).map((t) => Buffer.from(t));
    fc.assert(fc.property(bytes, fc.nat(), fc.integer({ min: 0, max: 1 }), (b, at, parity) => {
      expect(cutPoint(b, parity)).toBe(naiveCut(b, parity));
      const from = b.length ? at % b.length : 0;
      expect(boundaryAfter(b, from, parity)).toBe(naiveBoundary(b, from, parity));
    }), { numRuns: 20000 });
  });
});
