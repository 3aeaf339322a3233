// Deterministic synthetic leak dump: realistic Mexican columns with valid check digits. The
// generator knows each column's true field type, so tests and the bench can check `breach scan`.
// Nothing here is real personal data.

const GIVEN = ['JOSE', 'MARIA', 'JUAN', 'GUADALUPE', 'LUIS', 'ANA', 'CARLOS', 'ROSA', 'JORGE', 'LAURA', 'MIGUEL', 'SOFIA', 'PEDRO', 'ELENA', 'RAUL', 'IRMA', 'HUGO', 'NORMA', 'OSCAR', 'PAOLA'];
const SURNAMES = ['HERNANDEZ', 'GARCIA', 'MARTINEZ', 'LOPEZ', 'GONZALEZ', 'PEREZ', 'RODRIGUEZ', 'SANCHEZ', 'RAMIREZ', 'CRUZ', 'FLORES', 'GOMEZ', 'MORALES', 'VAZQUEZ', 'REYES', 'JIMENEZ', 'TORRES', 'DIAZ', 'GUTIERREZ', 'RUIZ', 'MENDOZA', 'AGUILAR', 'ORTIZ', 'MORENO', 'CASTILLO'];
const STATES = ['AS', 'BC', 'BS', 'CC', 'CL', 'CM', 'CS', 'CH', 'DF', 'DG', 'GT', 'GR', 'HG', 'JC', 'MC', 'MN', 'MS', 'NT', 'NL', 'OC', 'PL', 'QT', 'QR', 'SP', 'SL', 'SR', 'TC', 'TS', 'TL', 'VZ', 'YN', 'ZS'];
const STREETS = ['Calle Reforma', 'Av. Juárez', 'Calle Hidalgo', 'Av. Insurgentes', 'Calle Morelos', 'Priv. Allende', 'Calzada Tlalpan'];
const COLONIAS = ['Col. Centro', 'Col. Roma', 'Col. Del Valle', 'Col. Obrera', 'Col. Moderna', 'Fracc. Las Palmas'];
const DOMAINS = ['gmail.com', 'hotmail.com', 'yahoo.com.mx', 'outlook.com', 'prodigy.net.mx'];
const INCONVENIENT = new Set('BACA BAKA BUEI BUEY CACA CACO CAGA CAGO CAKA CAKO COGE COGI COJA COJE COJI COJO COLA CULO FALO FETO GETA GUEI GUEY JETA JOTO KACA KACO KAGA KAGO KAKA KAKO KOGE KOGI KOJA KOJE KOJI KOJO KOLA KULO LILO LOCA LOCO LOKA LOKO MAME MAMO MEAR MEAS MEON MIAR MION MOCO MOKO MULA MULO NACA NACO PEDA PEDO PENE PIPI PITO POPO PUTA PUTO QULO RATA ROBA ROBE ROBO RUIN SENO TETA VACA VAGA VAGO VAKA VUEI VUEY WUEI WUEY'.split(' '));

/** The columns, their header and the field type `scan` must find (null: unknown). */
export const COLUMNS = [
  ['nombre', 'full_name'], ['curp', 'curp'], ['rfc', 'rfc'], ['nss', 'nss'], ['fecha_nacimiento', 'birth_date'],
  ['sexo', 'sex'], ['telefono', 'phone'], ['correo', 'email'], ['domicilio', 'address'], ['cp', 'postal_code'],
  ['salario', 'salary'], ['clabe', 'clabe'], ['tarjeta', 'card_number'], ['folio', null], ['observaciones', null],
];

export function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CURP_ALPHA = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const RFC_ALPHA = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
const HOMO = '123456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
const vowel = (s) => (s.slice(1).match(/[AEIOU]/) ?? ['X'])[0];
const consonant = (s) => (s.slice(1).match(/[B-DF-HJ-NP-TV-Z]/) ?? ['X'])[0];
const p2 = (n) => String(n).padStart(2, '0');

