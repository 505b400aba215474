// CSV exports (issue 14): the bytes are made here in main, from SQL, and handed
// to the shell's save port (the system save dialog in the app), so the page
// never touches the file system. Cell rules (RFC 4180 quoting, formula
// neutralising) are in src/shared/csv.ts; files are UTF-8 with a BOM.
import type { ExportResult, ParsedInput } from '../../shared/contract';
import { toCsv, type CsvValue } from '../../shared/csv';
import { localDate } from '../../shared/dates';
import {
  OUTCOMES,
  OUTCOME_MESSAGE,
  PRIORITY_MESSAGE,
  REASON_MESSAGE,
  STATUS_MESSAGE,
  type CaseDto,
} from '../../shared/domain';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import type { MessageId } from '../../shared/i18n/translator';
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
 * Hands a file, made whole in one read before this is called, to the save port:
 * only the dialog is awaited, never a read that a write could split.
 */
export async function saveExport(file: ExportFile, saveFile: SaveFile): Promise<ExportResult> {
  const outcome = await saveFile(file.fileName, file.content);
  return { fileName: file.fileName, rows: file.rows, bytes: file.content.byteLength, ...outcome };
}

const encode = (rows: CsvValue[][]): Uint8Array => new Uint8Array(Buffer.from(toCsv(rows), 'utf8'));

// Headers and values in the desk's language (main formats them when the file is made).
const CASE_COLUMNS: [MessageId, (c: CaseDto) => CsvValue][] = [
  ['csv.reference', (c) => c.reference],
  ['csv.status', (c) => m(STATUS_MESSAGE[c.status])],
  ['csv.priority', (c) => m(PRIORITY_MESSAGE[c.priority])],
  ['csv.customer', (c) => c.customerName],
  ['csv.orderNumber', (c) => c.orderNumber],
  ['csv.product', (c) => c.product],
  ['csv.reason', (c) => m(REASON_MESSAGE[c.reason])],
  ['csv.purchaseDate', (c) => c.purchaseDate],
  ['csv.description', (c) => c.description],
  ['csv.agent', (c) => c.agentName],
  ['csv.created', (c) => c.createdAt],
  ['csv.assigned', (c) => c.assignedAt],
  ['csv.resolved', (c) => c.resolvedAt],
  ['csv.cancelled', (c) => c.cancelledAt],
  ['csv.outcome', (c) => c.outcome && m(OUTCOME_MESSAGE[c.outcome])],
  ['csv.note', (c) => c.note],
  ['csv.cancelReason', (c) => c.cancelReason],
];

/** The cases the Admin list shows for this filter, newest first, as one CSV file. */
export async function exportCases(
  repos: Repositories,
  input: ParsedInput<'cases.exportCsv'>,
  call: CallContext,
): Promise<ExportFile> {
  const status = input?.status;
  const { items } = await repos.cases.list(
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
    CASE_COLUMNS.map(([name]) => m(name)),
    ...items.map((c) => CASE_COLUMNS.map(([, get]) => get(c))),
  ];
  return {
    fileName: `returndesk-cases-${localDate(call.now)}.csv`,
    rows: items.length,
    content: encode(rows),
  };
}

/** A period's report: its figures, then the agents, then the hours (times as ISO instants). */
export async function exportReport(
  repos: Repositories,
  input: ParsedInput<'reports.exportCsv'>,
  call: CallContext,
): Promise<ExportFile> {
  const d = await dashboard(repos, input, call);
  const p = d.period;
  const rows: CsvValue[][] = [
    [m('csv.figure'), m('csv.value')],
    [m('csv.from'), d.from],
    [m('csv.to'), d.to],
    [m('csv.created'), p.created],
    [m('csv.resolved'), p.resolved],
    [m('csv.cancelled'), p.cancelled],
    [m('csv.averageWaitMs'), p.avgWaitMs],
    [m('csv.averageHandlingMs'), p.avgHandleMs],
    [m('csv.serviceLevelPct'), p.serviceLevelPct],
    [m('csv.serviceLevelThresholdMs'), p.serviceLevelThresholdMs],
    ...OUTCOMES.map((o): CsvValue[] => [
      m('csv.outcomeCount', { outcome: m(OUTCOME_MESSAGE[o]) }),
      p.outcomes[o],
    ]),
    [],
    [
      m('csv.agent'),
      m('csv.resolved'),
      m('csv.averageHandlingMs'),
      m('csv.onDutyMs'),
      m('csv.busyMs'),
      m('csv.utilization'),
    ],
    ...d.perAgent.map((a) => [a.name, a.resolved, a.avgHandleMs, a.onDutyMs, a.busyMs, a.utilization]),
    [],
    [m('csv.hourStarting'), m('csv.created'), m('csv.resolved'), m('csv.averageWaitMs')],
    ...d.hourly.map((h) => [h.start, h.created, h.resolved, h.avgWaitMs]),
  ];
  return {
    fileName:
      d.from === d.to ? `returndesk-report-${d.from}.csv` : `returndesk-report-${d.from}-to-${d.to}.csv`,
    rows: rows.length,
    content: encode(rows),
  };
}
