/**
 * The matcher's vocabulary. Everything here is plain, serialisable data (Dates aside), so the database
 * layer can build it from rows and the UI can render reasons and rules from their codes and parameters
 * (the sentences live in the message catalogs, zh-CN first).
 */

export const needCategories = [
  'life',
  'integration',
  'education',
  'medical',
  'elderly_care',
  'disability',
  'employment',
  'emergency',
] as const;
export type NeedCategory = (typeof needCategories)[number];

export const needKinds = ['material', 'service', 'both'] as const;
export type NeedKind = (typeof needKinds)[number];

export const populations = ['children', 'elderly', 'disabled', 'limited_mobility', 'low_income'] as const;
export type Population = (typeof populations)[number];

export const urgencies = ['low', 'normal', 'high', 'critical'] as const;
export type Urgency = (typeof urgencies)[number];

export const projectStatuses = ['draft', 'active', 'paused', 'ended'] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

/** A valid, unmatched need, as the matcher sees it (no personal information: none is needed). */
export type MatchNeed = {
  id: string;
  category: NeedCategory;
  kind: NeedKind;
  populations: Population[];
  areaId: string;
  urgency: Urgency;
  /** Assessed hardship 1..5; null when not assessed yet. */
  hardship: number | null;
  submittedAt: Date;
};

export type MatchProject = {
  id: string;
  categories: NeedCategory[];
  kinds: NeedKind[];
  populations: Population[];
  /** Sub-districts covered; [] means the whole district. */
  areaIds: string[];
  status: ProjectStatus;
  /** Inclusive dates, YYYY-MM-DD, in Beijing time. */
  startsOn: string | null;
  endsOn: string | null;
  /** Places left in the current period. */
  remainingPlaces: number;
  availableFen: number;
  typicalCostFen: number;
};

/** Why a project fits a need — codes with parameters, translated by the UI. */
export type Reason =
  | { code: 'area_covered'; areaId: string; districtWide: boolean }
  | { code: 'same_category'; category: NeedCategory }
  | { code: 'kind_served'; kind: NeedKind }
  | { code: 'population_fit'; populations: Population[] }
  | { code: 'places_left'; count: number }
  | { code: 'funds_available'; fen: number };

/** The first rule that excludes a project, checked in this order. */
export type IneligibleRule =
  | { code: 'project_not_active'; status: ProjectStatus }
  | { code: 'project_not_started'; startsOn: string }
  | { code: 'project_ended'; endsOn: string }
  | { code: 'area_not_covered'; areaId: string }
  | { code: 'category_not_served'; category: NeedCategory }
  | { code: 'kind_not_served'; kind: NeedKind }
  | { code: 'no_places_left' }
  | { code: 'insufficient_funds'; availableFen: number; typicalCostFen: number };

export type Eligibility = { eligible: true; reasons: Reason[] } | { eligible: false; rule: IneligibleRule };

/** The parts of a suggestion's score, so the UI can show why one project ranks above another. */
export type ScoreBreakdown = {
  populationFit: number;
  categoryFocus: number;
  areaFocus: number;
  places: number;
  funds: number;
};

export type RankedProject = {
  projectId: string;
  score: number;
  breakdown: ScoreBreakdown;
  reasons: Reason[];
};

export type Suggestions = {
  /** Best first; ties broken by project id. */
  eligible: RankedProject[];
  /** By project id. */
  ineligible: { projectId: string; rule: IneligibleRule }[];
};

export type Proposal = {
  needId: string;
  projectId: string;
  priority: number;
  score: number;
  reasons: Reason[];
};

/**
 * no_eligible_project: no project passes the standing rules (status, dates, area, category, kind).
 * eligible_projects_full: some do, but none has a place and the money for one more case — either they
 * were full before this run or higher-priority needs took the last places.
 */
export type UnassignedWhy = 'no_eligible_project' | 'eligible_projects_full';

export type AssignmentResult = {
  /** In the order the needs were considered (priority, then the fairness order). */
  proposals: Proposal[];
  unassigned: { needId: string; priority: number; why: UnassignedWhy }[];
  totalPriority: number;
};
