// Shapes of the dated legal rules in data/law/mx/ and of what the law engine concludes.
export type Status = 'verified' | 'secondary' | 'uncertain';

export interface Basis {
  law: string; article?: string; dof?: string;
  /** Cited for a state organismo garante only while it operates (transitional provision). */
  while_guarantor_operates?: boolean;
}

export interface Dated { valid_from: string; valid_to?: string; status: Status; checked_on: string }

export interface DeadlineRule {
  code: string;
  hours: number | null;
  status?: Status;
  basis?: Basis[];
  caveat?: string;
  valid_from?: string;
  /** How a term in hours is counted: from the calendar day of the confirmation (INAI's reading) or from its hour. */
  counting?: 'calendar-day' | 'hours';
  /** A former rule's term in hours, shown as good practice where the law now says "without delay". */
  practice_hours?: number;
}

export interface RuleVersion extends Dated {
  applies?: boolean;
  reason?: string;
  statutory?: boolean;
  basis: Basis[];
  deadline?: DeadlineRule | Record<string, DeadlineRule>;
  authority?: Record<string, string>;
  regulator?: string;
  milestones?: { code: string; business_days?: number; hours?: number }[];
  /** The calendar of non-working days that business-day milestones skip. */
  calendar?: 'statutory' | 'cnbv';
  content?: string[];
  content_status?: Status;
  caveat?: string;
  /** The provisions that make each authority competent (cited with the rule's basis for that authority only). */
  authority_basis?: Record<string, Basis[]>;
  /** Caveats that hold for some authorities in a window (a suspension of procedures, which body acts as the authority). */
  authority_caveats?: { authorities: string[]; from: string; to?: string; caveat: string; status: Status; basis: Basis[] }[];
}

export interface RuleFamily {
  family: string;
  code: string;
  to: string;
  /** `controller_sector`: the sector of the controller (for a processor, of the body it works for). */
  scope: { sector?: string; role?: string; industry?: string; controller_sector?: string };
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
  recipient: { code: string; name?: string; ended?: true };
  deadline: Deadline;
  content: string[];
  contentStatus?: Status;
  basis: Basis[];
  status: Status;
  statutory: boolean;
  rule: { family: string; validFrom: string; validTo?: string; checkedOn: string };
  /** The authority has ceased since (INAI on 2025-03-20): who receives a notice sent after that day. */
  succession?: Handover;
}

export interface Milestone { code: string; businessDays?: number; hours?: number; due?: string }

export interface Deadline {
  code: string;
  hours: number | null;
  status: Status;
  milestones?: Milestone[];
  /** The calendar of non-working days the business-day milestones skip. */
  calendar?: 'statutory' | 'cnbv';
  counting?: 'calendar-day' | 'hours';
  /** Good-practice term in hours where the law says "without delay" (a former rule's term). */
  practiceHours?: number;
  /** When the term starts: the confirmation (ISO 8601 with offset); `assumed` when only the date was given. */
  from?: string;
  fromAssumed?: boolean;
  /** When it is due (ISO 8601 with offset), where the rule fixes a term. */
  due?: string;
  /** The due time counted hour by hour from the confirmation, when that differs from `due`. */
  dueByHours?: string;
  /** The good-practice due time for `practiceHours`. */
  recommended?: string;
  /** The authority ceases before the term ends: who receives the notice after that. */
  handover?: Handover;
}

export interface Handover {
  authority: string;
  /** Last day the authority existed. */
  until: string;
  successor: string;
  successorName?: string;
  basis: Basis[];
  status: Status;
}

export interface PenaltyRange {
  code: string;
  units: { min: number; max: number };
  mxn: { min: number; max: number };
  additional?: boolean;
  /** `sanction` for the breach, or `coercive`: a measure that enforces the authority's orders (not a sanction for the breach). */
  kind: 'sanction' | 'coercive';
  basis: Basis[];
}

export interface Liability { code: string; basis: Basis[]; status: Status }

export interface Penalties {
  currency: 'MXN';
  uma: number | null;
  unit: string | null;
  unitStatus?: Status;
  sensitiveMultiplier: number;
  ranges: PenaltyRange[];
  crimes: { code: string; prison: { en: string; es: string }; basis: Basis[] }[];
  referral?: { days: number; business?: boolean; basis: Basis[] };
  /** Liability other than fines: e.g. the administrative liability of public servants. */
  liability?: Liability[];
  notes: string[];
}

export interface LawResult {
  law: { asOf: string; laws: string[] };
  significantImpact: SignificantImpact;
  obligations: Obligation[];
  /** For a processor whose controller is described (`controller.on_behalf_of`): what that controller owes. */
  controllerObligations?: Obligation[];
  penalties: Penalties;
  caveats: { code: string; args?: Record<string, string | number> }[];
}