function curpOf(given, s1, s2, y, m, d, sex, state, r) {
  let head = `${s1[0]}${vowel(s1)}${s2[0]}${given[0]}`;
  if (INCONVENIENT.has(head)) head = `${head[0]}X${head.slice(2)}`;
  const body = `${head}${p2(y % 100)}${p2(m)}${p2(d)}${sex}${state}${consonant(s1)}${consonant(s2)}${consonant(given)}${y < 2000 ? Math.floor(r() * 10) : 'ABCDEFGH'[Math.floor(r() * 8)]}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_ALPHA.indexOf(body[i]) * (18 - i);
  return body + ((10 - (sum % 10)) % 10);
}

function rfcOf(curp, r) {
  const body = curp.slice(0, 10) + HOMO[Math.floor(r() * HOMO.length)] + HOMO[Math.floor(r() * HOMO.length)];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += RFC_ALPHA.indexOf(body[i]) * (13 - i);
  const v = 11 - (sum % 11);
  return body + (v === 11 ? '0' : v === 10 ? 'A' : String(v));
}

function luhnDigit(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

const digits = (r, n) => Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

function clabeOf(r) {
  const body = ['002', '012', '014', '021', '036', '072', '127', '137', '646', '722'][Math.floor(r() * 10)] + digits(r, 14);
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (Number(body[i]) * w[i % 3]) % 10;
  return body + ((10 - (sum % 10)) % 10);
}

/** One row: an array of cell strings in COLUMNS order. `minorShare` of people are under 18 in 2026. */
export function makeRow(r, minorShare = 0.02) {
  const given = GIVEN[Math.floor(r() * GIVEN.length)];
  const s1 = SURNAMES[Math.floor(r() * SURNAMES.length)];
  const s2 = SURNAMES[Math.floor(r() * SURNAMES.length)];
  const minor = r() < minorShare;
  const y = minor ? 2009 + Math.floor(r() * 15) : 1945 + Math.floor(r() * 60);
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const sex = r() < 0.5 ? 'H' : 'M';
  const curp = curpOf(given, s1, s2, y, m, d, sex, STATES[Math.floor(r() * STATES.length)], r);
  const nssBody = `${p2(Math.floor(r() * 99))}${p2((y + 18) % 100)}${p2(y % 100)}${digits(r, 4)}`;
  const visa = `4${digits(r, 14)}`;
  const cpPrefix = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20, 44, 64, 72, 97][Math.floor(r() * 15)];
  return [
    `${given[0]}${given.slice(1).toLowerCase()} ${s1[0]}${s1.slice(1).toLowerCase()} ${s2[0]}${s2.slice(1).toLowerCase()}`,
    curp,
    rfcOf(curp, r),
    nssBody + luhnDigit(nssBody),
    `${y}-${p2(m)}-${p2(d)}`,
    sex,
    `${['55', '33', '81', '222', '442'][Math.floor(r() * 5)]}${digits(r, 8)}`.slice(0, 10),
    `${given.toLowerCase()}.${s1.toLowerCase()}${Math.floor(r() * 1000)}@${DOMAINS[Math.floor(r() * DOMAINS.length)]}`,
    `${STREETS[Math.floor(r() * STREETS.length)]} ${1 + Math.floor(r() * 999)}, ${COLONIAS[Math.floor(r() * COLONIAS.length)]}`,
    `${p2(cpPrefix)}${digits(r, 3)}`,
    (Math.floor(r() * 9_000_000) / 100 + 5000).toFixed(2),
    clabeOf(r),
    visa + luhnDigit(visa),
    `F-${digits(r, 3)}-${'ABCDEFGHJK'[Math.floor(r() * 10)]}${digits(r, 2)}`,
    ['sin observaciones', 'pendiente de revisión', 'alta en sistema', 'baja temporal', ''][Math.floor(r() * 5)],
  ];
}

function csvCell(s, delim) {
  return /["\n\r]/.test(s) || s.includes(delim) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Yields the dump as text chunks: a header and `rows` rows. */
export function* dumpChunks(rows, { seed = 7, delimiter = ',', minorShare = 0.02, chunkRows = 5000 } = {}) {
  const r = rng(seed);
  yield `${COLUMNS.map(([h]) => h).join(delimiter)}\n`;
  for (let i = 0; i < rows; i += chunkRows) {
    let out = '';
    for (let k = i; k < Math.min(rows, i + chunkRows); k++) out += `${makeRow(r, minorShare).map((c) => csvCell(c, delimiter)).join(delimiter)}\n`;
    yield out;
  }
}

/** The raw values of a dump with `rows` rows (for privacy tests: none may appear in scan output). */
export function rawValues(rows, opts = {}) {
  const r = rng(opts.seed ?? 7);
  const out = [];
  for (let k = 0; k < rows; k++) out.push(makeRow(r, opts.minorShare ?? 0.02));
  return out;
}

// ---- Other formats: the same rows as SQL dumps and JSON, for `scan`'s format readers. ----

/** Free text that exercises each format's escapes (quotes, backslashes, newlines, tabs). */
const TRICKY = ['O\'Brien dijo "sí"', 'ruta C:\\datos\\nuevo', 'línea uno\nlínea dos', 'tab\taquí', "comilla ' sola"];

/** The rows of the other formats: an id, COLUMNS' cells, and tricky free text in observaciones every 7th row. */
export function formatRows(rows, { seed = 7, minorShare = 0.02 } = {}) {
  const r = rng(seed);
  const out = [];
  for (let k = 0; k < rows; k++) out.push(formatRow(r, k, minorShare));
  return out;
}

function formatRow(r, k, minorShare) {
  const row = makeRow(r, minorShare);
  if (k % 7 === 3) row[14] = TRICKY[k % TRICKY.length];
  return row;
}

const NUMERIC = new Set(['salario']);
const mysqlString = (s) => `'${s.replace(/[\\'"\n\r\0\x1a]/g, (c) => ({ '\\': '\\\\', "'": "\\'", '"': '\\"', '\n': '\\n', '\r': '\\r', '\0': '\\0', '\x1a': '\\Z' })[c])}'`;
const pgString = (s) => `'${s.replace(/'/g, "''")}'`;
const copyCell = (s) => s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c]);

