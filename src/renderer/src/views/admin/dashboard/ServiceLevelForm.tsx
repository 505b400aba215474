import { SERVICE_LEVEL_MINUTES } from '../../../../../shared/reports';
import { callDraft } from '../../../lib/api';
import { MinutesSettingForm } from '../MinutesSettingForm';
import type { Feedback } from '../use-feedback';

const MINUTE_MS = 60_000;

/**
 * The service level's threshold, in whole minutes. Main checks the value and stores it; its
 * change event makes every open dashboard recompute. Mounted with `key={thresholdMs}`, so a
 * threshold saved in another window replaces what this form shows.
 */
export function ServiceLevelForm({ thresholdMs, feedback }: { thresholdMs: number; feedback: Feedback }) {
  return (
    <MinutesSettingForm
      name="Service level target"
      className="gate-row service-level-form"
      field={{
        key: 'thresholdMinutes',
        label: 'Service level target (minutes)',
        hint: `A case should reach an agent within this time (${SERVICE_LEVEL_MINUTES.min} to ${SERVICE_LEVEL_MINUTES.max})`,
      }}
      initialMinutes={Math.round(thresholdMs / MINUTE_MS)}
      save={(thresholdMinutes) => callDraft('reports.setServiceLevel', { thresholdMinutes })}
      saved={(data) => {
        const minutes = data.thresholdMs / MINUTE_MS;
        return {
          minutes,
          message: `Saved. Service level counts cases that reach an agent within ${minutes} min.`,
        };
      }}
      feedback={feedback}
      submitLabel="Save target"
    />
  );
}
