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
import type { DeskAccess, Repositories, Tx } from '../db/unit-of-work';
import { COUNTER_SETTING_KEYS } from '../db/repositories/counter-repository';
import { conflict, notFound } from '../domain-error';
import type { CounterPorts } from './ports';
import { averageHandleMs, estimateWait, HANDLE_SAMPLE } from './wait-estimate';

export async function counterSettings(repos: Repositories): Promise<CounterSettings> {
  return {
    // Until a supervisor names the store, a name in the desk's language.
    storeName:
      (await repos.counter.setting(COUNTER_SETTING_KEYS.storeName)) ??
      deskMessage('counterPanel.defaultStore'),
    printDirect: (await repos.counter.setting(COUNTER_SETTING_KEYS.printDirect)) === 'true',
  };
}

export async function setCounterSettings(
  tx: Tx,
  input: ParsedInput<'counter.setSettings'>,
): Promise<CounterSettings> {
  if (input.storeName !== undefined)
    await tx.counter.setSetting(COUNTER_SETTING_KEYS.storeName, input.storeName, tx.now);
  if (input.printDirect !== undefined)
    await tx.counter.setSetting(COUNTER_SETTING_KEYS.printDirect, String(input.printDirect), tx.now);
  tx.changed.touch('settings');
  return counterSettings(tx);
}

/** The estimate for each queue position, from one read of the desk's agents and recent cases. */
export async function waitEstimator(repos: Repositories): Promise<{
  agentsOnDuty: number;
  averageHandleMs: number;
  at: (position: number | null) => WaitEstimate | null;
}> {
  const agentsOnDuty = await repos.counter.agentsOnDuty();
  const handleMs = averageHandleMs(await repos.counter.recentHandleMs(HANDLE_SAMPLE));
  return {
    agentsOnDuty,
    averageHandleMs: handleMs,
    at: (position) =>
      position === null ? null : estimateWait({ position, agentsOnDuty, averageHandleMs: handleMs }),
  };
}

export async function slip(repos: Repositories, id: number, call: CallContext): Promise<SlipDto> {
  const found = await repos.cases.find(id);
  if (!found) throw notFound(deskMessage('refusal.noSuchCase'), { id: deskMessage('refusal.noSuchCase') });
  const wait = await waitEstimator(repos);
  const agent = found.agentId === null ? undefined : await repos.agents.find(found.agentId);
  return {
    storeName: (await counterSettings(repos)).storeName,
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
export async function displayBoard(repos: Repositories): Promise<DisplayBoard> {
  const wait = await waitEstimator(repos);
  return {
    storeName: (await counterSettings(repos)).storeName,
    nowServing: (await repos.counter.nowServing(DISPLAY_NOW_SERVING)).map((row) => ({
      reference: caseReference(row.id),
      agentName: row.agentName,
      counter: row.agentTitle || null,
      since: row.assignedAt,
    })),
    waiting: (await repos.counter.waitingIds(DISPLAY_WAITING)).map((id, i) => ({
      reference: caseReference(id),
      position: i + 1,
      estimate: wait.at(i + 1),
    })),
    waitingTotal: await repos.counter.waitingCount(),
    agentsOnDuty: wait.agentsOnDuty,
  };
}

/** Prints the slip the calling window shows: the dialog, or the default printer if the desk chose. */
export async function printSlip(
  desk: DeskAccess,
  input: ParsedInput<'slips.print'>,
  ports: CounterPorts,
): Promise<PrintResult> {
  // Checked in one read; the printer is awaited outside it.
  const direct = await desk.read(async (repos) => {
    if (!(await repos.cases.find(input.id)))
      throw notFound(deskMessage('refusal.noSuchCase'), { id: deskMessage('refusal.noSuchCase') });
    return (await counterSettings(repos)).printDirect;
  });
  const outcome = await ports.printer.print({ silent: direct });
  return { direct, ...outcome };
}

/** The slip the calling window shows, as Chromium's PDF, through the save dialog. */
export async function saveSlipPdf(
  desk: DeskAccess,
  input: ParsedInput<'slips.savePdf'>,
  ports: CounterPorts,
): Promise<ExportResult> {
  const found = await desk.read((repos) => repos.cases.find(input.id));
  if (!found) throw notFound(deskMessage('refusal.noSuchCase'), { id: deskMessage('refusal.noSuchCase') });
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
