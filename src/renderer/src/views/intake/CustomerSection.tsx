// The intake's customer: the finder, a new customer typed in, or the one chosen. The state
// and its steps are useCustomerChoice's; this draws whichever applies.
import type { CustomerDto } from '../../../../shared/domain';
import type { FieldErrors } from '../../lib/errors';
import { Button } from '../../components/Button';
import { CustomerFinder } from './CustomerFinder';
import { NewCustomerFields } from './NewCustomerFields';
import type { CustomerChoice } from './use-customer-choice';

function SelectedCustomer({
  customer,
  onChange,
  onShowProfile,
}: {
  customer: CustomerDto;
  onChange(): void;
  onShowProfile(): void;
}) {
  return (
    <div className="selected-customer" aria-label="Selected customer" role="group">
      <div>
        {/* A long name is cut to two lines on screen; the whole of it is in the tooltip. */}
        <p className="selected-name" title={customer.name}>
          {customer.name}
        </p>
        <p className="selected-meta">
          {customer.email && <span>{customer.email}</span>}
          {customer.phone && <span>{customer.phone}</span>}
          {!customer.email && !customer.phone && <span>No contact details</span>}
        </p>
      </div>
      <div className="selected-actions">
        <Button size="sm" variant="ghost" onClick={onShowProfile}>
          Profile…
        </Button>
        <Button size="sm" onClick={onChange}>
          Change customer
        </Button>
      </div>
    </div>
  );
}

export function CustomerSection({ choice, errors }: { choice: CustomerChoice; errors: FieldErrors }) {
  const { customer, creating, newCustomer, existing, finderKey, finderRef, newNameRef } = choice;
  return (
    <fieldset className="form-section">
      <legend className="section-title">Customer</legend>
      {customer ? (
        <SelectedCustomer customer={customer} onChange={choice.change} onShowProfile={choice.openProfile} />
      ) : creating ? (
        <>
          <NewCustomerFields
            draft={newCustomer}
            errors={errors}
            onChange={choice.editNew}
            firstRef={newNameRef}
          />
          {existing && (
            <div className="use-existing">
              <span>
                {existing.name} already has this email
                {existing.phone ? ` (${existing.phone})` : ''}.
              </span>
              <Button size="sm" variant="primary" onClick={() => choice.takeExisting(existing)}>
                Use this customer
              </Button>
            </div>
          )}
          <Button size="sm" variant="ghost" className="back-to-search" onClick={choice.change}>
            Back to customer search
          </Button>
        </>
      ) : (
        <CustomerFinder
          key={finderKey}
          inputRef={finderRef}
          error={errors.customerId}
          onSelect={choice.choose}
          onCreateNew={choice.startNew}
        />
      )}
    </fieldset>
  );
}
