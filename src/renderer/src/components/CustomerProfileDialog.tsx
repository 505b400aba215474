import { Button } from './Button';
import { CustomerProfile } from './CustomerProfile';
import { Dialog } from './Dialog';
import { useT } from '../i18n/i18n-store';

/** A customer's profile on its own (details editable, past cases), e.g. from intake's chosen customer. */
export function CustomerProfileDialog({
  customerId,
  name,
  onClose,
}: {
  customerId: number;
  name: string;
  onClose(): void;
}) {
  const t = useT();
  return (
    <Dialog
      title={t('dialog.customerTitle', { name })}
      wide
      onSubmit={onClose}
      onClose={onClose}
      footer={
        <Button type="submit" variant="primary">
          {t('common.close')}
        </Button>
      }
    >
      <CustomerProfile customerId={customerId} />
    </Dialog>
  );
}
