// Deterministic synthetic dumps in the RENAPO name layout (given names, paternal and maternal
// surname in three columns), with decoy columns that must stay unknown, a CURP key with people
// listed several times, and minors listed more often than adults. Nothing here is real data.
// About a third of the names are rarer ones that are not in data/names-mx.yaml, so tests exercise
// the shape rules, not only the list.
import { rng } from './synth-dump.mjs';

const GIVEN = ['JUAN', 'MARÍA', 'JOSÉ LUIS', 'MARÍA DE LOURDES', 'MA. GUADALUPE', 'J. JESÚS', 'ANA SOFÍA', 'MIGUEL ÁNGEL', 'JOSÉ', 'GUADALUPE',
  'FRANCISCO JAVIER', 'MARÍA DE LOS ÁNGELES', 'ROSA MARÍA', 'LUIS', 'CARLOS', 'VERÓNICA', 'JUANA', 'PEDRO', 'XIMENA', 'SANTIAGO',
  'VALENTINA', 'EMILIANO', 'REGINA', 'CUAUHTÉMOC', 'XÓCHITL', 'NOEMÍ', 'JESÚS', 'RAÚL', 'MARTÍN', 'INÉS',
  // rarer, not in the lists
  'ZENAIDA', 'EUSEBIO', 'HERMELINDA', 'NEFTALÍ', 'YAHIR', 'IKER', 'ARLETTE', 'ANAHÍ', 'DÁMARIS', 'ABIGAIL', 'ODALYS', 'TEÓFILO',
  'EPIFANIO', 'CRESCENCIANA', 'ATZIRI', 'MIXTLI', 'YARETZI', 'ZURIEL', 'NAHOMI', 'ELPIDIO'];
const SURNAMES = ['HERNÁNDEZ', 'GARCÍA', 'MARTÍNEZ', 'LÓPEZ', 'GONZÁLEZ', 'PÉREZ', 'RODRÍGUEZ', 'SÁNCHEZ', 'RAMÍREZ', 'CRUZ', 'FLORES',
  'GÓMEZ', 'NÚÑEZ', 'PEÑA', 'MUÑOZ', 'ARGÜELLO', 'DE LA CRUZ', 'DEL RÍO', 'DE LOS SANTOS', 'DE LEÓN', 'JIMÉNEZ', 'TORRES', 'DÍAZ',
  'CASTAÑEDA', 'ZÚÑIGA', 'YÁÑEZ', 'IBARRA', 'OROZCO', 'MAGAÑA',
  // rarer, not in the lists
  'XOCHIPA', 'TZOMPANTZI', 'CHIMAL', 'HUITRÓN', 'ITURBIDE', 'COYOTZI', 'TECUAPETLA', 'ACATITLA', 'ZEMPOALTECA', 'CUAPIO', 'NOPALTITLA',
  'PÉREZ-GIL', "O'FARRILL", 'ECHEVERRÍA', 'GOROSTIETA', 'BUENROSTRO', 'ARRIAGA', 'LANDEROS'];
const PRODUCTS = ['TORNILLO 3/8 GALV', 'Coca-Cola 600ml', 'Jabón Zote 400 g', 'CABLE THW CAL 12', 'Sabritas Original 45g', 'PINTURA VINILICA 19 LT',
  'Leche Lala 1 L', 'Refresco Jarritos 2L', 'TUERCA HEX 1/2', 'Arroz Morelos 1 kg', 'Papel higiénico 4 rollos', 'Aceite 1-2-3 946 ml'];
const COLONIAS = ['COL. DEL VALLE CENTRO', 'Lomas de Chapultepec', 'Santa María la Ribera', 'Jardines del Pedregal', 'COL. CENTRO', 'Fracc. Las Palmas',
  'Colonia Obrera', 'San Pedro de los Pinos', 'Villa Coapa', 'Barrio de San Juan', 'Unidad Habitacional El Rosario', 'Ampliación Benito Juárez',
  'Residencial San Ángel', 'Lomas Verdes', 'Jardines de San Mateo', 'Bosques de las Lomas'];
const MUNICIPIOS = ['Tlalnepantla de Baz', 'Ecatepec de Morelos', 'Naucalpan de Juárez', 'San Pedro Garza García', 'Zapopan', 'Tlaquepaque',
  'Iztapalapa', 'Coyoacán', 'Ciudad Nezahualcóyotl', 'Santa Catarina', 'Apodaca', 'Tonalá', 'Uruapan', 'Irapuato', 'Celaya', 'Tehuacán',
  'San Andrés Cholula', 'Chimalhuacán', 'Xalapa', 'Coatzacoalcos', 'Cuautitlán Izcalli', 'Tecámac', 'Ixtapaluca', 'Tultitlán'];
