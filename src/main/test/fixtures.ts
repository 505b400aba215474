import type { ChannelInput } from '../../shared/contract';
import type { CaseDto, CustomerDto } from '../../shared/domain';
import type { TempCore } from './temp-core';

let customerSeq = 0;

export async function addCustomer(core: TempCore, name = 'Ana Lima'): Promise<CustomerDto> {
  customerSeq += 1;
  return core.ok('customers.create', { name, email: `customer${customerSeq}@example.com` });
}

/** Logs a case for the customer, one clock tick after the previous write. */
export async function logCase(
  core: TempCore,
  customerId: number,
  overrides: Partial<ChannelInput<'cases.create'>> = {},
): Promise<CaseDto> {
  core.clock.advance(1000);
  return core.ok('cases.create', {
    customerId,
    orderNumber: 'SO-1001',
    product: 'Kettle 1.7 l',
    reason: 'defective',
    ...overrides,
  });
}

export async function addAgents(core: TempCore, ...names: string[]) {
  const agents = [];
  for (const name of names) {
    core.clock.advance(1000);
    agents.push(await core.ok('agents.create', { name, pin: '1234' }));
  }
  return agents;
}
