import { useEffect, useState, type FormEvent } from 'react';
import type { RecoveryApi, RecoveryChoices } from '../../../shared/recovery';
import { Button } from '../components/Button';
import { EmptyState, Loading } from '../components/EmptyState';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { SecretField } from '../components/SecretField';
import { useSubmit } from '../lib/use-submit';
import { useFormats, useT } from '../i18n/i18n-store';
import { Msg } from '../i18n/Msg';

/**
 * Restore a backup when the desk cannot be opened: choose one of this desk's
 * backups and give that backup's supervisor passcode. Main checks the passcode
 * against the backup itself; a refusal changes nothing.
 */
export function RecoveryView({ api }: { api: RecoveryApi }) {
  const t = useT();
  const formats = useFormats();
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
      <h1>{t('recoveryPage.title')}</h1>
      {loadError && <ErrorBanner message={loadError} />}
      {!choices && !loadError && <Loading what={t('backups.loading')} />}
      {choices && (
        <>
          <p>
            <Msg
              id="recoveryPage.cannotOpen"
              values={{ path: <code dir="ltr">{choices.dbPath}</code>, problem: choices.problem }}
            />
          </p>
          <p>{t('recoveryPage.explain')}</p>
          {done ? (
            <p role="status" className="banner banner-success">
              <Msg id="recoveryPage.restored" values={{ name: <bdi dir="ltr">{done}</bdi> }} />
            </p>
          ) : choices.backups.length === 0 ? (
            <>
              <EmptyState title={t('recoveryPage.none')}>
                <Msg
                  id="recoveryPage.noneBody"
                  values={{ folder: <code dir="ltr">{choices.folder}</code> }}
                />
              </EmptyState>
              <div className="form-actions">
                <Button onClick={() => void api.cancel()}>{t('recoveryPage.back')}</Button>
              </div>
            </>
          ) : (
            <form ref={formRef} onSubmit={(event) => void submit(event)} noValidate>
              {general && <ErrorBanner message={general} />}
              <Field
                label={t('recoveryPage.backup')}
                error={errors.name}
                hint={
                  <Msg id="recoveryPage.from" values={{ folder: <bdi dir="ltr">{choices.folder}</bdi> }} />
                }
                required
              >
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
                        {t('recoveryPage.option', {
                          at: formats.absolute(backup.createdAt),
                          kind: backup.kind,
                          size: formats.size(backup.sizeBytes),
                        })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <SecretField
                label={t('recoveryPage.passcode')}
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
                <Button type="submit" variant="danger" busy={busy} busyLabel={t('recoveryPage.restoring')}>
                  {t('recoveryPage.restore')}
                </Button>
                <Button onClick={() => void api.cancel()} disabled={busy}>
                  {t('recoveryPage.back')}
                </Button>
              </div>
            </form>
          )}
        </>
      )}
    </main>
  );
}
