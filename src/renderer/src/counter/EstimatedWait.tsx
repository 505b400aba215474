import { useEffect, useState } from 'react';
import { formatWait, type WaitEstimate } from '../../../shared/counter';
import { call } from '../lib/api';
import { useT } from '../i18n/i18n-store';

/**
 * "Estimated wait: about 10–15 min" for a queued case, as main estimates it (the same figure as
 * the slip and the display). Asked again whenever its place in the queue or the agents change.
 */
export function EstimatedWait({
  caseId,
  position,
  agentsOnDuty,
}: {
  caseId: number;
  position: number | null;
  agentsOnDuty: number;
}) {
  const t = useT();
  const [estimate, setEstimate] = useState<{ for: string; value: WaitEstimate | null } | null>(null);
  const key = `${caseId}:${position}:${agentsOnDuty}`;
  useEffect(() => {
    let current = true;
    void call('slips.get', { id: caseId }).then((result) => {
      if (current && result.ok) setEstimate({ for: key, value: result.data.estimate });
    });
    return () => {
      current = false;
    };
  }, [caseId, key]);
  if (!estimate || estimate.for !== key) return null;
  return (
    <span className="estimated-wait">{t('wait.estimated', { wait: formatWait(estimate.value, t) })}</span>
  );
}
