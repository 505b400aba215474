import { SERVICE_LEVEL_MINUTES } from '../../../../../shared/reports';
import { callDraft } from '../../../lib/api';
import { MinutesSettingForm } from '../MinutesSettingForm';
import type { Feedback } from '../use-feedback';
import { useT } from '../../../i18n/i18n-store';

const MINUTE_MS = 60_000;

/**
 * The service level's threshold, in whole minutes. Main checks the value and stores it; its
 * change event makes every open dashboard recompute. Mounted with `key={thresholdMs}`, so a
 * threshold saved in another window replaces what this form shows.
 */
export function ServiceLevelForm({ thresholdMs, feedback }: { thresholdMs: number; feedback: Feedback }) {
  const t = useT();
  return (
    <MinutesSettingForm
      name={t('serviceLevel.form')}
      className="gate-row service-level-form"
      field={{
        key: 'thresholdMinutes',
        label: t('serviceLevel.label'),
        hint: t('serviceLevel.hint', SERVICE_LEVEL_MINUTES),
      }}
      initialMinutes={Math.round(thresholdMs / MINUTE_MS)}
      save={(thresholdMinutes) => callDraft('reports.setServiceLevel', { thresholdMinutes })}
      saved={(data) => {
        const minutes = data.thresholdMs / MINUTE_MS;
        return {
          minutes,
          message: t('serviceLevel.saved', { minutes }),
        };
      }}
      feedback={feedback}
      submitLabel={t('serviceLevel.save')}
    />
  );
}
