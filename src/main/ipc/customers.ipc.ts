import { createCustomer, getCustomer, searchCustomers, updateCustomer } from '../services/customer-service';
import type { AreaHandlers } from './handler';

export const customerHandlers = {
  'customers.search': { mode: 'read', run: searchCustomers },
  'customers.get': { mode: 'read', run: (repos, input) => getCustomer(repos, input.id) },
  'customers.create': { mode: 'write', run: createCustomer },
  'customers.update': { mode: 'write', run: updateCustomer },
} satisfies AreaHandlers<'customers'>;
