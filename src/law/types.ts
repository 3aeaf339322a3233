// Shapes of the dated legal rules in data/law/mx/ and of what the law engine concludes.
export type Status = 'verified' | 'secondary' | 'uncertain';

export interface Basis { law: string; article?: string; dof?: string }

export interface Dated { valid_from: string; valid_to?: string; status: Status; checked_on: string }

export interface DeadlineRule { code: string; hours: number | null; status?: Status; basis?: Basis[]; caveat?: string; valid_from?: string }

export interface RuleVersion extends Dated {
  applies?: boolean;
  reason?: string;
  statutory?: boolean;
  basis: Basis[];
  deadline?: DeadlineRule | Record<string, DeadlineRule>;
  authority?: Record<string, string>;
  regulator?: string;
  milestones?: { code: string; business_days?: number; hours?: number }[];
  content?: string[];
  content_status?: Status;
  caveat?: string;
}

export interface RuleFamily {
  family: string;
  code: string;
  to: string;
  scope: { sector?: string; role?: string; industry?: string };
  trigger: 'significant' | 'always' | 'any-loss';
  versions: RuleVersion[];
}

export interface Reason { code: string; args?: Record<string, string | number> }

export interface SignificantImpact {
  value: boolean;
  patrimonial: boolean;
  moral: boolean;
  reasons: Reason[];
}

export interface Obligation {
  code: string;
  to: string;
  authority?: string;
  /** Who receives it: a code (data-subjects, INAI, state-guarantor, CNBV, ...) and a body's name where known. */
  recipient: { code: string; name?: string };
  deadline: { code: string; hours: number | null; status: Status; milestones?: { code: string; businessDays?: number; hours?: number }[] };
  content: string[];
  contentStatus?: Status;
  basis: Basis[];
  status: Status;
  statutory: boolean;
  rule: { family: string; validFrom: string; validTo?: string; checkedOn: string };
}

export interface PenaltyRange {
  code: string;
  units: { min: number; max: number };
  mxn: { min: number; max: number };
  additional?: boolean;
  basis: Basis[];
}

export interface Penalties {
  currency: 'MXN';
  uma: number | null;
  unit: string | null;
  unitStatus?: Status;
  sensitiveMultiplier: number;
  ranges: PenaltyRange[];
  crimes: { code: string; prison: { en: string; es: string }; basis: Basis[] }[];
  referral?: { days: number; basis: Basis[] };
  notes: string[];
}

export interface LawResult {
  law: { asOf: string; laws: string[] };
  significantImpact: SignificantImpact;
  obligations: Obligation[];
  penalties: Penalties;
  caveats: { code: string; args?: Record<string, string | number> }[];
}