/**
 * A mysqldump (dialect 'mysql': CREATE TABLE + extended INSERTs, `perInsert` rows each) or a
 * pg_dump (dialect 'postgresql': COPY blocks, or INSERTs with `pgInserts`), as text chunks.
 */
export function* sqlChunks(rows, { seed = 7, minorShare = 0.02, dialect = 'mysql', table = 'afiliados', perInsert = 2000, pgInserts = false, header = true, footer = true } = {}) {
  const r = rng(seed);
  const cols = ['id', ...COLUMNS.map(([h]) => h)];
  const mysql = dialect === 'mysql';
  if (header) {
    yield mysql
      ? `-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)\n--\n-- Host: localhost    Database: imss\n-- ------------------------------------------------------\n-- Server version\t8.0.36\n\n/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;\n/*!40101 SET NAMES utf8mb4 */;\n/*!40103 SET TIME_ZONE='+00:00' */;\n\n`
      : `--\n-- PostgreSQL database dump\n--\n\nSET statement_timeout = 0;\nSET client_encoding = 'UTF8';\nSET standard_conforming_strings = on;\nSELECT pg_catalog.set_config('search_path', '', false);\n\n`;
  }
  const q = (c) => (mysql ? `\`${c}\`` : c);
  const name = mysql ? `\`${table}\`` : `public.${table}`;
  yield mysql
    ? `--\n-- Table structure for table ${name}\n--\n\nDROP TABLE IF EXISTS ${name};\nCREATE TABLE ${name} (\n${cols.map((c) => `  ${q(c)} ${c === 'id' ? 'int NOT NULL AUTO_INCREMENT' : NUMERIC.has(c) ? 'decimal(12,2) DEFAULT NULL' : "varchar(255) DEFAULT NULL COMMENT 'dato, (personal)'"},`).join('\n')}\n  PRIMARY KEY (\`id\`),\n  KEY \`idx_curp\` (\`curp\`)\n) ENGINE=InnoDB AUTO_INCREMENT=1 DEFAULT CHARSET=utf8mb4;\n\nLOCK TABLES ${name} WRITE;\n/*!40000 ALTER TABLE ${name} DISABLE KEYS */;\n`
    : `CREATE TABLE ${name} (\n${cols.map((c) => `    ${c} ${c === 'id' ? 'integer NOT NULL' : NUMERIC.has(c) ? 'numeric(12,2)' : 'character varying(255)'}`).join(',\n')}\n);\n\nALTER TABLE ${name} OWNER TO postgres;\n\n`;
  const cell = (c, i) => (c === '' && i === 14 ? 'NULL' : NUMERIC.has(cols[i + 1]) ? c : mysql ? mysqlString(c) : pgString(c));
  if (!mysql && !pgInserts) {
    yield `COPY ${name} (${cols.join(', ')}) FROM stdin;\n`;
    for (let i = 0; i < rows; i += perInsert) {
      let out = '';
      for (let k = i; k < Math.min(rows, i + perInsert); k++) out += `${k + 1}\t${formatRow(r, k, minorShare).map((c, j) => (c === '' && j === 14 ? '\\N' : copyCell(c))).join('\t')}\n`;
      yield out;
    }
    yield '\\.\n\n';
  } else {
    const per = mysql ? perInsert : pgInserts === true ? 1 : pgInserts;
    for (let i = 0; i < rows; i += per) {
      const tuples = [];
      for (let k = i; k < Math.min(rows, i + per); k++) tuples.push(`(${k + 1},${formatRow(r, k, minorShare).map(cell).join(',')})`);
      yield mysql ? `INSERT INTO ${name} VALUES ${tuples.join(',')};\n` : `INSERT INTO ${name} (${cols.join(', ')}) VALUES ${tuples.join(', ')};\n`;
    }
  }
  if (mysql) yield `/*!40000 ALTER TABLE ${name} ENABLE KEYS */;\nUNLOCK TABLES;\n`;
  if (footer) yield mysql ? '\n-- Dump completed on 2026-11-20 10:00:00\n' : '\n--\n-- PostgreSQL database dump complete\n--\n\n';
}

function isoDate(s) {
  return /^\d{4}-\d\d-\d\d$/.test(s) ? { $date: `${s}T00:00:00Z` } : s;
}

