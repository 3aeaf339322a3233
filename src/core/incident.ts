import type { Availability, Branch, Category, Confidentiality, Group, Industry, Integrity, Role, Sector } from './vocab.js';

/** A validated, normalised incident: what the pure core assesses. */
export interface Incident {
  title?: string;
  /** YYYY-MM-DD: the date the breach was confirmed; selects the law in force. */
  discovered: string;
  /** True when `discovered` was omitted and defaulted to the run date. */
  discoveredDefaulted: boolean;
  controller: Controller;
  circumstances: Circumstances;
  subjects: { count?: number; groups: Group[] };
  datasets: Dataset[];
  /** What the officer supplied for the drafts of `breach notify`. */
  response?: Response;
}

export interface Response {
  /** "YYYY-MM-DD HH:MM", local time in Mexico. */
  confirmedAt?: string;
  /** When the breach happened, as far as known (the breach log's date). */
  occurredAt?: string;
  identifiedAt?: string;
  investigationStartedAt?: string;
  nature?: string;
  cause?: string;
  circumstances?: string;
  systems?: string;
  consequences?: string;
  /** Where the letters are issued ("Ciudad de México"). */
  place?: string;
  /** A neutral account of what happened for the people affected; the internal title is never used for them. */
  publicSummary?: string;
  /** individual (default) or public-notice (mass notification; not regulated by the law). */
  channel?: 'individual' | 'public-notice';
  /** Name and position of the person each letter is addressed to. */
  addressee?: { authority?: string; regulator?: string; controller?: string };
  actions: string[];
  contact?: { channel?: string; email?: string; phone?: string; url?: string; address?: string };
  officer?: { name: string; role?: string; email?: string; phone?: string };
}

export interface Controller {
  name?: string;
  sector: Sector;
  branch?: Branch;
  state?: string;
  industry?: Industry;
  role: Role;
  /** For a processor: the controller it processes the data for, when described. */
  onBehalfOf?: { name?: string; sector: Sector; branch?: Branch; state?: string; industry?: Industry };
}

export interface Circumstances {
  confidentiality: Confidentiality;
  integrity: Integrity;
  availability: Availability;
  malicious: boolean;
  unintelligible: boolean;
  /** The breach was caused by a person authorised to process the data (an insider). */
  insider: boolean;
  /** Data were obtained or processed by deceiving the data subject or the person authorised to transfer them. */
  deception: boolean;
}

export interface Dataset {
  name: string;
  records: number;
  fields: string[];
  notes?: string;
  /** What credentials in this dataset unlock, when known (severity.md, credentials). */
  unlocks?: Category;
  adjust?: { dpc: number; reason: string };
}

/** Where an incident came from: the file and, for CSV, the incident key. */
export interface SourcedIncident {
  source: string;
  incident: Incident;
  /** Line where the incident starts in its file, computed only when asked (SARIF, --fail-on). */
  line?: () => number;
}
