import { createCustomer, getCustomer, searchCustomers, updateCustomer } from '../services/customer-service';
import type { AreaHandlers } from './handler';

export const customerHandlers = {
  'customers.search': { mode: 'read', activity: false, run: searchCustomers },
  'customers.get': { mode: 'read', activity: false, run: (repos, input) => getCustomer(repos, input.id) },
  'customers.create': { mode: 'write', activity: true, run: createCustomer },
  'customers.update': { mode: 'write', activity: true, run: updateCustomer },
} satisfies AreaHandlers<'customers'>;
