// The intake's customer: the finder, a new customer typed in, or the one chosen. The state
// and its steps are useCustomerChoice's; this draws whichever applies.
import type { CustomerDto } from '../../../../shared/domain';
import type { FieldErrors } from '../../lib/errors';
import { Button } from '../../components/Button';
import { CustomerFinder } from './CustomerFinder';
import { NewCustomerFields } from './NewCustomerFields';
import type { CustomerChoice } from './use-customer-choice';
import { useT } from '../../i18n/i18n-store';
import { Msg, UserText } from '../../i18n/Msg';

function SelectedCustomer({
  customer,
  onChange,
  onShowProfile,
}: {
  customer: CustomerDto;
  onChange(): void;
  onShowProfile(): void;
}) {
  const t = useT();
  return (
    <div className="selected-customer" aria-label={t('intake.selectedCustomer')} role="group">
      <div>
        {/* A long name is cut to two lines on screen; the whole of it is in the tooltip. */}
        <p className="selected-name" title={customer.name} dir="auto">
          {customer.name}
        </p>
        <p className="selected-meta">
          {customer.email && <bdi dir="ltr">{customer.email}</bdi>}
          {customer.phone && <bdi dir="ltr">{customer.phone}</bdi>}
          {!customer.email && !customer.phone && <span>{t('intake.noContact')}</span>}
        </p>
      </div>
      <div className="selected-actions">
        <Button size="sm" variant="ghost" onClick={onShowProfile}>
          {t('intake.profile')}
        </Button>
        <Button size="sm" onClick={onChange}>
          {t('intake.changeCustomer')}
        </Button>
      </div>
    </div>
  );
}

export function CustomerSection({ choice, errors }: { choice: CustomerChoice; errors: FieldErrors }) {
  const t = useT();
  const { customer, creating, newCustomer, existing, finderKey, finderRef, newNameRef } = choice;
  return (
    <fieldset className="form-section">
      <legend className="section-title">{t('intake.customer')}</legend>
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
                {existing.phone ? (
                  <Msg
                    id="intake.existingWithPhone"
                    values={{
                      name: <UserText>{existing.name}</UserText>,
                      phone: <bdi dir="ltr">{existing.phone}</bdi>,
                    }}
                  />
                ) : (
                  <Msg id="intake.existing" values={{ name: <UserText>{existing.name}</UserText> }} />
                )}
              </span>
              <Button size="sm" variant="primary" onClick={() => choice.takeExisting(existing)}>
                {t('intake.useExisting')}
              </Button>
            </div>
          )}
          <Button size="sm" variant="ghost" className="back-to-search" onClick={choice.change}>
            {t('intake.backToSearch')}
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
