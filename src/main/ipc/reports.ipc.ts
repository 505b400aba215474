import { dashboard } from '../services/report-service';
import type { AreaHandlers } from './handler';

export const reportHandlers = {
  'reports.dashboard': { mode: 'read', run: dashboard },
} satisfies AreaHandlers<'reports'>;
