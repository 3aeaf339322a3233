// Whether a table's first row is a header, and how header cells (and JSON keys, Excel first rows)
// are shown. A header cell is printed as a column name: a cell that is a person's value — a
// headerless dump's first record, an e-mail used as a key — is masked like any value (issue 13).
import { fieldById } from '../fields/catalogue.js';
import { normalizeName } from '../util/normalize.js';
import { cleanText } from '../util/sanitize.js';
import { headerMatch, TESTS, type ValueType } from './classify.js';
import { mask } from './mask.js';
import { isKnownGiven, isKnownName, isKnownSurname } from './names.js';
import * as v from './validators.js';

const PII_TESTS = [v.isCurp, v.isRfc, v.isNss, v.isClabe, v.isCard, v.isVoterKey, v.isEmail, v.isPhone, v.isDate, v.isMoney, v.isPostalCode];
const isPii = (s: string) => PII_TESTS.some((t) => t(s));

/** Value types a column's values are tested against to tell whether the first row is one of them. */
const VALUE_TYPES: ValueType[] = ['curp', 'rfc', 'nss', 'clabe', 'card', 'voter_key', 'email', 'phone', 'postal_code', 'date', 'money', 'name', 'name_part', 'address', 'sex', 'ip'];
/** Share of a column's values a type needs to be the column's type. */
const COLUMN_TYPE_SHARE = 0.6;
/** Rows below the first one read to learn what a column holds. */
const PROBE_ROWS = 50;

/** The whole cell is a catalogue field's id or alias (diagnostico, Fecha de nacimiento). */
function isSynonym(s: string): boolean {
  const m = headerMatch(s);
  return m !== undefined && m.match !== 'token';
}

/**
 * A value whatever its column: an identifier, an e-mail or a long number in it, a number between
 * letters (Cda.Pinos254_Int2: labels number at their end, tel_2), an address, a common full name.
 */
function isValue(s: string): boolean {
  if (s.length > 40 || s.includes('@') || /\d{5,}/.test(s) || /\p{L}[._-]?\d+[._-]?\p{L}/u.test(s)) return true;
  if (isPii(s) || s.split(/[\s,;|()/]+/).some((t) => t.length >= 5 && isPii(t))) return true;
  return v.isAddress(s) || (v.isName(s) && isKnownName(s));
}

/** Words headers are made of, whatever the field (Fecha de registro, Monto del crédito, Razón social). */
const LABEL_WORDS = new Set(['fecha', 'numero', 'num', 'no', 'monto', 'clave', 'codigo', 'folio', 'total', 'saldo', 'estatus', 'status', 'ultima', 'ultimo',
  'comentario', 'comentarios', 'observaciones', 'razon', 'registro', 'id', 'cantidad', 'importe', 'descripcion', 'nombre', 'tipo', 'date', 'number', 'amount',
  'code', 'name', 'last', 'first', 'count', 'created', 'updated', 'comments', 'type']);

/**
 * Is a lone cell to be shown masked, as a person's value? A value (isValue), or, in doubt, a
 * phrase none of whose words is a header's word or names a field other than a sensitive one: a
 * diagnosis (Esquizofrenia paranoide, VIH positivo). A field's id or alias (Fecha de nacimiento),
 * a phrase naming a field (Teléfono 2) or made of header words (Fecha de registro), and a single
 * word are labels.
 */
export function looksLikeValue(raw: string): boolean {
  const s = raw.trim();
  if (!s) return false;
  if (isValue(s)) return true;
  const m = headerMatch(s);
  if ((m && m.match !== 'token') || !/\s/.test(s)) return false;
  if (m) return fieldById(m.field)?.category === 'sensitive';
  // 'tipo' only as the first word: Tipo de cliente is a label, Diabetes tipo 2 a diagnosis.
  return !s.split(/\s+/).map(normalizeName).some((w, i) => LABEL_WORDS.has(w) && (w !== 'tipo' || i === 0));
}

/** A label's shape: short, a few words, no long number. */
function labelShaped(s: string): boolean {
  return s.length <= 30 && s.split(/\s+/).length <= 3 && !/\d{3}/.test(s);
}

