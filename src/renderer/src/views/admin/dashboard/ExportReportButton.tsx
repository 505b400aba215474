import { useState } from 'react';
import { Button } from '../../../components/Button';
import { call } from '../../../lib/api';
import type { Feedback } from '../use-feedback';

/** The figures of a period as CSV: main makes the file, the save dialog places it. */
export function ExportReportButton({ from, to, feedback }: { from: string; to: string; feedback: Feedback }) {
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await call('reports.exportCsv', { from, to });
    setBusy(false);
    if (!result.ok) feedback.fail(result.error.message);
    else if (!result.data.saved) feedback.succeed('Report not saved.');
    else feedback.succeed(`Report saved to ${result.data.path ?? result.data.fileName}.`);
  };
  return (
    <Button size="sm" className="card-head-action" busy={busy} onClick={() => void run()}>
      Export report CSV…
    </Button>
  );
}
