// The basis of the record a controller keeps when it decides not to notify (data/law/mx/decision-record.yaml).
import raw from '../../data/law/mx/decision-record.yaml';
import { versionAt } from '../law/rules.js';
import type { Basis, Status } from '../law/types.js';

interface RecordVersion { sector: string; valid_from: string; valid_to?: string; statutory: boolean; status: Status; checked_on: string; basis: Basis[] }
const VERSIONS = (raw as { versions: RecordVersion[] }).versions;

/** The documentation duty (or practice) in force for a sector on a date, if any. */
export function decisionRecordBasis(sector: string, date: string): RecordVersion | undefined {
  return versionAt(VERSIONS.filter((v) => v.sector === sector), date);
}
