import { useState } from 'react';
import { Button } from './Button';
import { CustomerProfile } from './CustomerProfile';
import { CaseDetails } from './CaseDetails';
import { Dialog } from './Dialog';
import { Loading } from './EmptyState';
import { ErrorBanner } from './ErrorBanner';
import { useCaseDetail } from '../stores/cases-store';
import { SlipDialog } from '../counter/SlipDialog';
import { useT } from '../i18n/i18n-store';

/** One case in full, kept live while open. */
export function CaseDetailDialog({
  id,
  reference,
  onClose,
  withCustomerProfile = false,
  startWithProfile = false,
}: {
  id: number;
  reference: string;
  onClose(): void;
  /** Offer the customer's profile (editable, with past cases): Admin does; the desk's lookup is read-only. */
  withCustomerProfile?: boolean;
  /** Open on the customer's profile (a search result's "Customer…"); the case is one click away. */
  startWithProfile?: boolean;
}) {
  const t = useT();
  const detail = useCaseDetail(id);
  const [profile, setProfile] = useState(startWithProfile);
  const [slipOpen, setSlipOpen] = useState(false);
  const customer = withCustomerProfile ? detail.data?.customer : undefined;
  return (
    <Dialog
      title={
        profile && customer
          ? t('dialog.customerTitle', { name: customer.name })
          : t('dialog.caseTitle', { reference })
      }
      wide
      onSubmit={onClose}
      onClose={onClose}
      footer={
        <>
          {customer && (
            <Button onClick={() => setProfile((p) => !p)}>
              {profile ? t('dialog.backToCase', { reference }) : t('dialog.customerProfile')}
            </Button>
          )}
          <Button onClick={() => setSlipOpen(true)}>{t('slip.open')}</Button>
          <Button type="submit" variant="primary">
            {t('common.close')}
          </Button>
        </>
      }
    >
      {slipOpen && <SlipDialog caseId={id} reference={reference} onClose={() => setSlipOpen(false)} />}
      {profile && customer ? (
        <CustomerProfile customerId={customer.id} />
      ) : detail.data ? (
        <CaseDetails detail={detail.data} headingLevel={3} />
      ) : detail.error ? (
        <ErrorBanner message={detail.error.message} />
      ) : (
        <Loading what={t('dialog.loadingCase')} />
      )}
    </Dialog>
  );
}