/** The cell is one of the values below it: same value, or the type most of them have. */
function fitsColumn(s: string, column: string[]): boolean {
  const lower = s.toLowerCase();
  if (column.some((c) => c.toLowerCase() === lower)) return true;
  return VALUE_TYPES.some((t) => {
    if (!TESTS[t](s)) return false;
    // Single words have a name's shape whatever they are (Categoría, Estatus): only a common given name or surname counts.
    if (t === 'name_part' && !isKnownGiven(s) && !isKnownSurname(s)) return false;
    return column.filter((c) => TESTS[t](c)).length >= COLUMN_TYPE_SHARE * column.length;
  });
}

/** The cell is unlike the values below it: no digit over a column of numbers, or not of the column's type. */
function differsFrom(s: string, column: string[]): boolean {
  if (!column.length) return false;
  const digits = (x: string) => /\d/.test(x);
  if (!digits(s) && column.filter(digits).length >= 0.8 * column.length) return true;
  return VALUE_TYPES.some((t) => !TESTS[t](s) && column.filter((c) => TESTS[t](c)).length >= 0.8 * column.length);
}

/**
 * Is the first row a header? Each cell is judged against the values below it: a field's id or
 * alias (counted twice), or a label-shaped cell unlike its column's values, is a label; a cell
 * that looks like a value, or like the values of its column, is a value. A header has more labels
 * than values (its value-like cells are then masked), and never a cell that is an identifier, an
 * e-mail, a date or an amount. Not "no digits": a headerless dump whose first record is a name and
 * a diagnosis is data (issue 13).
 */
export function looksLikeHeader(first: string[], next: string[][]): boolean {
  if (first.some((c) => c.trim() && isPii(c.trim()))) return false;
  const rows = next.slice(0, PROBE_ROWS);
  let labels = 0;
  let values = 0;
  first.forEach((raw, i) => {
    const s = raw.trim();
    if (!s) return;
    const column = rows.map((r) => (r[i] ?? '').trim()).filter(Boolean);
    const repeated = column.some((c) => c.toLowerCase() === s.toLowerCase());
    if (isSynonym(s) && !repeated && !isValue(s)) labels += 2;
    // Phrases in doubt (looksLikeValue) are masked if shown, but prove nothing here.
    else if (isValue(s) || fitsColumn(s, column)) values++;
    else if (!looksLikeValue(s) && labelShaped(s) && (headerMatch(s) || differsFrom(s, column))) labels++;
  });
  return labels > values;
}

export interface HeaderCells {
  /** What each column is called in outputs: the label, or the cell masked when it looks like a value. */
  names: string[];
  /** The label the classifier reads; undefined for an empty or masked cell. */
  labels: (string | undefined)[];
}

/** Column names from a header row, a JSON record's keys or an Excel sheet's first row. */
export function headerCells(cells: string[]): HeaderCells {
  const names: string[] = [];
  const labels: (string | undefined)[] = [];
  cells.forEach((raw, i) => {
    const s = cleanText(raw).trim();
    const value = looksLikeValue(s);
    names.push(!s ? numberedName(i) : value ? mask(s, fieldOf(s)) : s.slice(0, 40));
    labels.push(s && !value ? s.slice(0, 40) : undefined);
  });
  return { names, labels };
}

/** Column names a schema declares (SQL DDL): shown as written, read by the classifier. */
export function schemaColumns(cells: string[]): HeaderCells {
  const names = cells.map((raw, i) => cleanText(raw).trim().slice(0, 40) || numberedName(i));
  return { names, labels: names.map((n, i) => (cells[i]?.trim() ? n : undefined)) };
}

/** Column names for a table without a header. */
export function numberedColumns(width: number): HeaderCells {
  return { names: Array.from({ length: width }, (_, i) => numberedName(i)), labels: new Array<undefined>(width).fill(undefined) };
}

/** Table and sheet names are shown as they are unless they look like a person's value. */
export function datasetName(raw: string): string {
  const s = cleanText(raw).trim();
  return looksLikeValue(s) ? mask(s, fieldOf(s)) : s;
}

function fieldOf(s: string): string | null {
  return v.isEmail(s) ? 'email' : v.isName(s) ? 'full_name' : v.isAddress(s) ? 'address' : null;
}

/** A column without a header is named by its position ("column 3"; reports word it in their language). */
export function numberedName(index: number): string {
  return `column ${index + 1}`;
}
