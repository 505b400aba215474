import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  DEFAULT_POSTGRES_PORT,
  TLS_MODES,
  type ConnectionCheck,
  type DatabaseStatus,
  type SharedDatabaseFields,
  type TlsMode,
} from '../../../../shared/database';
import type { AppError } from '../../../../shared/result';
import type { MessageId } from '../../../../shared/i18n/translator';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { StatusBanner } from '../../components/StatusBanner';
import { call, callDraft, type Draft } from '../../lib/api';
import { useSubmit } from '../../lib/use-submit';
import { useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';
import { FeedbackBanners } from './FeedbackBanners';
import { useFeedback } from './use-feedback';

const TLS_OPTION = {
  off: 'dbPanel.tlsOffOption',
  required: 'dbPanel.tlsRequiredOption',
  verified: 'dbPanel.tlsVerifiedOption',
} as const satisfies Record<TlsMode, MessageId>;
const TLS_NOW = {
  off: 'dbPanel.tlsOff',
  required: 'dbPanel.tlsRequired',
  verified: 'dbPanel.tlsVerified',
} as const satisfies Record<TlsMode, MessageId>;
const FIELDS = ['host', 'port', 'database', 'user', 'password', 'tls', 'caFile'] as const;

/** The database this desk runs on, as main says (Admin decides what to show with it). */
export function useDatabaseStatus(): { status: DatabaseStatus | null; error: AppError | null; load(): void } {
  const [status, setStatus] = useState<DatabaseStatus | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const load = useCallback(() => {
    void call('database.status').then((result) => {
      setStatus(result.ok ? result.data : null);
      setError(result.ok ? null : result.error);
    });
  }, []);
  useEffect(load, [load]);
  return { status, error, load };
}

/** "db.store.lan:5432", kept left to right in any language. */
const serverOf = (fields: Pick<SharedDatabaseFields, 'host' | 'port'>) => (
  <bdi dir="ltr">{`${fields.host}:${fields.port}`}</bdi>
);

function CurrentDatabase({ status }: { status: DatabaseStatus }) {
  const t = useT();
  if (status.kind === 'sqlite') {
    return (
      <p className="backup-folder">
        <Msg
          id="dbPanel.onFile"
          values={{
            file: (
              <code className="path" dir="ltr">
                {status.file}
              </code>
            ),
          }}
        />
      </p>
    );
  }
  return (
    <div className="db-current">
      <p>
        <Msg
          id="dbPanel.onShared"
          values={{
            database: <UserText>{status.database}</UserText>,
            server: serverOf(status),
            user: <UserText>{status.user}</UserText>,
          }}
        />
      </p>
      <p>{t(TLS_NOW[status.tls])}</p>
      <p>{t(status.liveUpdates ? 'dbPanel.liveOn' : 'dbPanel.liveOff')}</p>
      {status.source !== 'saved' && (
        <p>{t(status.source === 'flag' ? 'dbPanel.fromFlag' : 'dbPanel.fromEnv')}</p>
      )}
      <p>{t('dbPanel.backupsOnServer')}</p>
    </div>
  );
}

/** A server name, database, user or file path: typed as is, left to right, never corrected. */
function NameField({
  label,
  error,
  hint,
  required = false,
  value,
  onChange,
}: {
  label: string;
  error: string | undefined;
  hint?: string;
  required?: boolean;
  value: string;
  onChange(value: string): void;
}) {
  return (
    <Field label={label} error={error} hint={hint} required={required} optional={!required}>
      {(control) => (
        <input
          {...control}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </Field>
  );
}

type Confirming = 'use' | 'move' | 'useLocal' | null;

/**
 * Admin → Database (issue 16): which database this desk runs on; a shared PostgreSQL tried,
 * chosen, or this desk moved into it; back to this workstation's own file. Main checks every
 * field and does the work (the shell keeps the password sealed and starts the app again).
 */
export function DatabasePanel({ status, error, load }: ReturnType<typeof useDatabaseStatus>) {
  const t = useT();
  const feedback = useFeedback();
  const [fields, setFields] = useState<SharedDatabaseFields>({
    host: '',
    port: DEFAULT_POSTGRES_PORT,
    database: '',
    user: '',
    password: '',
    tls: 'verified',
    caFile: '',
  });
  const [port, setPort] = useState(String(DEFAULT_POSTGRES_PORT));
  /** The last successful test, for exactly these fields: moving needs an empty database. */
  const [tested, setTested] = useState<{ fields: SharedDatabaseFields; check: ConnectionCheck } | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [restarting, setRestarting] = useState(false);
  const form = useSubmit(FIELDS);
  const { formRef, errors } = form;
  const dialog = useSubmit(FIELDS);
  const { formRef: dialogRef } = dialog;

  const set = <K extends keyof SharedDatabaseFields>(key: K, value: SharedDatabaseFields[K]) => {
    setFields((current) => ({ ...current, [key]: value }));
    setTested(null);
    form.clearField(key);
  };
  // The port as typed: a number goes to main as a number, anything else as typed, for main to refuse.
  const payload = (): Draft<'database.test'> => {
    const typed = port.trim();
    return { ...fields, port: /^\d+$/.test(typed) ? Number(typed) : typed };
  };

  const test = (event: FormEvent) => {
    event.preventDefault();
    return form.run(async () => {
      feedback.clear();
      const sent = payload();
      const result = await callDraft('database.test', sent);
      if (!result.ok) {
        form.refuse(result.error, feedback.fail);
        return;
      }
      form.clear();
      setTested({ fields, check: result.data });
      feedback.succeed(
        t(result.data.empty ? 'dbPanel.testedEmpty' : 'dbPanel.testedDesk', {
          version: result.data.serverVersion,
        }),
      );
    });
  };

  const restartOn = (
    result: { ok: true; data: { restarting: boolean } } | { ok: false; error: AppError },
  ) => {
    if (!result.ok) {
      dialog.refuse(result.error);
      return false;
    }
    setConfirming(null);
    if (result.data.restarting) setRestarting(true);
    load();
    return true;
  };

  const confirm = () =>
    dialog.run(async () => {
      if (confirming === 'useLocal') {
        restartOn(await call('database.useLocal'));
        return;
      }
      if (confirming === 'move') {
        const moved = await callDraft<'database.move'>('database.move', payload());
        if (!moved.ok) {
          dialog.refuse(moved.error);
          return;
        }
        const rows = moved.data.tables.reduce((sum, table) => sum + table.rows, 0);
        feedback.succeed(t('dbPanel.moved', { rows, seconds: (moved.data.durationMs / 1000).toFixed(1) }));
      }
      restartOn(await callDraft<'database.use'>('database.use', payload()));
    });

  const canMove = status?.kind === 'sqlite' && tested?.check.empty === true && tested.fields === fields;
  const dialogText = {
    use: { title: 'dbPanel.useTitle', body: 'dbPanel.useBody', confirm: 'dbPanel.useConfirm' },
    move: { title: 'dbPanel.moveTitle', body: 'dbPanel.moveBody', confirm: 'dbPanel.moveConfirm' },
    useLocal: {
      title: 'dbPanel.useLocalTitle',
      body: 'dbPanel.useLocalBody',
      confirm: 'dbPanel.useLocalConfirm',
    },
  } as const satisfies Record<Exclude<Confirming, null>, Record<string, MessageId>>;
  const managed = status?.kind === 'postgres' && status.source !== 'saved';

  return (
    <section className="card" aria-labelledby="database-title">
      <div className="card-head">
        <h2 id="database-title">{t('dbPanel.title')}</h2>
        <p className="card-sub">{t('dbPanel.sub')}</p>
        {status?.kind === 'postgres' && status.source === 'saved' && (
          <Button
            size="sm"
            className="card-head-action"
            disabled={restarting}
            onClick={() => {
              dialog.clear();
              setConfirming('useLocal');
            }}
          >
            {t('dbPanel.useLocal')}
          </Button>
        )}
      </div>
      {error && <ErrorBanner title={t('dbPanel.loadFailed')} message={error.message} onRetry={load} />}
      {status && <CurrentDatabase status={status} />}
      {restarting && <StatusBanner tone="info">{t('dbPanel.restarting')}</StatusBanner>}
      <FeedbackBanners feedback={feedback} />
      {status && !managed && (
        <form
          ref={formRef}
          className="db-form"
          aria-label={t('dbPanel.formLabel')}
          noValidate
          onSubmit={(event) => void test(event)}
        >
          <h3>{t('dbPanel.formTitle')}</h3>
          {!status.canSavePassword && <p className="field-hint">{t('dbPanel.noKeychain')}</p>}
          <div className="db-fields">
            <NameField
              label={t('field.dbHost')}
              error={errors.host}
              required
              value={fields.host}
              onChange={(value) => set('host', value)}
            />
            <Field label={t('field.dbPort')} error={errors.port} required>
              {(control) => (
                <input
                  {...control}
                  dir="ltr"
                  inputMode="numeric"
                  value={port}
                  onChange={(event) => {
                    setPort(event.target.value);
                    setTested(null);
                    form.clearField('port');
                  }}
                />
              )}
            </Field>
            <NameField
              label={t('field.dbName')}
              error={errors.database}
              required
              value={fields.database}
              onChange={(value) => set('database', value)}
            />
            <NameField
              label={t('field.dbUser')}
              error={errors.user}
              required
              value={fields.user}
              onChange={(value) => set('user', value)}
            />
            <Field label={t('field.dbPassword')} error={errors.password} hint={t('dbPanel.passwordHint')}>
              {(control) => (
                <input
                  {...control}
                  type="password"
                  autoComplete="off"
                  value={fields.password}
                  onChange={(event) => set('password', event.target.value)}
                />
              )}
            </Field>
            <Field label={t('field.dbTls')} error={errors.tls} required>
              {(control) => (
                <select
                  {...control}
                  value={fields.tls}
                  onChange={(event) => {
                    const mode = TLS_MODES.find((m) => m === event.target.value);
                    if (mode) set('tls', mode);
                  }}
                >
                  {TLS_MODES.map((mode) => (
                    <option key={mode} value={mode}>
                      {t(TLS_OPTION[mode])}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {fields.tls === 'verified' && (
              <NameField
                label={t('field.dbCaFile')}
                error={errors.caFile}
                hint={t('dbPanel.caFileHint')}
                value={fields.caFile ?? ''}
                onChange={(value) => set('caFile', value)}
              />
            )}
          </div>
          <div className="db-actions">
            <Button type="submit" busy={form.busy} busyLabel={t('dbPanel.testing')} disabled={restarting}>
              {t('dbPanel.test')}
            </Button>
            <Button
              disabled={!tested || tested.fields !== fields || restarting}
              onClick={() => {
                dialog.clear();
                setConfirming('use');
              }}
            >
              {t('dbPanel.use')}
            </Button>
            {status.kind === 'sqlite' && (
              <Button
                variant="primary"
                disabled={!canMove || restarting}
                onClick={() => {
                  dialog.clear();
                  setConfirming('move');
                }}
              >
                {t('dbPanel.move')}
              </Button>
            )}
          </div>
        </form>
      )}
      {confirming && (
        <ConfirmDialog
          open
          title={t(dialogText[confirming].title, {
            database: fields.database,
            server: `${fields.host}:${port.trim()}`,
          })}
          message={
            <>
              <p>{t(dialogText[confirming].body)}</p>
              {dialog.busy && confirming === 'move' && <p className="field-hint">{t('dbPanel.moving')}</p>}
            </>
          }
          confirmLabel={t(dialogText[confirming].confirm)}
          busy={dialog.busy}
          error={dialog.general ?? Object.values(dialog.errors)[0] ?? null}
          formRef={dialogRef}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
