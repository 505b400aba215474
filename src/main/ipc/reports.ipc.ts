import { exportReport } from '../services/export-service';
import { dashboard } from '../services/report-service';
import type { AreaHandlers } from './handler';

export const reportHandlers = {
  'reports.dashboard': { mode: 'read', run: dashboard },
  'reports.exportCsv': { mode: 'export', run: exportReport },
} satisfies AreaHandlers<'reports'>;
