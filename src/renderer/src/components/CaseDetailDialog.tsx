import { Button } from './Button';
import { CaseDetails } from './CaseDetails';
import { Dialog } from './Dialog';
import { Loading } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { useCaseDetail } from '../stores/cases-store';

/** One case in full, kept live while open. */
export function CaseDetailDialog({
  id,
  reference,
  onClose,
}: {
  id: number;
  reference: string;
  onClose(): void;
}) {
  const detail = useCaseDetail(id);
  return (
    <Dialog
      title={`Case ${reference}`}
      wide
      onSubmit={onClose}
      onClose={onClose}
      footer={
        <Button type="submit" variant="primary">
          Close
        </Button>
      }
    >
      {detail.data ? (
        <CaseDetails detail={detail.data} headingLevel={3} />
      ) : detail.error ? (
        <ErrorBanner message={detail.error.message} />
      ) : (
        <Loading what="the case" />
      )}
    </Dialog>
  );
}
