import { useRef, useState, type RefObject } from 'react';
import type { CustomerDto } from '../../../../shared/domain';
import { call } from '../../lib/api';
import type { Submit } from '../../lib/use-submit';
import { getCustomer } from '../../stores/customers-store';
import { emptyCustomer, seedCustomer, type NewCustomerDraft } from './NewCustomerFields';

/** The customer main says already has this email (as its customer search finds them). */
async function findByEmail(email: string): Promise<CustomerDto | null> {
  const wanted = email.trim().toLowerCase();
  const found = await call('customers.search', { query: wanted, limit: 5 });
  return found.ok ? (found.data.find((c) => c.email?.toLowerCase() === wanted) ?? null) : null;
}

/**
 * Who the case is for, at the intake: a customer chosen from the finder, or a new one typed in
 * (saved only with the case), with the customer who already has a new one's email offered
 * instead. Each step clears the form's message it answers and moves focus on, through the
 * form's `submit`; `next` is where the keyboard goes once a customer is chosen.
 */
export function useCustomerChoice(
  submit: Pick<Submit, 'clearField' | 'focus'>,
  next: RefObject<HTMLElement | null>,
) {
  const { clearField, focus } = submit;
  const [customer, setCustomer] = useState<CustomerDto | null>(null);
  const [creating, setCreating] = useState(false);
  const [newCustomer, setNewCustomer] = useState<NewCustomerDraft>(emptyCustomer);
  // The customer who already has the email typed for a new one: offered instead of a duplicate.
  const [existing, setExisting] = useState<CustomerDto | null>(null);
  // A new finder (empty search) after "Clear form": nothing typed before survives it.
  const [finderKey, setFinderKey] = useState(0);
  // The chosen customer's profile, open over the form (outside it: its dialog submits on its own).
  const [profileOpen, setProfileOpen] = useState(false);
  const finderRef = useRef<HTMLInputElement>(null);
  const newNameRef = useRef<HTMLInputElement>(null);

  const choose = (chosen: CustomerDto) => {
    setCustomer(chosen);
    clearField('customerId');
    focus(next);
  };

  return {
    customer,
    creating,
    newCustomer,
    existing,
    finderKey,
    profileOpen,
    finderRef,
    newNameRef,
    /** What `cases.create` takes for the customer: the chosen one's id, or the new one's details. */
    payload() {
      return customer
        ? { customerId: customer.id }
        : creating
          ? { customer: newCustomer }
          : { customerId: undefined };
    },
    choose,
    startNew(typed: string) {
      setCreating(true);
      setNewCustomer(seedCustomer(typed));
      clearField('customerId');
      focus(newNameRef);
    },
    editNew(draft: NewCustomerDraft, changed: keyof NewCustomerDraft) {
      setNewCustomer(draft);
      clearField(changed);
      if (changed === 'email') setExisting(null);
    },
    /** Main refused the new customer's email as taken: find who has it, to offer them. */
    async offerExisting() {
      if (creating) setExisting(await findByEmail(newCustomer.email));
    },
    takeExisting(found: CustomerDto) {
      setCreating(false);
      setNewCustomer(emptyCustomer);
      setExisting(null);
      clearField('email');
      choose(found);
    },
    /** The case was logged: a new customer is now stored, and stays chosen for the next case. */
    async logged(customerId: number) {
      if (customer || !creating) return;
      const saved = await getCustomer(customerId);
      if (saved.ok) setCustomer(saved.data);
      setCreating(false);
      setNewCustomer(emptyCustomer);
    },
    change() {
      setExisting(null);
      setCustomer(null);
      setCreating(false);
      focus(finderRef);
    },
    openProfile() {
      setProfileOpen(true);
    },
    async closeProfile() {
      setProfileOpen(false);
      if (!customer) return;
      // The details may have been edited in the profile: the card shows what is stored now.
      const fresh = await getCustomer(customer.id);
      if (fresh.ok) setCustomer((current) => (current?.id === fresh.data.id ? fresh.data : current));
    },
    /** "Clear form": no customer, a fresh finder (the form focuses it). */
    reset() {
      setCustomer(null);
      setCreating(false);
      setNewCustomer(emptyCustomer);
      setFinderKey((key) => key + 1);
      setExisting(null);
    },
  };
}

export type CustomerChoice = ReturnType<typeof useCustomerChoice>;
