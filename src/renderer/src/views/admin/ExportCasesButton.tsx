import type { ChannelInput } from '../../../../shared/contract';
import type { CaseStatus } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { call } from '../../lib/api';
import { useSubmit } from '../../lib/use-submit';
import type { CaseFilter } from '../../stores/cases-store';
import type { Feedback } from './use-feedback';

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
  const { busy, run } = useSubmit();
  const exportNow = () =>
    run(async () => {
      const result = await call('cases.exportCsv', exportInput(filter));
      if (!result.ok) feedback.fail(result.error.message);
      else if (!result.data.saved) feedback.succeed('Export not saved.');
      else
        feedback.succeed(
          `Saved ${result.data.rows} ${result.data.rows === 1 ? 'case' : 'cases'} to ${result.data.path ?? result.data.fileName}.`,
        );
    });
  return (
    <Button size="sm" className="card-head-action" busy={busy} onClick={() => void exportNow()}>
      Export CSV…
    </Button>
  );
}
