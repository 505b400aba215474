import { useState } from 'react';
import { Button } from '../../../components/Button';
import { call } from '../../../lib/api';
import type { Feedback } from '../use-feedback';
import { useT } from '../../../i18n/i18n-store';
import { Msg } from '../../../i18n/Msg';

/** The figures of a period as CSV: main makes the file, the save dialog places it. */
export function ExportReportButton({ from, to, feedback }: { from: string; to: string; feedback: Feedback }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    const result = await call('reports.exportCsv', { from, to });
    setBusy(false);
    if (!result.ok) feedback.fail(result.error.message);
    else if (!result.data.saved) feedback.succeed(t('export.reportNotSaved'));
    else
      feedback.succeed(
        <Msg
          id="export.reportSaved"
          values={{ path: <bdi dir="ltr">{result.data.path ?? result.data.fileName}</bdi> }}
        />,
      );
  };
  return (
    <Button size="sm" className="card-head-action" busy={busy} onClick={() => void run()}>
      {t('export.report')}
    </Button>
  );
}
