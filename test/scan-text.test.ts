// breach scan on free text (issue 14): mail, mbox, HTML, prose, logs, JSON of any shape. A
// generated mailbox whose planted identifiers the generator knows gives the exact counts, and no
// output carries a raw value; bad input (broken MIME, archives, mixed encodings, megabyte lines)
// gives a located message or a sensible reading.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailChunks, Truth } from '../scripts/synth-mail.mjs';
import { TextScanner, type TextType } from '../src/scan/text/find.js';

const BIN = new URL('../bin/breach.cjs', import.meta.url).pathname;
const TODAY = '2026-11-21';
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', BREACH_TODAY: TODAY } });
let dir = '';
const truth = new Truth(TODAY);
const MESSAGES = 300;

interface TypeTotal { type: string; occurrences: number; distinct: number; failedCheck?: number; files: number; examples: string[]; distinctMethod: string }
interface TextJson { files: number; types: TypeTotal[]; minors?: { curps: number; minors: number; share: number }; mail?: Record<string, number>; encodings: string[]; byFile: { file: string; format: string; encodings: string[] }[] }

function scanJson(args: string[]) {
  const r = run(['scan', ...args, '--json', '--no-progress']);
  expect(r.status, r.stderr).toBe(0);
  const j = JSON.parse(r.stdout) as { files: { file: string; format: string }[]; text?: TextJson; problems?: { file: string; line: number; col: number; code: string; message: string }[] };
  return { ...j, stderr: r.stderr };
}
const byType = (t: TextJson) => Object.fromEntries(t.types.map((x) => [x.type, x]));

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'breach-text-'));
  writeFileSync(join(dir, 'buzon.mbox'), [...mailChunks(MESSAGES, { truth })].join(''));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a generated mailbox with planted identifiers', () => {
  it('gives the exact counts of the valid ones, the broken check digits apart, and the minors', () => {
    const { text } = scanJson([join(dir, 'buzon.mbox')]);
    const want = truth.counts();
    const got = byType(text!);
    expect(Object.keys(got).sort()).toEqual(Object.keys(want.types).sort());
    for (const [type, w] of Object.entries(want.types)) {
      expect([type, got[type]!.occurrences, got[type]!.distinct], type).toEqual([type, w.occurrences, w.distinct]);
      expect(got[type]!.failedCheck ?? 0, type).toBe(w.failedCheck);
      expect(got[type]!.distinctMethod).toBe('exact');
    }
    expect(want.types.curp!.failedCheck).toBeGreaterThan(0);
    expect(text!.minors).toEqual({ curps: want.types.curp!.distinct, minors: want.minors, share: Math.round((want.minors / want.types.curp!.distinct) * 10000) / 10000 });
    // Every other message carries a PDF, every third an HTML part, every fifth a CSV attachment.
    expect(text!.mail).toEqual({ messages: MESSAGES, attachedMessages: 0, textParts: MESSAGES + MESSAGES / 5, htmlParts: MESSAGES / 3, textAttachments: MESSAGES / 5, binarySkipped: MESSAGES / 2, archivesSkipped: 0 });
  });

  it('gzipped, the same counts', () => {
    writeFileSync(join(dir, 'buzon.mbox.gz'), gzipSync(readFileSync(join(dir, 'buzon.mbox'))));
    const a = scanJson([join(dir, 'buzon.mbox')]).text!;
    const b = scanJson([join(dir, 'buzon.mbox.gz')]).text!;
    expect(b.types).toEqual(a.types.map((t) => ({ ...t, fileList: [join(dir, 'buzon.mbox.gz')] })));
  });

  it('no raw value in any output format, the description included, in either language', () => {
    const values = truth.values();
    expect(values.length).toBeGreaterThan(500);
    const outputs: string[] = [];
    for (const args of [['--json'], ['--format', 'markdown'], [], ['--lang', 'es'], ['--format', 'markdown', '--lang', 'es']]) {
      const r = run(['scan', join(dir, 'buzon.mbox'), '--no-progress', ...args]);
      expect(r.status, r.stderr).toBe(0);
      outputs.push(r.stdout, r.stderr);
    }
    const yaml = join(dir, 'buzon.yaml');
    const r = run(['scan', join(dir, 'buzon.mbox'), '--describe', yaml, '--sector', 'public', '--branch', 'federal-executive', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    outputs.push(readFileSync(yaml, 'utf8'));
    const all = outputs.join('\n');
    const leaked = values.filter((v) => all.includes(v) || all.toLowerCase().includes(v.toLowerCase()));
    expect(leaked).toEqual([]);
    // Masked examples are there all the same.
    expect(all).toMatch(/[A-Z]{4}\*{11}[A-Z\d]{3}/);
  }, 180000);

  it('--describe: one dataset per type family, records = distinct values, the minors group; breach assess accepts it', () => {
    const yaml = join(dir, 'desc.yaml');
    const r = run(['scan', join(dir, 'buzon.mbox'), '--describe', yaml, '--sector', 'private', '--quiet']);
    expect(r.status, r.stderr).toBe(0);
    const text = readFileSync(yaml, 'utf8');
    const want = truth.counts().types;
    expect(text).toContain('groups:\n      - minors');
    expect(text).toContain('name: identifiers in free text');
    expect(text).toContain(`records: ${Math.max(want.curp!.distinct, want.rfc!.distinct, want.nss!.distinct)}`);
    expect(text).toContain(`records: ${Math.max(want.email!.distinct, want.phone!.distinct, want.address!.distinct, want.postal_code!.distinct)}`);
    expect(text).toMatch(/fields:\n\s+- clabe\n\s+- card_number/);
    expect(text).toContain('distinct values counted exactly');
    const a = run(['assess', yaml, '--format', 'json']);
    expect(a.status, a.stderr).toBe(0);
    const assessed = JSON.parse(a.stdout).assessments[0];
    expect(assessed.datasets.map((d: { name: string }) => d.name)).toEqual(['identifiers in free text', 'contact data in free text', 'financial data in free text']);
  });
});

