import {
  activeCases,
  cancelCase,
  createCase,
  detailOf,
  getCaseDetail,
  listCases,
  reassignCase,
  requeue,
  resolveCase,
} from '../services/case-service';
import { signOutAfterResolve } from '../auth/auth-service';
import { editCase, reopenCase, setPriority } from '../services/case-actions';
import { exportCases, saveExport } from '../services/export-service';
import type { AreaHandlers } from './handler';

export const caseHandlers = {
  'cases.create': { mode: 'write', activity: true, run: createCase },
  'cases.get': { mode: 'read', activity: false, run: (repos, input) => getCaseDetail(repos, input.id) },
  'cases.list': { mode: 'read', activity: false, run: listCases },
  'cases.active': { mode: 'read', activity: false, run: activeCases },
  'cases.resolve': {
    mode: 'write',
    activity: true,
    run: async (tx, input, call) => {
      const done = await resolveCase(tx, input);
      const signedOut = await signOutAfterResolve(tx, call);
      // The next case in full, read in the same transaction: the agent's window shows it from
      // this answer instead of asking `cases.get` once the answer is in (one round trip less).
      const nextDetail = done.next && !signedOut ? await detailOf(tx, done.next) : null;
      return { ...done, signedOut, nextDetail };
    },
  },
  'cases.cancel': { mode: 'write', activity: true, run: cancelCase },
  'cases.reassign': { mode: 'write', activity: true, run: reassignCase },
  'cases.requeue': { mode: 'write', activity: true, run: requeue },
  'cases.edit': { mode: 'write', activity: true, run: editCase },
  'cases.setPriority': { mode: 'write', activity: true, run: setPriority },
  'cases.reopen': { mode: 'write', activity: true, run: reopenCase },
  // Asked for by the person, though it only reads: it keeps Admin open like a change does.
  'cases.exportCsv': {
    mode: 'export',
    activity: true,
    // The file is made in one read; the save dialog waits outside it.
    run: async (desk, input, call, saveFile) =>
      saveExport(await desk.read((repos) => exportCases(repos, input, call)), saveFile),
  },
} satisfies AreaHandlers<'cases'>;
