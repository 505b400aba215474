import {
  activeCases,
  cancelCase,
  createCase,
  getCaseDetail,
  listCases,
  reassignCase,
  requeue,
  resolveCase,
} from '../services/case-service';
import { editCase, reopenCase, setPriority } from '../services/case-actions';
import { exportCases } from '../services/export-service';
import type { AreaHandlers } from './handler';

export const caseHandlers = {
  'cases.create': { mode: 'write', run: createCase },
  'cases.get': { mode: 'read', run: (desk, input) => getCaseDetail(desk, input.id) },
  'cases.list': { mode: 'read', run: listCases },
  'cases.active': { mode: 'read', run: activeCases },
  'cases.resolve': { mode: 'write', run: resolveCase },
  'cases.cancel': { mode: 'write', run: cancelCase },
  'cases.reassign': { mode: 'write', run: reassignCase },
  'cases.requeue': { mode: 'write', run: requeue },
  'cases.edit': { mode: 'write', run: editCase },
  'cases.setPriority': { mode: 'write', run: setPriority },
  'cases.reopen': { mode: 'write', run: reopenCase },
  'cases.exportCsv': { mode: 'export', run: exportCases },
} satisfies AreaHandlers<'cases'>;
