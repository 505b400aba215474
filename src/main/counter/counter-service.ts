// The customer at the counter (issue 15): the return slip, the waiting-area display and the
// estimated wait. Reads only, plus the counter settings; printing goes through the shell's port.
import type { ParsedInput } from '../../shared/contract';
import {
  DISPLAY_NOW_SERVING,
  DISPLAY_WAITING,
  type CounterSettings,
  type DisplayBoard,
  type PrintResult,
  type SlipDto,
  type WaitEstimate,
} from '../../shared/counter';
import type { ExportResult } from '../../shared/contract';
import { caseReference } from '../../shared/domain';
import { deskMessage } from '../../shared/i18n/desk-messages';
import type { CallContext } from '../auth/call-context';
import type { Repositories, Tx } from '../db/unit-of-work';
import { COUNTER_SETTING_KEYS } from '../db/repositories/counter-repository';
import { conflict, notFound } from '../domain-error';
import type { CounterPorts } from './ports';
import { averageHandleMs, estimateWait, HANDLE_SAMPLE } from './wait-estimate';

export function counterSettings(repos: Repositories): CounterSettings {
  return {
    // Until a supervisor names the store, a name in the desk's language.
    storeName:
      repos.counter.setting(COUNTER_SETTING_KEYS.storeName) ?? deskMessage('counterPanel.defaultStore'),
    printDirect: repos.counter.setting(COUNTER_SETTING_KEYS.printDirect) === 'true',
  };
}

export function setCounterSettings(tx: Tx, input: ParsedInput<'counter.setSettings'>): CounterSettings {
  if (input.storeName !== undefined)
    tx.counter.setSetting(COUNTER_SETTING_KEYS.storeName, input.storeName, tx.now);
  if (input.printDirect !== undefined)
    tx.counter.setSetting(COUNTER_SETTING_KEYS.printDirect, String(input.printDirect), tx.now);
  tx.changed.touch('settings');
  return counterSettings(tx);
}

/** The estimate for each queue position, from one read of the desk's agents and recent cases. */
export function waitEstimator(repos: Repositories): {
  agentsOnDuty: number;
  averageHandleMs: number;
  at: (position: number | null) => WaitEstimate | null;
} {
  const agentsOnDuty = repos.counter.agentsOnDuty();
  const handleMs = averageHandleMs(repos.counter.recentHandleMs(HANDLE_SAMPLE));
  return {
    agentsOnDuty,
    averageHandleMs: handleMs,
    at: (position) =>
      position === null ? null : estimateWait({ position, agentsOnDuty, averageHandleMs: handleMs }),
  };
}

export function slip(repos: Repositories, id: number, call: CallContext): SlipDto {
  const found = repos.cases.find(id);
  if (!found) throw notFound(deskMessage('refusal.noSuchCase'), { id: deskMessage('refusal.noSuchCase') });
  const wait = waitEstimator(repos);
  const agent = found.agentId === null ? undefined : repos.agents.find(found.agentId);
  return {
    storeName: counterSettings(repos).storeName,
    caseId: found.id,
    reference: found.reference,
    createdAt: found.createdAt,
    printedAt: call.now.toISOString(),
    customerName: found.customerName,
    orderNumber: found.orderNumber,
    product: found.product,
    reason: found.reason,
    status: found.status,
    queuePosition: found.queuePosition,
    agentName: found.status === 'assigned' ? found.agentName : null,
    counter: found.status === 'assigned' && agent?.title ? agent.title : null,
    estimate: found.status === 'queued' ? wait.at(found.queuePosition) : null,
    agentsOnDuty: wait.agentsOnDuty,
  };
}

/** The waiting-area screen: references, agents and estimates; never a customer's name. */
export function displayBoard(repos: Repositories): DisplayBoard {
  const wait = waitEstimator(repos);
  return {
    storeName: counterSettings(repos).storeName,
    nowServing: repos.counter.nowServing(DISPLAY_NOW_SERVING).map((row) => ({
      reference: caseReference(row.id),
      agentName: row.agentName,
      counter: row.agentTitle || null,
      since: row.assignedAt,
    })),
    waiting: repos.counter.waitingIds(DISPLAY_WAITING).map((id, i) => ({
      reference: caseReference(id),
      position: i + 1,
      estimate: wait.at(i + 1),
    })),
    waitingTotal: repos.counter.waitingCount(),
    agentsOnDuty: wait.agentsOnDuty,
  };
}

/** Prints the slip the calling window shows: the dialog, or the default printer if the desk chose. */
export async function printSlip(
  repos: Repositories,
  input: ParsedInput<'slips.print'>,
  ports: CounterPorts,
): Promise<PrintResult> {
  if (!repos.cases.find(input.id))
    throw notFound(deskMessage('refusal.noSuchCase'), { id: deskMessage('refusal.noSuchCase') });
  const direct = counterSettings(repos).printDirect;
  const outcome = await ports.printer.print({ silent: direct });
  return { direct, ...outcome };
}

/** The slip the calling window shows, as Chromium's PDF, through the save dialog. */
export async function saveSlipPdf(
  repos: Repositories,
  input: ParsedInput<'slips.savePdf'>,
  ports: CounterPorts,
): Promise<ExportResult> {
  if (!repos.cases.find(input.id))
    throw notFound(deskMessage('refusal.noSuchCase'), { id: deskMessage('refusal.noSuchCase') });
  const fileName = `${caseReference(input.id)}-slip.pdf`;
  let content: Uint8Array;
  try {
    content = await ports.printer.pdf();
  } catch {
    throw conflict(deskMessage('refusal.noPdf'));
  }
  const outcome = await ports.saveFile(fileName, content);
  return { fileName, rows: 1, bytes: content.byteLength, ...outcome };
}
