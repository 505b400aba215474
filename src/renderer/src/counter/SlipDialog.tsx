import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { SlipDto } from '../../../shared/counter';
import type { AppError } from '../../../shared/result';
import { Button } from '../components/Button';
import { Dialog } from '../components/Dialog';
import { Loading } from '../components/EmptyState';
import { ErrorBanner } from '../components/ErrorBanner';
import { StatusBanner } from '../components/StatusBanner';
import { call, onDeskChange } from '../lib/api';
import { useT } from '../i18n/i18n-store';
import { ReturnSlip } from './ReturnSlip';
import './slip.css';

/**
 * The return slip of one case: a preview, Print (the print dialog, or the default printer if
 * the desk chose so in Admin) and Save as PDF. The slip is also placed once more at the end of
 * the page, where the print stylesheet shows it alone: main prints this window.
 */
export function SlipDialog({
  caseId,
  reference,
  onClose,
}: {
  caseId: number;
  reference: string;
  onClose(): void;
}) {
  const t = useT();
  const [slip, setSlip] = useState<SlipDto | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState<'print' | 'pdf' | null>(null);
  const [done, setDone] = useState<string | null>(null);

  useEffect(() => {
    let latest = 0;
    const load = async () => {
      const ticket = ++latest;
      const result = await call('slips.get', { id: caseId });
      if (ticket !== latest) return;
      if (result.ok) {
        setSlip(result.data);
        setError(null);
      } else setError(result.error);
    };
    void load();
    // The place in the queue and the estimate move while the dialog is open.
    return onDeskChange((change) => {
      if (change.entities.includes('cases') || change.entities.includes('agents')) void load();
    });
  }, [caseId]);

  const print = async () => {
    setBusy('print');
    setDone(null);
    const result = await call('slips.print', { id: caseId });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    const { printed, direct, reason } = result.data;
    setDone(
      printed
        ? t(direct ? 'slip.sentDefault' : 'slip.sent')
        : reason
          ? t('slip.notPrintedBecause', { reason })
          : t('slip.notPrinted'),
    );
  };

  const savePdf = async () => {
    setBusy('pdf');
    setDone(null);
    const result = await call('slips.savePdf', { id: caseId });
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setDone(
      result.data.saved
        ? t('slip.savedAs', { path: result.data.path ?? result.data.fileName })
        : t('slip.notSaved'),
    );
  };

  return (
    <Dialog
      title={t('slip.label', { reference })}
      onSubmit={onClose}
      onClose={onClose}
      footer={
        <>
          <Button
            onClick={() => void savePdf()}
            disabled={!slip}
            busy={busy === 'pdf'}
            busyLabel={t('common.saving')}
          >
            {t('slip.savePdf')}
          </Button>
          <Button
            onClick={() => void print()}
            disabled={!slip}
            busy={busy === 'print'}
            busyLabel={t('slip.printing')}
          >
            {t('slip.print')}
          </Button>
          <Button type="submit" variant="primary">
            {t('common.close')}
          </Button>
        </>
      }
    >
      {error && <ErrorBanner message={error.message} onDismiss={() => setError(null)} />}
      {done && <StatusBanner onDismiss={() => setDone(null)}>{done}</StatusBanner>}
      {slip ? (
        <div className="slip-preview">
          <ReturnSlip slip={slip} />
        </div>
      ) : (
        !error && <Loading what={t('slip.loadingWhat')} />
      )}
      {slip &&
        createPortal(
          <div className="print-slip" aria-hidden="true">
            <ReturnSlip slip={slip} />
          </div>,
          document.body,
        )}
    </Dialog>
  );
}