describe('formats of free text', () => {
  it('a folder of .eml, .html, .txt, .log, .json of any shape and a CSV: text totals across files, the table profiled as before', () => {
    const f = join(dir, 'carpeta');
    mkdirSync(f, { recursive: true });
    writeFileSync(join(f, 'a.eml'), 'From: Ana <ana.lopez@ejemplo.mx>\nTo: b@ejemplo.mx\nSubject: datos\nMessage-ID: <x1@ejemplo.mx>\n\nMi CURP es LOOA531113HTCPBN07.\n');
    writeFileSync(join(f, 'b.html'), '<!DOCTYPE html><html><body><p>CURP&nbsp;<b>LOOA531113HTCPBN07</b>, RFC GODE561231GR8</p><style>.x{}</style></body></html>');
    writeFileSync(join(f, 'c.txt'), 'Notas de la reunión: el señor con RFC GODE561231GR8 pidió su CLABE 002010077777777771.\nNada más.\n');
    writeFileSync(join(f, 'd.log'), '2022-10-03 09:12:33 INFO login user=ana.lopez@ejemplo.mx ip=10.0.0.1\n2022-10-03 09:12:34 WARN tarjeta 4111 1111 1111 1111 rechazada\n');
    writeFileSync(join(f, 'e.json'), JSON.stringify({ meta: { autor: 'x' }, cuerpo: { texto: 'Escribir a ana.lopez@ejemplo.mx\ncurp:MASI050805MVZRLRA8' } }, null, 2));
    writeFileSync(join(f, 'f.csv'), ['curp,correo', ...Array.from({ length: 30 }, () => 'LOOA531113HTCPBN07,ana.lopez@ejemplo.mx')].join('\n'));
    const { files, text } = scanJson([f]);
    expect(files.map((p) => [p.file.split('/').pop(), p.format])).toEqual([['f.csv', 'csv']]);
    expect(text!.byFile.map((x) => [x.file.split('/').pop(), x.format])).toEqual([['a.eml', 'mail'], ['b.html', 'html'], ['c.txt', 'text'], ['d.log', 'text'], ['e.json', 'json']]);
    const t = byType(text!);
    expect([t.curp!.occurrences, t.curp!.distinct, t.curp!.files]).toEqual([3, 2, 3]);
    expect([t.rfc!.occurrences, t.rfc!.distinct, t.rfc!.files]).toEqual([2, 1, 2]);
    expect([t.email!.occurrences, t.email!.distinct, t.email!.files]).toEqual([4, 2, 3]);
    expect([t.clabe!.occurrences, t.card_number!.occurrences]).toEqual([1, 1]);
    // The minors: MASI050805... was born in 2005, an adult on 2026-11-21.
    expect(text!.minors).toEqual({ curps: 2, minors: 0, share: 0 });
  });

  it('a text file that is a table stays a table; prose with commas is text', () => {
    writeFileSync(join(dir, 'tabla.txt'), ['curp|correo', ...Array.from({ length: 30 }, () => 'LOOA531113HTCPBN07|ana@ejemplo.mx')].join('\n'));
    writeFileSync(join(dir, 'prosa.txt'), 'Hola, te escribo para decirte que sí.\nLa junta es el lunes, en la sala, a las diez.\nSaludos.\nRFC GODE561231GR8\n');
    expect(scanJson([join(dir, 'tabla.txt')]).files[0]!.format).toBe('csv');
    const p = scanJson([join(dir, 'prosa.txt')]);
    expect(p.files).toEqual([]);
    expect(byType(p.text!).rfc!.occurrences).toBe(1);
  });

  it('numbers that are not identifiers are left alone: dates, amounts, IPs, bare ten digits without a keyword, an RFC-shaped generic', () => {
    writeFileSync(join(dir, 'ruido.txt'), 'El 2022-10-03 10:30:00 se pagaron $1,234,567.89 (folio 1234567890) desde 192.168.10.200; RFC genérico XAXX010101000; pedido 5512345678901234 sin más.\n');
    const { text } = scanJson([join(dir, 'ruido.txt')]);
    expect(text!.types).toEqual([]);
  });

  it('Spanish table output names the types and the columns in Spanish', () => {
    const r = run(['scan', join(dir, 'buzon.mbox'), '--lang', 'es', '--no-progress']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Texto libre (1 archivos');
    expect(r.stdout).toContain('omitidos: 150 adjuntos binarios');
    expect(r.stdout).toContain('correo electrónico');
  });
});

describe('the scanner reads pieces cut anywhere', () => {
  const text = `CURP LOOA531113HTCPBN07 y mala LOOA531113HTCPBN08, RFC GODE-561231-GR8, tel. (55) 1234 5678, +52 1 33 1234 5678,
NSS 72795608040 y 72-79-56-0804-0, CLABE 002010077777777771, tarjeta 4111-1111-1111-1111, INE HRGRJN82050602H900.
Correo juan.perez123@gmail.com; Domicilio: Av. Insurgentes Sur 1602, Col. Crédito Constructor, C.P. 03940.\n`.repeat(3);
  const hits = (step: number) => {
    const out: string[] = [];
    const s = new TextScanner((t: TextType, v, ok) => out.push(`${t}:${v}:${ok}`));
    const b = Buffer.from(text, 'utf8');
    for (let i = 0; i < b.length; i += step) s.push(b.subarray(i, i + step));
    s.end();
    return out;
  };
  it('every type once per place, whatever the piece size', () => {
    const whole = hits(1 << 20);
    expect(whole.filter((h) => h.startsWith('curp:'))).toEqual(['curp:LOOA531113HTCPBN07:true', 'curp:LOOA531113HTCPBN08:false', 'curp:LOOA531113HTCPBN07:true', 'curp:LOOA531113HTCPBN08:false', 'curp:LOOA531113HTCPBN07:true', 'curp:LOOA531113HTCPBN08:false']);
    expect(new Set(whole.map((h) => h.split(':')[0]))).toEqual(new Set(['curp', 'rfc', 'phone', 'nss', 'clabe', 'card_number', 'ine_voter_key', 'email', 'address', 'postal_code']));
    expect(whole.filter((h) => h.startsWith('phone:'))).toEqual(['phone:5512345678:true', 'phone:3312345678:true', 'phone:5512345678:true', 'phone:3312345678:true', 'phone:5512345678:true', 'phone:3312345678:true']);
    expect(whole).toContain('address:av. insurgentes sur 1602, col. crédito constructor:true');
    // The same hits (the order between types follows the pieces).
    for (const step of [1, 2, 3, 7, 64, 333]) expect(hits(step).sort(), `pieces of ${step}`).toEqual([...whole].sort());
  });
});

describe('bad input', () => {
  const mail = (name: string, body: string) => { const p = join(dir, name); writeFileSync(p, body); return p; };

  it('broken MIME: a multipart never closed, a multipart without boundary: located messages, the text still read', () => {
    const p = mail('roto.eml', 'From: a@ejemplo.mx\nTo: b@ejemplo.mx\nSubject: x\nContent-Type: multipart/mixed; boundary="B1"\n\n--B1\nContent-Type: text/plain\n\nCURP LOOA531113HTCPBN07\n--B1\nContent-Type: multipart/alternative\n\nRFC GODE561231GR8\n');
    const { text, problems, stderr } = scanJson([p]);
    expect(problems!.map((x) => [x.code, x.line])).toEqual([['mail-truncated', 1], ['mail-no-boundary', 11]]);
    expect(stderr).toContain(`${p}:1:1: the file ends inside a multipart begun here (no closing boundary): truncated?`);
    expect(stderr).toContain(`${p}:11:1: broken MIME: a multipart part without a boundary parameter; its body is read as plain text`);
    const t = byType(text!);
    expect([t.curp!.occurrences, t.rfc!.occurrences, t.email!.occurrences]).toEqual([1, 1, 2]);
  });

  it('an mbox message whose multipart is left open: the next message is still read', () => {
    const m1 = 'From a@x.mx Mon Oct  3 09:12:33 2022\nFrom: a@ejemplo.mx\nContent-Type: multipart/mixed; boundary="Q"\n\n--Q\nContent-Type: text/plain\n\nCURP LOOA531113HTCPBN07\n\n';
    const m2 = 'From b@x.mx Mon Oct  3 09:12:34 2022\nFrom: b@ejemplo.mx\nSubject: hola\n\nRFC GODE561231GR8\n';
    const { text, problems } = scanJson([mail('abierto.mbox', m1 + m2)]);
    expect(problems!.map((x) => [x.code, x.line])).toEqual([['mail-unclosed', 2]]);
    expect(text!.mail!.messages).toBe(2);
    expect([byType(text!).curp!.occurrences, byType(text!).rfc!.occurrences]).toEqual([1, 1]);
  });

  it('archives: a zip or tar.gz in a folder is named with what to do; an archive attached to mail is counted, not opened', () => {
    const f = join(dir, 'archivos');
    mkdirSync(f, { recursive: true });
    // A zip holding a text file (local header, no workbook parts) and a gzipped tar.
    const zip = Buffer.from('504b03041400000000000000000000000000000000000000000005000000612e747874', 'hex');
    const cd = Buffer.from('504b01021400140000000000000000000000000000000000000000000500000000000000000000000000000061', 'hex');
    const eocd = Buffer.alloc(22);
    eocd.writeUInt32LE(0x06054b50, 0); eocd.writeUInt16LE(1, 8); eocd.writeUInt16LE(1, 10);
    const name = Buffer.from('a.txt');
    const cdEntry = Buffer.concat([cd.subarray(0, 46), name]);
    cdEntry.writeUInt16LE(5, 28);
    eocd.writeUInt32LE(cdEntry.length, 12); eocd.writeUInt32LE(zip.length, 16);
    writeFileSync(join(f, 'paquete.zip'), Buffer.concat([zip, cdEntry, eocd]));
    const tar = Buffer.alloc(1024);
    tar.write('a.txt', 0); tar.write('ustar', 257);
    writeFileSync(join(f, 'paquete.tar.gz'), gzipSync(tar));
    writeFileSync(join(f, 'nota.txt'), 'CURP LOOA531113HTCPBN07\n');
    const r = run(['scan', f, '--json', '--no-progress']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`${join(f, 'paquete.tar.gz')}:1:1: a tar archive: scan does not open archives (nested files, decompression bombs); extract it and scan the folder`);
    expect(r.stderr).toContain(`${join(f, 'paquete.zip')}:1:1: a zip archive: scan does not open archives`);
    const p = mail('adjunto.eml', 'From: a@ejemplo.mx\nContent-Type: multipart/mixed; boundary="Z"\n\n--Z\nContent-Type: text/plain\n\nhola\n--Z\nContent-Type: application/zip; name="x.zip"\nContent-Transfer-Encoding: base64\n\nUEsDBA==\n--Z--\n');
    const { text, stderr } = scanJson([p]);
    expect(text!.mail!.archivesSkipped).toBe(1);
    const table = run(['scan', p, '--no-progress']).stdout;
    expect(table).toContain('not opened: 1 attached archives (zip, gzip...): extract them and scan the folder');
    expect(stderr).toBe('');
  });

  it('mixed encodings: Latin-1 and UTF-8 lines in one text, a part that says UTF-8 but is Latin-1: identifiers found, encodings said', () => {
    const t = Buffer.concat([Buffer.from('Dirección: CURP LOOA531113HTCPBN07\n', 'utf8'), Buffer.from('Señor con RFC GODE561231GR8, Av. Juárez 12, Col. Centro\n', 'latin1')]);
    writeFileSync(join(dir, 'mezcla.txt'), t);
    const a = scanJson([join(dir, 'mezcla.txt')]).text!;
    expect(a.encodings).toEqual(['mixed']);
    expect(a.types.map((x) => [x.type, x.occurrences])).toEqual([['curp', 1], ['rfc', 1], ['address', 1]]);
    const p = mail('charset.eml', Buffer.concat([Buffer.from('From: a@ejemplo.mx\nContent-Type: text/plain; charset=utf-8\n\n'), Buffer.from('Señor: RFC GODE561231GR8\n', 'latin1')]).toString('latin1'));
    writeFileSync(p, Buffer.concat([Buffer.from('From: a@ejemplo.mx\nContent-Type: text/plain; charset=utf-8\n\n'), Buffer.from('Señor: RFC GODE561231GR8\n', 'latin1')]));
    const b = scanJson([p]);
    expect(b.problems!.map((x) => [x.code, x.line])).toEqual([['mail-charset-mismatch', 1]]);
    expect(byType(b.text!).rfc!.occurrences).toBe(1);
  });

  it('megabyte-long lines: identifiers anywhere in a 5 MB line are found once each; a header block with no end is read as text', () => {
    const filler = 'lorem ipsum dolor sit amet '.repeat(1500);
    let line = '';
    let planted = 0;
    while (line.length < 5e6) { line += `${filler} CURP LOOA531113HTCPBN07 correo ana@ejemplo.mx `; planted++; }
    writeFileSync(join(dir, 'larga.log'), `${line}\n`);
    const t = byType(scanJson([join(dir, 'larga.log')]).text!);
    expect([t.curp!.occurrences, t.email!.occurrences]).toEqual([planted, planted]);
    const p = mail('sin-fin.eml', `From: a@ejemplo.mx\nTo: b@ejemplo.mx\nX-Relleno: ${'x'.repeat(300 << 10)} RFC GODE561231GR8\n`);
    const r = scanJson([p]);
    expect(r.problems!.map((x) => [x.code, x.line, x.col])).toEqual([['mail-header-too-long', 1, 1]]);
    expect(byType(r.text!).rfc!.occurrences).toBe(1);
  });
});
