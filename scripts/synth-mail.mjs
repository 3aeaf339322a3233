// Deterministic synthetic mailbox (mbox) of a leak: prose with identifiers planted in it, some
// with broken check digits, in quoted-printable text, base64 HTML (with a script that must not
// count), Latin-1 CSV attachments, and binary attachments that must be skipped. The generator
// records every planted value, so tests know the exact counts `breach scan` must give.
// Nothing here is real personal data.
import { makeRow, rng } from './synth-dump.mjs';

const WORDS = 'el la de que y en los del se las por un para con no una su al lo como más pero sus le ya o este sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros oficio expediente reunión comité dirección general informe seguimiento atentamente solicitud revisión documento personal administración secretaría defensa nacional'.split(' ');
const FIRST = ['Juan', 'María', 'José', 'Guadalupe', 'Luis', 'Ana', 'Carlos', 'Rosa'];

function sentence(r, n) {
  const w = [];
  for (let i = 0; i < n; i++) w.push(WORDS[Math.floor(r() * WORDS.length)]);
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  // Numbers that are no identifier: dates, times, amounts, folios.
  if (r() < 0.5) w.push(`el ${1 + Math.floor(r() * 28)}/${1 + Math.floor(r() * 12)}/2022 a las ${Math.floor(r() * 24)}:${String(Math.floor(r() * 60)).padStart(2, '0')}`);
  if (r() < 0.3) w.push(`por $${Math.floor(r() * 90000).toLocaleString('en-US')}.00 folio ${Math.floor(r() * 99999)}`);
  return `${w.join(' ')}.`;
}

function qp(text) {
  const bytes = Buffer.from(text, 'utf8');
  let out = '';
  let line = 0;
  for (const b of bytes) {
    const c = b === 10 ? '\n' : (b >= 33 && b <= 126 && b !== 61) || b === 32 ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
    if (c === '\n') { out += '\n'; line = 0; continue; }
    if (line + c.length > 75) { out += '=\n'; line = 0; }
    out += c;
    line += c.length;
  }
  return out;
}

const b64 = (buf) => buf.toString('base64').replace(/.{76}/g, '$&\n');
const CURP_DIGIT = (c) => c.slice(0, 17) + ((Number(c[17]) + 1) % 10);
const RFC_DIGIT = (c) => c.slice(0, -1) + ('0123456789A'['0123456789A'.indexOf(c.at(-1)) === 10 ? 0 : '0123456789A'.indexOf(c.at(-1)) + 1]);
const LAST_DIGIT = (c) => c.slice(0, -1) + ((Number(c.at(-1)) + 1) % 10);
const phoneText = (p) => (p.length === 10 && /^(55|33|81)/.test(p) ? `(${p.slice(0, 2)}) ${p.slice(2, 6)} ${p.slice(6)}` : `(${p.slice(0, 3)}) ${p.slice(3, 6)} ${p.slice(6)}`);
const cardText = (c) => c.replace(/(\d{4})(?=\d)/g, '$1 ');

/** The truth of what was planted: per type, every valid occurrence's value, and the failed ones. */
export class Truth {
  constructor(today) {
    this.today = today;
    this.valid = {};
    this.failed = {};
    this.failedValues = [];
  }
  add(type, value, ok = true) {
    if (ok) (this.valid[type] ??= []).push(value);
    else { this.failed[type] = (this.failed[type] ?? 0) + 1; this.failedValues.push(value); }
  }
  /** Every planted value, valid or not (none may appear in any output). */
  values() {
    return [...new Set([...Object.values(this.valid).flat(), ...this.failedValues])];
  }
  /** { type: { occurrences, distinct, failedCheck } } and the distinct minors among CURPs. */
  counts() {
    const out = {};
    for (const t of new Set([...Object.keys(this.valid), ...Object.keys(this.failed)])) {
      const v = this.valid[t] ?? [];
      out[t] = { occurrences: v.length, distinct: new Set(v).size, failedCheck: this.failed[t] ?? 0 };
    }
    const [ty, tm, td] = this.today.split('-').map(Number);
    const minors = new Set((this.valid.curp ?? []).filter((c) => {
      const y = (/\d/.test(c[16]) ? 1900 : 2000) + Number(c.slice(4, 6));
      const m = Number(c.slice(6, 8));
      const d = Number(c.slice(8, 10));
      return ty - y - (tm < m || (tm === m && td < d) ? 1 : 0) < 18;
    }));
    return { types: out, minors: minors.size };
  }
}

/**
 * Yields an mbox of `messages` messages as text chunks; plants into `truth` (a Truth). `people`:
 * the pool the planted identifiers come from (values repeat across messages); `badShare`: share
 * of planted check-digit identifiers whose digit is broken; `binaryKb`: size of each binary attachment.
 */