const STATES = ['Jalisco', 'Nuevo León', 'Ciudad de México', 'Estado de México', 'Puebla', 'Veracruz', 'Guanajuato', 'Michoacán', 'Oaxaca', 'Chiapas'];
const NOTES = ['sin observaciones', 'pendiente de revisión', 'alta en sistema', 'baja temporal', 'documentación incompleta', 'cliente frecuente'];
const JOBS = ['AUXILIAR ADMINISTRATIVO', 'JEFE DE DEPARTAMENTO', 'ANALISTA', 'SECRETARIA', 'OPERADOR DE MAQUINARIA', 'DOCENTE', 'ENFERMERA GENERAL', 'CHOFER'];
const MARITAL = ['SOLTERO', 'CASADO', 'VIUDO', 'DIVORCIADO', 'UNIÓN LIBRE'];

/** The columns: header, the field scan must find (null: unknown). */
export const NAME_COLUMNS = [
  ['Nombre(s)', 'given_name'], ['Apellido Paterno', 'surname'], ['Apellido Materno', 'surname'], ['curp', 'curp'],
  ['producto', null], ['asentamiento', null], ['municipio', null], ['entidad', null], ['comentario', null], ['categoria', null], ['situacion', null],
];

const pick = (r, a) => a[Math.floor(r() * a.length)];
const title = (s) => s.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (m, p, c) => p + c.toUpperCase()).replace(/\b(De|Del|La|Las|Los)\b/g, (w) => w.toLowerCase());
const ASCII = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Z]/g, '');
const CURP_ALPHA = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const p2 = (n) => String(n).padStart(2, '0');

/** A CURP with a valid check digit (or, with `bad`, a wrong one). */
export function curpFor(given, s1, s2, y, m, d, r, bad = false) {
  const a = ASCII(s1.replace(/^(DE LA|DE LOS|DEL|DE) /, '')).padEnd(3, 'X');
  const b = ASCII(s2.replace(/^(DE LA|DE LOS|DEL|DE) /, '') || 'X').padEnd(2, 'X');
  const g = ASCII(given.replace(/^(MA\.|J\.|MARÍA|JOSÉ) (?=\S)/, '')).padEnd(2, 'X');
  const vowel = (a.slice(1).match(/[AEIOU]/) ?? ['X'])[0];
  const cons = (s) => (s.slice(1).match(/[B-DF-HJ-NP-TV-Z]/) ?? ['X'])[0];
  const body = `${a[0]}${vowel}${b[0]}${g[0]}${p2(y % 100)}${p2(m)}${p2(d)}${r() < 0.5 ? 'H' : 'M'}${pick(r, ['DF', 'JC', 'NL', 'PL', 'MC', 'VZ'])}${cons(a)}${cons(b)}${cons(g)}${y < 2000 ? Math.floor(r() * 10) : 'A'}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CURP_ALPHA.indexOf(body[i]) * (18 - i);
  const digit = (10 - (sum % 10)) % 10;
  return body + (bad ? (digit + 1 + Math.floor(r() * 9)) % 10 : digit);
}

/**
 * `people` distinct people; minors (share `minorShare`, born 2012-2020) appear `minorRepeat`
 * times each, adults once. Returns the rows (arrays in NAME_COLUMNS order) and the truth.
 */
export function nameRows(people, { seed = 11, upper = true, minorShare = 0.1, minorRepeat = 4 } = {}) {
  const r = rng(seed);
  const rows = [];
  let minors = 0;
  for (let i = 0; i < people; i++) {
    const given = pick(r, GIVEN);
    const s1 = pick(r, SURNAMES);
    const s2 = r() < 0.05 ? '' : pick(r, SURNAMES);
    const minor = r() < minorShare;
    if (minor) minors++;
    const y = minor ? 2012 + Math.floor(r() * 9) : 1950 + Math.floor(r() * 50);
    const curp = curpFor(given, s1, s2, y, 1 + Math.floor(r() * 12), 1 + Math.floor(r() * 28), r);
    const c = (s) => (upper ? s : title(s));
    const row = [c(given), c(s1), c(s2), curp, pick(r, PRODUCTS), pick(r, COLONIAS), pick(r, MUNICIPIOS), pick(r, STATES), pick(r, NOTES), pick(r, JOBS), pick(r, MARITAL)];
    for (let k = 0; k < (minor ? minorRepeat : 1); k++) rows.push(row);
  }
  // Shuffle so repeated people are spread over the file.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return { rows, people, minors, minorRows: minors * minorRepeat };
}

const cell = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** The dump as CSV text (header first). */
export function nameCsv(rows, headers = NAME_COLUMNS.map(([h]) => h)) {
  return `${headers.join(',')}\n${rows.map((r) => r.map(cell).join(',')).join('\n')}\n`;
}
