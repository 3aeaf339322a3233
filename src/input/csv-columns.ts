// CSV columns of contract.md §3: canonical name → accepted headers (after normalisation).
export const CSV_COLUMNS = {
  incident: ['incident', 'incidente'],
  title: ['title', 'titulo'],
  dataset: ['dataset', 'conjunto'],
  records: ['records', 'registros'],
  fields: ['fields', 'campos'],
  notes: ['notes', 'notas'],
  controller: ['controller', 'responsable'],
  sector: ['sector'],
  branch: ['branch', 'rama'],
  state: ['state', 'estado'],
  industry: ['industry', 'industria'],
  role: ['role', 'rol'],
  discovered: ['discovered', 'fecha'],
  confidentiality: ['confidentiality', 'confidencialidad'],
  integrity: ['integrity', 'integridad'],
  availability: ['availability', 'disponibilidad'],
  malicious: ['malicious', 'dolo'],
  unintelligible: ['unintelligible', 'cifrado'],
  insider: ['insider', 'interno'],
  deception: ['deception', 'engano'],
  subjects: ['subjects', 'titulares'],
  groups: ['groups', 'grupos'],
} as const;

export type CsvColumn = keyof typeof CSV_COLUMNS;
export const REQUIRED_COLUMNS: CsvColumn[] = ['dataset', 'records', 'fields', 'sector'];
/** Columns that describe the incident, so must agree across its rows. */
export const INCIDENT_COLUMNS: CsvColumn[] = ['title', 'controller', 'sector', 'branch', 'state', 'industry', 'role', 'discovered', 'confidentiality', 'integrity', 'availability', 'malicious', 'unintelligible', 'insider', 'deception', 'subjects', 'groups'];
