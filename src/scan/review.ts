// What a file's columns mean together, after each was judged alone: the RENAPO name layout
// (given names, paternal and maternal surname in three columns) and `--trust-values`.
import type { ColumnProfile, FileProfile } from './profile.js';

export interface ReviewOptions {
  /** Keep only fields the values confirm: header-only columns are dropped, with a note. */
  trustValues?: boolean;
}

/** Full-name headers that also say the surnames are in the column (nombre_completo, nombre_y_apellidos). */
const WHOLE_NAME = /complet|apellido/;

export function reviewProfile(p: FileProfile, o: ReviewOptions = {}): FileProfile {
  let columns: ColumnProfile[] = p.columns;
  // `nombre` beside `apellido_paterno` / `apellido_materno` holds the given names: the three
  // columns together are the person's full name (given_name + surname, which identifiability
  // reads as a name).
  if (columns.some((c) => c.field === 'surname' && c.evidence !== 'header')) {
    columns = columns.map((c) =>
      c.field === 'full_name' && c.reason === 'header+value' && c.header && !WHOLE_NAME.test(c.header.alias)
        ? { ...c, field: 'given_name', note: { code: 'name-part-of-trio' } }
        : c);
  }
  if (o.trustValues) {
    columns = columns.map((c) =>
      c.field && (c.reason === 'header' || c.reason === 'header-kept-despite-values')
        ? { ...c, field: null, confidence: 0, evidence: 'none', note: { ...c.note, code: 'dropped-trust-values', headerField: c.field } }
        : c);
  }
  return columns === p.columns ? p : { ...p, columns };
}

/** Columns a reader must look at: kept or overruled headers, dropped columns, name trios. */
export function notedColumns(p: FileProfile): ColumnProfile[] {
  return p.columns.filter((c) => c.note);
}
