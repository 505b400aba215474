import { useEffect, useState, type FormEvent } from 'react';
import type { RecoveryApi, RecoveryChoices } from '../../../shared/recovery';
import { Button } from '../components/Button';
import { EmptyState, Loading } from '../components/EmptyState';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { SecretField } from '../components/SecretField';
import { formatSize } from '../lib/format';
import { formatAbsolute } from '../lib/time';
import { useSubmit } from '../lib/use-submit';

/**
 * Restore a backup when the desk cannot be opened: choose one of this desk's
 * backups and give that backup's supervisor passcode. Main checks the passcode
 * against the backup itself; a refusal changes nothing.
 */
export function RecoveryView({ api }: { api: RecoveryApi }) {
  const [choices, setChoices] = useState<RecoveryChoices | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [passcode, setPasscode] = useState('');
  const { formRef, busy, errors, general, run, refuse, clear } = useSubmit(['name', 'passcode']);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    void api.choices().then((result) => {
      if (!result.ok) return setLoadError(result.error.message);
      setChoices(result.data);
      setName(result.data.backups[0]?.name ?? '');
    });
  }, [api]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      const result = await api.restore({ name, passcode });
      setPasscode('');
      if (!result.ok) return refuse(result.error);
      clear();
      setDone(result.data.restored);
    });
  };

  return (
    <main className="recovery">
      <h1>Restore a backup</h1>
      {loadError && <ErrorBanner message={loadError} />}
      {!choices && !loadError && <Loading what="backups" />}
      {choices && (
        <>
          <p>
            ReturnDesk cannot open <code>{choices.dbPath}</code>: {choices.problem}
          </p>
          <p>
            Restoring puts a backup in the desk&apos;s place. The file it replaces is kept beside it. A
            restore needs the supervisor passcode that was set when the backup was taken.
          </p>
          {done ? (
            <p role="status" className="banner banner-success">
              Restored {done}. The desk is opening…
            </p>
          ) : choices.backups.length === 0 ? (
            <>
              <EmptyState title="No backups found">
                Backups are kept in <code>{choices.folder}</code>. Copy one there and open ReturnDesk again,
                or go back and open another file.
              </EmptyState>
              <div className="form-actions">
                <Button onClick={() => void api.cancel()}>Back</Button>
              </div>
            </>
          ) : (
            <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
              {general && <ErrorBanner message={general} />}
              <Field label="Backup" error={errors.name} hint={`From ${choices.folder}`} required>
                {(control) => (
                  <select
                    {...control}
                    value={name}
                    onChange={(event) => {
                      setName(event.target.value);
                      clear();
                    }}
                  >
                    {choices.backups.map((backup) => (
                      <option key={backup.name} value={backup.name}>
                        {formatAbsolute(backup.createdAt)} ·{' '}
                        {backup.kind === 'manual' ? 'Manual' : 'Automatic'} · {formatSize(backup.sizeBytes)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <SecretField
                label="Supervisor passcode of this backup"
                purpose="current"
                value={passcode}
                onChange={(value) => {
                  setPasscode(value);
                  clear();
                }}
                error={errors.passcode}
                inputProps={{ autoFocus: true }}
              />
              <div className="form-actions">
                <Button type="submit" variant="danger" busy={busy} busyLabel="Restoring…">
                  Restore this backup
                </Button>
                <Button onClick={() => void api.cancel()} disabled={busy}>
                  Back
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </main>
  );
}
