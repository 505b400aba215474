// What the supervisor's dashboard and reports show: plain data computed in main
// from SQL aggregates (src/main/reports/report-service.ts). Durations are whole
// milliseconds; an average or a share with no samples is null.
import type { Outcome } from './domain';

/** The service level's default threshold: a case should reach an agent within 5 minutes. */
export const DEFAULT_SERVICE_LEVEL_THRESHOLD_MS = 5 * 60 * 1000;
/** The service-level threshold a supervisor may choose, in whole minutes. */
export const SERVICE_LEVEL_MINUTES = { min: 1, max: 120 } as const;

/** The service-level setting as `reports.setServiceLevel` answers it. */
export interface ServiceLevelSetting {
  thresholdMs: number;
}

/** The longest date range a report covers, in days (its hourly series has 24 entries a day). */
export const MAX_REPORT_DAYS = 366;

export interface DeskNow {
  queued: number;
  inProgress: number;
  agentsOnDuty: number;
  agentsFree: number;
  /** How long the oldest queued case has waited since it was logged; 0 when none waits. */
  longestWaitMs: number;
}

export interface PeriodFigures {
  created: number;
  resolved: number;
  cancelled: number;
  /** First assignment minus creation, over cases created in the period that were assigned. */
  avgWaitMs: number | null;
  /** Resolution minus the last assignment, over cases resolved in the period. */
  avgHandleMs: number | null;
  /**
   * Of the cases created in the period, the share (0–100, one decimal) first assigned within
   * the threshold. Left out: a case cancelled while queued before the threshold elapsed, and
   * one still waiting whose threshold has not elapsed yet (it can still make it).
   */
  serviceLevelPct: number | null;
  serviceLevelThresholdMs: number;
  /** Cases resolved in the period, by outcome (every outcome present, zero included). */
  outcomes: Record<Outcome, number>;
}

export interface AgentFigures {
  agentId: number;
  name: string;
  /** Cases this agent resolved in the period. */
  resolved: number;
  avgHandleMs: number | null;
  /** Time on duty and time holding a case, clipped to the period (and to now). */
  onDutyMs: number;
  busyMs: number;
  /** busyMs / onDutyMs (4 decimals); null without duty time. */
  utilization: number | null;
}

export interface HourFigures {
  /** The local hour's start, as an ISO instant. */
  start: string;
  created: number;
  resolved: number;
  /** Average wait of the cases created in this hour that were assigned; null when none. */
  avgWaitMs: number | null;
}

export interface Dashboard {
  /** The local calendar days covered, inclusive. */
  from: string;
  to: string;
  /** When these figures were computed. */
  at: string;
  now: DeskNow;
  period: PeriodFigures;
  perAgent: AgentFigures[];
  /** 24 entries per day of the period, oldest first. */
  hourly: HourFigures[];
}
