import { exportReport, saveExport } from '../services/export-service';
import { dashboard, setServiceLevel } from '../services/report-service';
import type { AreaHandlers } from './handler';

export const reportHandlers = {
  'reports.dashboard': { mode: 'read', activity: false, run: dashboard },
  'reports.exportCsv': {
    mode: 'export',
    activity: true,
    run: async (desk, input, call, saveFile) =>
      saveExport(await desk.read((repos) => exportReport(repos, input, call)), saveFile),
  },
  'reports.setServiceLevel': { mode: 'write', activity: true, run: setServiceLevel },
} satisfies AreaHandlers<'reports'>;
