import { Button } from './Button';
import { CustomerProfile } from './CustomerProfile';
import { Dialog } from './Dialog';

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
  return (
    <Dialog
      title={`Customer ${name}`}
      wide
      onSubmit={onClose}
      onClose={onClose}
      footer={
        <Button type="submit" variant="primary">
          Close
        </Button>
      }
    >
      <CustomerProfile customerId={customerId} />
    </Dialog>
  );
}
