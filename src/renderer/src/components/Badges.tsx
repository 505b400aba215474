import { PRIORITY_MESSAGE, STATUS_MESSAGE, type CaseStatus, type Priority } from '../../../shared/domain';
import { useT } from '../i18n/i18n-store';

export function StatusBadge({ status }: { status: CaseStatus }) {
  const t = useT();
  return <span className={`badge badge-status-${status}`}>{t(STATUS_MESSAGE[status])}</span>;
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const t = useT();
  return <span className={`badge badge-priority-${priority}`}>{t(PRIORITY_MESSAGE[priority])}</span>;
}
