import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SecretField } from '../../components/SecretField';
import { StatusBanner } from '../../components/StatusBanner';
import { formatSize } from '../../lib/format';
import { formatAbsolute } from '../../lib/time';
import { useSubmit } from '../../lib/use-submit';
import { backUpNow, restoreBackup, useBackups } from '../../stores/backups-store';
import { useFeedback } from './use-feedback';

const KIND_LABELS: Record<BackupInfo['kind'], string> = { auto: 'Automatic', manual: 'Manual' };

function RestoreDialog({
  backup,
  onClose,
  onRestored,
}: {
  backup: BackupInfo;
  onClose(): void;
  onRestored(message: string): void;
}) {
  const [passcode, setPasscode] = useState('');
  const { formRef, busy, errors, general, run, refuse } = useSubmit(['passcode']);
  const at = formatAbsolute(backup.createdAt);

  const confirm = () =>
    run(async () => {
      const result = await restoreBackup(backup.name, passcode);
      setPasscode('');
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      const kept = result.data.replacedFile
        ? ` The database it replaced is kept as ${result.data.replacedFile}.`
        : '';
      onRestored(`Restored the backup from ${at}.${kept}`);
    });

  return (
    <ConfirmDialog
      open
      title={`Restore the backup from ${at}?`}
      message={
        <>
          <p>
            The desk goes back to how it was at {at}. Cases logged since then will not be in it, and any other
            change made since then is undone too.
          </p>
          <p>
            The current database is kept as a separate file beside it, so nothing is lost; its name is shown
            when the restore is done.
          </p>
        </>
      }
      confirmLabel="Restore"
      tone="danger"
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <SecretField
        label="Supervisor passcode"
        purpose="current"
        hint="Asked again before a restore, even with Admin unlocked"
        error={errors.passcode}
        value={passcode}
        onChange={setPasscode}
        inputProps={{ 'data-autofocus': true }}
      />
    </ConfirmDialog>
  );
}

/** Where the backups are, which there are, and the two things a supervisor does with them. */
export function BackupsPanel() {
  const { data, status, error, load } = useBackups();
  const feedback = useFeedback();
  const { busy, run } = useSubmit();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backUp = () =>
    run(async () => {
      const result = await backUpNow();
      if (result.ok) {
        const { createdAt, sizeBytes, name } = result.data;
        feedback.succeed(`Backup made at ${formatAbsolute(createdAt)} (${formatSize(sizeBytes)}): ${name}.`);
      } else {
        feedback.fail(result.error.message);
      }
    });

  return (
    <section className="card" aria-labelledby="backups-title">
      <div className="card-head">
        <h2 id="backups-title">Backups</h2>
        <p className="card-sub">
          A copy is made automatically each day; make one yourself before a big change
        </p>
        <Button
          size="sm"
          variant="primary"
          className="card-head-action"
          busy={busy}
          busyLabel="Backing up…"
          onClick={() => void backUp()}
        >
          Back up now
        </Button>
      </div>
      {data.folder && (
        <p className="backup-folder">
          Saved in <code className="path">{data.folder}</code>
        </p>
      )}
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
      {error && (
        <ErrorBanner
          title="Could not list the backups."
          message={error.message}
          onRetry={() => void load()}
        />
      )}
      {status === 'loading' ? (
        <Loading what="backups" />
      ) : data.backups.length === 0 ? (
        status === 'ready' && (
          <EmptyState title="No backups yet">Use “Back up now” to make the first one.</EmptyState>
        )
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Backups">
            <thead>
              <tr>
                <th scope="col">Made</th>
                <th scope="col">Kind</th>
                <th scope="col" className="col-size">
                  Size
                </th>
                <th scope="col" className="col-actions">
                  Actions
                </th>
              </tr>
            </thead>
            <tbody>
              {data.backups.map((backup) => {
                const at = formatAbsolute(backup.createdAt);
                return (
                  <tr key={backup.name}>
                    <th scope="row">
                      {at}
                      <span className="cell-sub">{backup.name}</span>
                    </th>
                    <td>{KIND_LABELS[backup.kind]}</td>
                    <td className="col-size">{formatSize(backup.sizeBytes)}</td>
                    <td className="col-actions">
                      <Button
                        size="sm"
                        aria-label={`Restore the backup from ${at}`}
                        onClick={() => {
                          feedback.clear();
                          setRestoring(backup);
                        }}
                      >
                        Restore…
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {restoring && (
        <RestoreDialog
          backup={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(message) => {
            setRestoring(null);
            feedback.succeed(message);
          }}
        />
      )}
    </section>
  );
}
