import { useState } from 'react';
import type { BackupInfo } from '../../../../shared/contract';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState, Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { SecretField } from '../../components/SecretField';
import { useSubmit } from '../../lib/use-submit';
import { backUpNow, restoreBackup, useBackups } from '../../stores/backups-store';
import { useFeedback } from './use-feedback';
import { FeedbackBanners } from './FeedbackBanners';
import type { ReactNode } from 'react';
import type { MessageId } from '../../../../shared/i18n/translator';
import { useFormats, useT } from '../../i18n/i18n-store';
import { Msg } from '../../i18n/Msg';

const KIND_MESSAGE = { auto: 'backups.auto', manual: 'backups.manual' } as const satisfies Record<
  BackupInfo['kind'],
  MessageId
>;

function RestoreDialog({
  backup,
  onClose,
  onRestored,
}: {
  backup: BackupInfo;
  onClose(): void;
  onRestored(message: ReactNode): void;
}) {
  const t = useT();
  const formats = useFormats();
  const [passcode, setPasscode] = useState('');
  const { formRef, busy, errors, general, run, refuse } = useSubmit(['passcode']);
  const at = formats.absolute(backup.createdAt);

  const confirm = () =>
    run(async () => {
      const result = await restoreBackup(backup.name, passcode);
      setPasscode('');
      if (!result.ok) {
        refuse(result.error);
        return;
      }
      const kept = result.data.replacedFile;
      onRestored(
        kept ? (
          <Msg id="backups.restoredKept" values={{ at, file: <bdi dir="ltr">{kept}</bdi> }} />
        ) : (
          t('backups.restored', { at })
        ),
      );
    });

  return (
    <ConfirmDialog
      open
      title={t('backups.restoreTitle', { at })}
      message={
        <>
          <p>{t('backups.restoreBody', { at })}</p>
          <p>{t('backups.restoreKept')}</p>
        </>
      }
      confirmLabel={t('backups.restore')}
      tone="danger"
      busy={busy}
      error={general}
      formRef={formRef}
      onConfirm={() => void confirm()}
      onCancel={onClose}
    >
      <SecretField
        label={t('unlock.passcode')}
        purpose="current"
        hint={t('backups.passcodeHint')}
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
  const t = useT();
  const formats = useFormats();
  const { data, status, error, load } = useBackups();
  const feedback = useFeedback();
  const { busy, run } = useSubmit();
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backUp = () =>
    run(async () => {
      const result = await backUpNow();
      if (result.ok) {
        const { createdAt, sizeBytes, name } = result.data;
        feedback.succeed(
          <Msg
            id="backups.made"
            values={{
              at: formats.absolute(createdAt),
              size: formats.size(sizeBytes),
              name: <bdi dir="ltr">{name}</bdi>,
            }}
          />,
        );
      } else {
        feedback.fail(result.error.message);
      }
    });

  return (
    <section className="card" aria-labelledby="backups-title">
      <div className="card-head">
        <h2 id="backups-title">{t('backups.title')}</h2>
        <p className="card-sub">{t('backups.sub')}</p>
        <Button
          size="sm"
          variant="primary"
          className="card-head-action"
          busy={busy}
          busyLabel={t('backups.backingUp')}
          onClick={() => void backUp()}
        >
          {t('backups.now')}
        </Button>
      </div>
      {data.folder && (
        <p className="backup-folder">
          <Msg
            id="backups.savedIn"
            values={{
              folder: (
                <code className="path" dir="ltr">
                  {data.folder}
                </code>
              ),
            }}
          />
        </p>
      )}
      <FeedbackBanners feedback={feedback} />
      {error && (
        <ErrorBanner title={t('backups.loadFailed')} message={error.message} onRetry={() => void load()} />
      )}
      {status === 'loading' ? (
        <Loading what={t('backups.loading')} />
      ) : data.backups.length === 0 ? (
        status === 'ready' && <EmptyState title={t('backups.empty')}>{t('backups.emptyBody')}</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label={t('backups.title')}>
            <thead>
              <tr>
                <th scope="col">{t('backups.madeAt')}</th>
                <th scope="col">{t('backups.kind')}</th>
                <th scope="col" className="col-size">
                  {t('backups.size')}
                </th>
                <th scope="col" className="col-actions">
                  {t('table.actions')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.backups.map((backup) => {
                const at = formats.absolute(backup.createdAt);
                return (
                  <tr key={backup.name}>
                    <th scope="row">
                      {at}
                      <bdi className="cell-sub" dir="ltr">
                        {backup.name}
                      </bdi>
                    </th>
                    <td>{t(KIND_MESSAGE[backup.kind])}</td>
                    <td className="col-size">{formats.size(backup.sizeBytes)}</td>
                    <td className="col-actions">
                      <Button
                        size="sm"
                        aria-label={t('backups.restoreFrom', { at })}
                        onClick={() => {
                          feedback.clear();
                          setRestoring(backup);
                        }}
                      >
                        {t('backups.restoreButton')}
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
