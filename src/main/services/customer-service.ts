import type { ParsedInput } from '../../shared/contract';
import type { CustomerDto } from '../../shared/domain';
import { conflict, invalid, notFound } from '../domain-error';
import type { CustomerFields } from '../db/repositories/customer-repository';
import type { Repositories, Tx } from '../db/unit-of-work';

export function getCustomer(repos: Repositories, id: number): CustomerDto {
  const customer = repos.customers.find(id);
  if (!customer) throw notFound(`No customer with id ${id}`);
  return customer;
}

export function searchCustomers(repos: Repositories, input: ParsedInput<'customers.search'>): CustomerDto[] {
  return repos.customers.search(input.query, input.limit ?? 10);
}

/** One customer per email address: a second record would split their history. */
function assertEmailFree(repos: Repositories, email: string | null, selfId?: number): void {
  if (!email) return;
  const existing = repos.customers.findByEmail(email);
  if (existing && existing.id !== selfId) {
    throw conflict(`${existing.name} already uses this email`, {
      email: `Already used by ${existing.name}`,
    });
  }
}

const blankToNull = (value: string | undefined): string | null => (value ? value : null);

export function createCustomer(tx: Tx, input: ParsedInput<'customers.create'>): CustomerDto {
  const fields: CustomerFields = {
    name: input.name,
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
  };
  assertEmailFree(tx, fields.email);
  const id = tx.customers.insert(fields, tx.now);
  tx.changed.add('customers', id);
  return getCustomer(tx, id);
}

export function updateCustomer(tx: Tx, input: ParsedInput<'customers.update'>): CustomerDto {
  const current = getCustomer(tx, input.id);
  const fields: CustomerFields = {
    name: input.name ?? current.name,
    email: input.email === undefined ? current.email : blankToNull(input.email),
    phone: input.phone === undefined ? current.phone : blankToNull(input.phone),
  };
  if (!fields.email && !fields.phone) {
    throw invalid('A customer needs an email or a phone number', {
      email: 'Give an email or a phone number',
    });
  }
  assertEmailFree(tx, fields.email, current.id);
  tx.customers.update(current.id, fields, tx.now);
  tx.changed.add('customers', current.id);
  return getCustomer(tx, current.id);
}
