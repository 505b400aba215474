import type { ParsedInput } from '../../shared/contract';
import type { CustomerDto } from '../../shared/domain';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { conflict, invalid, notFound } from '../domain-error';
import type { CustomerFields } from '../db/repositories/customer-repository';
import type { Repositories, Tx } from '../db/unit-of-work';

export async function getCustomer(repos: Repositories, id: number): Promise<CustomerDto> {
  const customer = await repos.customers.find(id);
  if (!customer) throw notFound(m('refusal.noCustomer', { id }));
  return customer;
}

export async function searchCustomers(
  repos: Repositories,
  input: ParsedInput<'customers.search'>,
): Promise<CustomerDto[]> {
  return await repos.customers.search(input.query, input.limit ?? 10);
}

/** One customer per email address: a second record would split their history. */
async function assertEmailFree(repos: Repositories, email: string | null, selfId?: number): Promise<void> {
  if (!email) return;
  const existing = await repos.customers.findByEmail(email);
  if (existing && existing.id !== selfId) {
    throw conflict(m('refusal.emailTaken', { name: existing.name }), {
      email: m('refusal.emailTakenField', { name: existing.name }),
    });
  }
}

const blankToNull = (value: string | undefined): string | null => (value ? value : null);

export async function createCustomer(tx: Tx, input: ParsedInput<'customers.create'>): Promise<CustomerDto> {
  const fields: CustomerFields = {
    name: input.name,
    email: blankToNull(input.email),
    phone: blankToNull(input.phone),
  };
  await assertEmailFree(tx, fields.email);
  const id = await tx.customers.insert(fields, tx.now);
  tx.changed.add('customers', id);
  return getCustomer(tx, id);
}

export async function updateCustomer(tx: Tx, input: ParsedInput<'customers.update'>): Promise<CustomerDto> {
  const current = await getCustomer(tx, input.id);
  const fields: CustomerFields = {
    name: input.name ?? current.name,
    email: input.email === undefined ? current.email : blankToNull(input.email),
    phone: input.phone === undefined ? current.phone : blankToNull(input.phone),
  };
  if (!fields.email && !fields.phone) {
    throw invalid(m('refusal.needsContact'), { email: m('validation.emailOrPhone') });
  }
  await assertEmailFree(tx, fields.email, current.id);
  await tx.customers.update(current.id, fields, tx.now);
  tx.changed.add('customers', current.id);
  return getCustomer(tx, current.id);
}