export function* mailChunks(messages, { seed = 11, people = 200, badShare = 0.2, binaryKb = 24, minorShare = 0.05, truth, chunkMessages = 200 } = {}) {
  const r = rng(seed);
  const pool = Array.from({ length: people }, () => makeRow(r, minorShare));
  const pick = () => pool[Math.floor(r() * pool.length)];
  const plant = (type, value, shown = value, canBreak = true) => {
    const bad = canBreak && ['curp', 'rfc', 'nss', 'clabe', 'card_number'].includes(type) && r() < badShare;
    const v = bad ? (type === 'curp' ? CURP_DIGIT(value) : type === 'rfc' ? RFC_DIGIT(value) : LAST_DIGIT(value)) : value;
    truth?.add(type, v, !bad);
    return bad ? (type === 'card_number' ? cardText(v) : v) : shown;
  };
  /** Prose with a person's identifiers in it. */
  const paragraph = (p) => {
    const [nombre, curp, rfc, nss, , , tel, correo, domicilio, cp, , clabe, tarjeta] = p;
    const parts = [sentence(r, 12)];
    const k = r();
    if (k < 0.5) parts.push(`${nombre.split(' ')[0]} con CURP ${plant('curp', curp)} ${sentence(r, 6)}`);
    if (r() < 0.4) parts.push(`Su RFC es ${plant('rfc', rfc)}; ${sentence(r, 5)}`);
    if (r() < 0.3) parts.push(`NSS ${plant('nss', nss)} ${sentence(r, 4)}`);
    if (r() < 0.3) { truth?.add('phone', tel); parts.push(`Tel. ${phoneText(tel)} ${sentence(r, 4)}`); }
    if (r() < 0.3) { truth?.add('email', correo); parts.push(`Escribir a ${correo} ${sentence(r, 5)}`); }
    if (r() < 0.25) { truth?.add('address', `${domicilio}`.toLowerCase()); truth?.add('postal_code', cp); parts.push(`Domicilio: ${domicilio}, C.P. ${cp}. ${sentence(r, 4)}`); }
    if (r() < 0.2) parts.push(`Depositar a la CLABE ${plant('clabe', clabe)} ${sentence(r, 4)}`);
    if (r() < 0.15) parts.push(`Pago con tarjeta ${plant('card_number', tarjeta, cardText(tarjeta))} ${sentence(r, 4)}`);
    parts.push(sentence(r, 14));
    return parts.join(' ');
  };
  let out = '';
  for (let k = 0; k < messages; k++) {
    const from = pick();
    const to = pick();
    // Return-Path and From both name the sender.
    truth?.add('email', from[7]);
    truth?.add('email', from[7]);
    truth?.add('email', to[7]);
    const b = `=_part_${k}_${Math.floor(r() * 1e9)}`;
    out += `From ${from[7]} Mon Oct  3 09:12:33 2022\nReturn-Path: <${from[7]}>\nReceived: from mail${k % 7}.sedena.gob.mx (10.1.${k % 250}.${k % 200}) by mx.sedena.gob.mx with ESMTP id ${(k * 7919).toString(16).toUpperCase()}; Mon, 3 Oct 2022 09:12:33 -0500\n`;
    out += `From: "${FIRST[k % FIRST.length]} ${from[0].split(' ')[1]}" <${from[7]}>\nTo: ${to[7]}\nSubject: Oficio ${1000 + (k % 9000)}/2022 seguimiento\nDate: Mon, 3 Oct 2022 09:12:33 -0500\nMessage-ID: <${k}.${Math.floor(r() * 1e9)}@sedena.gob.mx>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="${b}"\n\nThis is a multi-part message in MIME format.\n\n`;
    const body = [paragraph(pick()), paragraph(pick()), sentence(r, 20)].join('\n\n');
    out += `--${b}\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n${qp(body)}\n`;
    if (k % 3 === 0) {
      const html = `<html><head><style>p { color: #333 }</style></head><body><p>${paragraph(pick()).replace(/&/g, '&amp;')}</p><script>var demo = "${pool[0][1].slice(0, 17)}0";</script><p>Saludos &amp; gracias</p></body></html>`;
      out += `--${b}\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${b64(Buffer.from(html, 'utf8'))}\n`;
    }
    if (k % 5 === 0) {
      let csv = 'nombre;curp;clabe\n';
      for (let i = 0; i < 4; i++) { const p = pick(); csv += `${p[0]};${plant('curp', p[1])};${plant('clabe', p[11], p[11], false)}\n`; }
      out += `--${b}\nContent-Type: text/csv; charset=iso-8859-1; name="lista.csv"\nContent-Disposition: attachment; filename="lista.csv"\nContent-Transfer-Encoding: base64\n\n${b64(Buffer.from(csv, 'latin1'))}\n`;
    }
    if (k % 2 === 0) {
      const bin = Buffer.alloc(binaryKb * 1024);
      for (let i = 0; i < bin.length; i += 4) bin.writeUInt32LE(Math.floor(r() * 4294967296), i);
      out += `--${b}\nContent-Type: application/pdf; name="oficio.pdf"\nContent-Disposition: attachment; filename="oficio.pdf"\nContent-Transfer-Encoding: base64\n\n${b64(bin)}\n`;
    }
    out += `--${b}--\n\n`;
    if ((k + 1) % chunkMessages === 0) { yield out; out = ''; }
  }
  if (out) yield out;
}
