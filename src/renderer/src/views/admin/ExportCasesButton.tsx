import type { ChannelInput } from '../../../../shared/contract';
import type { CaseStatus } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/use-submit';
import type { CaseFilter } from '../../stores/cases-store';
import type { Feedback } from './use-feedback';
import { useT } from '../../i18n/i18n-store';
import { Msg } from '../../i18n/Msg';

/** The filter as the export channel takes it: every case it matches, not one page. */
function exportInput(filter: CaseFilter): ChannelInput<'cases.exportCsv'> {
  const text = filter.text.trim();
  return {
    ...(filter.status === 'active'
      ? { status: ['queued', 'assigned'] as CaseStatus[] }
      : filter.status && { status: filter.status }),
    ...(filter.agentId !== null && { agentId: filter.agentId }),
    ...(text && { text }),
  };
}

/** Exports the cases of the current filter as CSV: main makes the file, the save dialog places it. */
export function ExportCasesButton({ filter, feedback }: { filter: CaseFilter; feedback: Feedback }) {
  const t = useT();
  const { busy, run } = useSubmit();
  const exportNow = () =>
    run(async () => {
      const result = await call('cases.exportCsv', exportInput(filter));
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
