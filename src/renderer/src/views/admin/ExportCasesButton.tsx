import { Button } from '../../components/Button';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/use-submit';
import { filterInput, type CaseFilter } from '../../stores/cases-store';
import type { Feedback } from './use-feedback';
import { useT } from '../../i18n/i18n-store';
import { Msg } from '../../i18n/Msg';

/** Exports the cases of the current filter as CSV: main makes the file, the save dialog places it. */
export function ExportCasesButton({ filter, feedback }: { filter: CaseFilter; feedback: Feedback }) {
  const t = useT();
  const { busy, run } = useSubmit();
  const exportNow = () =>
    run(async () => {
      const result = await call('cases.exportCsv', filterInput(filter));
      if (!result.ok) feedback.fail(result.error.message);
      else if (!result.data.saved) feedback.succeed(t('export.casesNotSaved'));
      else
        feedback.succeed(
          <Msg
            id="export.casesSaved"
            values={{
              count: result.data.rows,
              path: <bdi dir="ltr">{result.data.path ?? result.data.fileName}</bdi>,
            }}
          />,
        );
    });
  return (
    <Button size="sm" className="card-head-action" busy={busy} onClick={() => void exportNow()}>
      {t('export.cases')}
    </Button>
  );
}
