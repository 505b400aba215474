import { useCallback, useRef, useState } from 'react';
import type { CaseDto } from '../../../../shared/domain';
import { Button } from '../../components/Button';
import { Loading } from '../../components/EmptyState';
import { ErrorBanner } from '../../components/ErrorBanner';
import { StatusBanner } from '../../components/StatusBanner';
import { useAuth } from '../../stores/auth-store';
import { UnlockAdmin } from '../auth/UnlockAdmin';
import { AgentsPanel } from './AgentsPanel';
import { BackupsPanel } from './BackupsPanel';
import { DatabasePanel, useDatabaseStatus } from './DatabasePanel';
import { AppVersion } from '../../components/AppVersion';
import { CaseDetailDialog } from '../../components/CaseDetailDialog';
import { CasesPanel } from './CasesPanel';
import { ChangePasscodeDialog } from './ChangePasscodeDialog';
import { QueuePanel } from './QueuePanel';
import { SignOutPanel } from './SignOutPanel';
import { SkillsPanel } from './skills/SkillsPanel';
import { DashboardPanel } from './dashboard/DashboardPanel';
import { ReportsPanel } from './dashboard/ReportsPanel';
import { CounterPanel } from '../../counter/CounterPanel';
import { OpenDemoDesk } from '../../counter/DemoDesk';
import { useT } from '../../i18n/i18n-store';
import { LanguagePanel } from './LanguagePanel';

/** Everything a supervisor manages; mounted only while Admin is unlocked. */
function AdminContent() {
  const [open, setOpen] = useState<{ c: CaseDto; profile: boolean } | null>(null);
  // The same functions on every render: the case tables' rows are memoised on them.
  const openCase = useCallback((c: CaseDto) => setOpen({ c, profile: false }), []);
  const openCustomer = useCallback((c: CaseDto) => setOpen({ c, profile: true }), []);
  const database = useDatabaseStatus();
  return (
    <>
      <OpenDemoDesk />
      <DashboardPanel />
      <div className="admin-top">
        <AgentsPanel />
        <QueuePanel onOpenCase={openCase} />
      </div>
      <SkillsPanel />
      <CasesPanel onOpenCase={openCase} onOpenCustomer={openCustomer} />
      <ReportsPanel />
      <SignOutPanel />
      <CounterPanel />
      <LanguagePanel />
      <DatabasePanel {...database} />
      {/* A shared database's backups are the server's (the Database panel says so). */}
      {database.status?.kind === 'sqlite' && <BackupsPanel />}
      {open && (
        <CaseDetailDialog
          key={`${open.c.id}-${open.profile}`}
          id={open.c.id}
          reference={open.c.reference}
          withCustomerProfile
          startWithProfile={open.profile}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}

export function AdminView() {
  const t = useT();
  const { session, status, error, load } = useAuth();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [changing, setChanging] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const unlocked = status === 'ready' && session.role === 'supervisor';

  return (
    <div className="view view-admin">
      <div className="view-head">
        <h1 ref={headingRef} tabIndex={-1}>
          {t('admin.title')}
        </h1>
        <p className="view-lede">{t('admin.lede')}</p>
        {unlocked && (
          <Button size="sm" className="view-head-action" onClick={() => setChanging(true)}>
            {t('admin.changePasscode')}
          </Button>
        )}
      </div>
      <StatusBanner onDismiss={done ? () => setDone(null) : undefined}>{unlocked && done}</StatusBanner>
      {status !== 'ready' ? (
        error ? (
          <ErrorBanner title={t('admin.openFailed')} message={error.message} onRetry={() => void load()} />
        ) : (
          <Loading what={t('nav.admin')} />
        )
      ) : unlocked ? (
        <AdminContent />
      ) : (
        <UnlockAdmin
          onUnlocked={() => {
            // A dialog open when Admin locked itself does not come back on its own.
            setChanging(false);
            setDone(null);
            headingRef.current?.focus();
          }}
        />
      )}
      {unlocked && changing && (
        <ChangePasscodeDialog
          onClose={() => setChanging(false)}
          onChanged={() => {
            setChanging(false);
            setDone(t('admin.passcodeChanged'));
          }}
        />
      )}
      <AppVersion />
    </div>
  );
}
