// CSV exports (issue 14): the bytes are made here in main, from SQL, and handed
// to the shell's save port (the system save dialog in the app), so the page
// never touches the file system. Cell rules (RFC 4180 quoting, formula
// neutralising) are in src/shared/csv.ts; files are UTF-8 with a BOM.
import type { ExportResult, ParsedInput } from '../../shared/contract';
import { toCsv, type CsvValue } from '../../shared/csv';
import { localDate } from '../../shared/dates';
import {
  OUTCOMES,
  OUTCOME_LABELS,
  PRIORITY_LABELS,
  REASON_LABELS,
  STATUS_LABELS,
  type CaseDto,
} from '../../shared/domain';
import type { CallContext } from '../auth/call-context';
import { dashboard } from './report-service';
import type { Repositories } from '../db/unit-of-work';

/** The most cases one export holds (a filter narrower than that is the way to more). */
export const EXPORT_MAX_CASES = 100_000;

/**
 * The shell's port for saving an export: the app shows the system save dialog and writes the
 * file; tests record the bytes. `saved` is false when the person cancelled.
 */
export type SaveFile = (
  suggestedName: string,
  content: Uint8Array,
) => Promise<{ saved: boolean; path: string | null }>;

/** Without a shell to save through (benchmarks, tools): nothing is saved. */
export const NO_SAVE: SaveFile = async () => ({ saved: false, path: null });

export interface ExportFile {
  fileName: string;
  rows: number;
  content: Uint8Array;
}

/**
 * Hands a file, made whole in one synchronous read before this is called, to the save port:
 * only the dialog is awaited, never a read that a write could split.
 */
export async function saveExport(file: ExportFile, saveFile: SaveFile): Promise<ExportResult> {
  const outcome = await saveFile(file.fileName, file.content);
  return { fileName: file.fileName, rows: file.rows, bytes: file.content.byteLength, ...outcome };
}

const encode = (rows: CsvValue[][]): Uint8Array => new Uint8Array(Buffer.from(toCsv(rows), 'utf8'));

const CASE_COLUMNS: [string, (c: CaseDto) => CsvValue][] = [
  ['Reference', (c) => c.reference],
  ['Status', (c) => STATUS_LABELS[c.status]],
  ['Priority', (c) => PRIORITY_LABELS[c.priority]],
  ['Customer', (c) => c.customerName],
  ['Order number', (c) => c.orderNumber],
  ['Product', (c) => c.product],
  ['Reason', (c) => REASON_LABELS[c.reason]],
  ['Purchase date', (c) => c.purchaseDate],
  ['Description', (c) => c.description],
  ['Agent', (c) => c.agentName],
  ['Created', (c) => c.createdAt],
  ['Assigned', (c) => c.assignedAt],
  ['Resolved', (c) => c.resolvedAt],
  ['Cancelled', (c) => c.cancelledAt],
  ['Outcome', (c) => c.outcome && OUTCOME_LABELS[c.outcome]],
  ['Note', (c) => c.note],
  ['Cancel reason', (c) => c.cancelReason],
];

/** The cases the Admin list shows for this filter, newest first, as one CSV file. */
export function exportCases(
  repos: Repositories,
  input: ParsedInput<'cases.exportCsv'>,
  call: CallContext,
): ExportFile {
  const status = input?.status;
  const { items } = repos.cases.list(
    {
      statuses: status === undefined ? undefined : Array.isArray(status) ? status : [status],
      agentId: input?.agentId,
      customerId: input?.customerId,
      text: input?.text,
    },
    'newest',
    EXPORT_MAX_CASES,
    0,
  );
  const rows = [
    CASE_COLUMNS.map(([name]) => name),
    ...items.map((c) => CASE_COLUMNS.map(([, get]) => get(c))),
  ];
  return {
    fileName: `returndesk-cases-${localDate(call.now)}.csv`,
    rows: items.length,
    content: encode(rows),
  };
}

/** A period's report: its figures, then the agents, then the hours (times as ISO instants). */
export function exportReport(
  repos: Repositories,
  input: ParsedInput<'reports.exportCsv'>,
  call: CallContext,
): ExportFile {
  const d = dashboard(repos, input, call);
  const p = d.period;
  const rows: CsvValue[][] = [
    ['Figure', 'Value'],
    ['From', d.from],
    ['To', d.to],
    ['Created', p.created],
    ['Resolved', p.resolved],
    ['Cancelled', p.cancelled],
    ['Average wait (ms)', p.avgWaitMs],
    ['Average handling (ms)', p.avgHandleMs],
    ['Service level (%)', p.serviceLevelPct],
    ['Service level threshold (ms)', p.serviceLevelThresholdMs],
    ...OUTCOMES.map((o): CsvValue[] => [`Outcome: ${OUTCOME_LABELS[o]}`, p.outcomes[o]]),
    [],
    ['Agent', 'Resolved', 'Average handling (ms)', 'On duty (ms)', 'Busy (ms)', 'Utilization'],
    ...d.perAgent.map((a) => [a.name, a.resolved, a.avgHandleMs, a.onDutyMs, a.busyMs, a.utilization]),
    [],
    ['Hour starting', 'Created', 'Resolved', 'Average wait (ms)'],
    ...d.hourly.map((h) => [h.start, h.created, h.resolved, h.avgWaitMs]),
  ];
  return {
    fileName:
      d.from === d.to ? `returndesk-report-${d.from}.csv` : `returndesk-report-${d.from}-to-${d.to}.csv`,
    rows: rows.length,
    content: encode(rows),
  };
}