/** One row as a mongoexport-like document: ObjectId, nested domicilio, $date birth date. */
export function jsonDoc(row, k) {
  const [nombre, curp, rfc, nss, fecha, sexo, telefono, correo, domicilio, cp, salario, clabe, tarjeta, folio, observaciones] = row;
  return {
    _id: { $oid: (k + 0x5f0000000000).toString(16).padStart(24, '0') },
    nombre, curp, rfc, nss, fecha_nacimiento: isoDate(fecha), sexo, telefono, correo,
    domicilio: { calle: domicilio, cp },
    salario: Number(salario), clabe, tarjeta, folio, observaciones,
  };
}

/** The columns a JSON export of formatRows has, flattened, with the field `scan` must find. */
export const JSON_COLUMNS = [
  ['_id', null], ['nombre', 'full_name'], ['curp', 'curp'], ['rfc', 'rfc'], ['nss', 'nss'], ['fecha_nacimiento', 'birth_date'],
  ['sexo', 'sex'], ['telefono', 'phone'], ['correo', 'email'], ['domicilio.calle', 'address'], ['domicilio.cp', 'postal_code'],
  ['salario', 'salary'], ['clabe', 'clabe'], ['tarjeta', 'card_number'], ['folio', null], ['observaciones', null],
];

/** JSON Lines (`array`: one JSON array, pretty-printed when `pretty`), as text chunks. */
export function* jsonChunks(rows, { seed = 7, minorShare = 0.02, array = false, pretty = false, chunkRows = 5000 } = {}) {
  const r = rng(seed);
  if (array) yield pretty ? '[\n' : '[';
  for (let i = 0; i < rows; i += chunkRows) {
    const docs = [];
    for (let k = i; k < Math.min(rows, i + chunkRows); k++) docs.push(JSON.stringify(jsonDoc(formatRow(r, k, minorShare), k), null, pretty ? 2 : undefined));
    yield array ? `${i ? ',' : ''}${docs.join(pretty ? ',\n' : ',')}` : `${docs.join('\n')}\n`;
  }
  if (array) yield pretty ? '\n]\n' : ']\n';
}

// ---- A Latin-1 export as real Mexican systems write it (issue 14): Windows-1252, `;` between
// cells, CRLF between rows, accented names, and quoted addresses that hold newlines. ----

const ACCENTS = { JOSE: 'JOSÉ', MARIA: 'MARÍA', RAUL: 'RAÚL', SOFIA: 'SOFÍA', GARCIA: 'GARCÍA', HERNANDEZ: 'HERNÁNDEZ', MARTINEZ: 'MARTÍNEZ', LOPEZ: 'LÓPEZ', GONZALEZ: 'GONZÁLEZ', PEREZ: 'PÉREZ', RODRIGUEZ: 'RODRÍGUEZ', SANCHEZ: 'SÁNCHEZ', RAMIREZ: 'RAMÍREZ', GOMEZ: 'GÓMEZ', VAZQUEZ: 'VÁZQUEZ', JIMENEZ: 'JIMÉNEZ', DIAZ: 'DÍAZ', GUTIERREZ: 'GUTIÉRREZ' };
const accented = (name) => name.split(' ').map((w) => {
  const a = ACCENTS[w.toUpperCase()];
  return a ? a[0] + a.slice(1).toLowerCase() : w;
}).join(' ');

/**
 * One row of the Latin-1 export: makeRow's cells with accents in the name, and the address on
 * two or three lines (street; colonia; "C.P." and the postal code on every third row).
 */
export function latin1Row(r, k, minorShare = 0.02) {
  const row = makeRow(r, minorShare);
  row[0] = accented(row[0]);
  row[8] = row[8].replace(', ', '\n') + (k % 3 === 0 ? `\nC.P. ${row[9]}` : '');
  return row;
}

/** The rows of latin1Chunks, as cell strings (for tests). */
export function latin1Rows(rows, { seed = 7, minorShare = 0.02 } = {}) {
  const r = rng(seed);
  return Array.from({ length: rows }, (_, k) => latin1Row(r, k, minorShare));
}

/** The Latin-1 export as Buffer chunks: a header and `rows` rows. */
export function* latin1Chunks(rows, { seed = 7, minorShare = 0.02, chunkRows = 5000 } = {}) {
  const r = rng(seed);
  yield Buffer.from(`${COLUMNS.map(([h]) => h).join(';')}\r\n`, 'latin1');
  for (let i = 0; i < rows; i += chunkRows) {
    let out = '';
    for (let k = i; k < Math.min(rows, i + chunkRows); k++) out += `${latin1Row(r, k, minorShare).map((c) => csvCell(c, ';')).join(';')}\r\n`;
    yield Buffer.from(out, 'latin1');
  }
}
