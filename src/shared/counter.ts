// The customer at the counter (issue 15): the return slip, the waiting-area display and the
// estimated wait, as plain DTOs that cross IPC, plus the one way a wait is written.
import type { CaseReason, CaseStatus } from './domain';
import type { MessageId, MessageValues } from './i18n/translator';

/**
 * An estimated wait, always a range in whole minutes (never a false precision): "about 10–15 min".
 * Made in main (`src/main/counter/wait-estimate.ts`); the renderer only formats it.
 */
export interface WaitEstimate {
  lowMinutes: number;
  highMinutes: number;
}

/** Store name: shown on the slip and the display (until set, `counterPanel.defaultStore`). */
export const STORE_NAME_MAX = 60;

/** The desk's counter settings (Admin sets them; a supervisor only). */
export interface CounterSettings {
  storeName: string;
  /** Print slips straight to the default printer, without the print dialog. */
  printDirect: boolean;
}

/** Everything the printed return slip shows. */
export interface SlipDto {
  storeName: string;
  caseId: number;
  reference: string;
  /** When the case was logged (ISO). */
  createdAt: string;
  /** When this slip was made (ISO). */
  printedAt: string;
  customerName: string;
  orderNumber: string;
  product: string;
  reason: CaseReason;
  status: CaseStatus;
  /** 1-based place in the queue; null unless queued. */
  queuePosition: number | null;
  /** Whose case it is now, when assigned. */
  agentName: string | null;
  /** The counter (the agent's title), when assigned and given. */
  counter: string | null;
  /** Null unless queued, or when nobody is on duty to serve it. */
  estimate: WaitEstimate | null;
  agentsOnDuty: number;
}

/** What the waiting-area screen shows: references only, never a customer's name. */
export interface DisplayBoard {
  storeName: string;
  /** The latest assignments still being served, newest first. */
  nowServing: { reference: string; agentName: string; counter: string | null; since: string }[];
  /** The first waiting cases, in serving order. */
  waiting: { reference: string; position: number; estimate: WaitEstimate | null }[];
  /** All waiting cases (the list above may be cut). */
  waitingTotal: number;
  agentsOnDuty: number;
}

/** Answer of printing a slip: where it went. */
export interface PrintResult {
  printed: boolean;
  /** Straight to the default printer (the desk's setting), or through the print dialog. */
  direct: boolean;
  /** Why it did not print (the dialog was closed, no printer), in the printer's words. */
  reason: string | null;
}

/** The demo desk's sign-ins, shown on screen in demo mode only. */
export interface DemoInfo {
  demo: boolean;
  passcode: string | null;
  agents: { name: string; pin: string }[];
}

/** How many now-serving rows and waiting rows the display shows. */
export const DISPLAY_NOW_SERVING = 5;
export const DISPLAY_WAITING = 12;

/** Writes a message in the language on screen (the renderer's `t`, a test's translator). */
export type Say = (id: MessageId, values?: MessageValues) => string;

/** "about 10–15 min", "under 10 min", "about 1 h 15 min – 1 h 45 min"; null → "no estimate". */
export function formatWait(estimate: WaitEstimate | null, say: Say): string {
  if (!estimate) return say('wait.none');
  const { lowMinutes: low, highMinutes: high } = estimate;
  if (low === 0 && high < 60) return say('wait.under', { minutes: high });
  if (high < 60) return say('wait.about', { low, high });
  const part = (m: number) => {
    if (m < 60) return say('wait.minutes', { minutes: m });
    const hours = Math.floor(m / 60);
    return m % 60 ? say('wait.hoursMinutes', { hours, minutes: m % 60 }) : say('wait.hours', { hours });
  };
  return say('wait.aboutRange', { low: part(low), high: part(high) });
}
