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
import { signOutAfterResolve } from '../auth/auth-service';
import type { AreaHandlers } from './handler';

export const caseHandlers = {
  'cases.create': { mode: 'write', run: createCase },
  'cases.get': { mode: 'read', run: (desk, input) => getCaseDetail(desk, input.id) },
  'cases.list': { mode: 'read', run: listCases },
  'cases.active': { mode: 'read', run: activeCases },
  'cases.resolve': {
    mode: 'write',
    run: (tx, input, call) => ({ ...resolveCase(tx, input), signedOut: signOutAfterResolve(tx, call) }),
  },
  'cases.cancel': { mode: 'write', run: cancelCase },
  'cases.reassign': { mode: 'write', run: reassignCase },
  'cases.requeue': { mode: 'write', run: requeue },
} satisfies AreaHandlers<'cases'>;
