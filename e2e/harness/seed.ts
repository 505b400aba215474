// A desk in the middle of a working day, built only through dispatch: the
// state the screenshots and the accessibility checks look at.
import type { ChannelInput } from '../../src/shared/contract';
import type { AgentDto, CaseDto, CustomerDto } from '../../src/shared/domain';
import type { Desk } from './desk';

/** A clock that starts hours in the past and catches up with real time as the seed advances it. */
export class SeedClock {
  private offsetMs: number;
  constructor(hoursAgo = 3) {
    this.offsetMs = -hoursAgo * 3_600_000;
  }
  now = (): Date => new Date(Date.now() + this.offsetMs);
  advance(minutes: number): void {
    this.offsetMs = Math.min(0, this.offsetMs + minutes * 60_000);
  }
  /** From here on, real time. */
  catchUp(): void {
    this.offsetMs = 0;
  }
}

export interface SeededDesk {
  agents: AgentDto[];
  /** Each agent's PIN by name, as the supervisor set it: what they type to sign in. */
  pins: Record<string, string>;
  /** The supervisor passcode that unlocks Admin. */
  passcode: string;
  customers: CustomerDto[];
  cases: CaseDto[];
}

type CaseInput = Omit<ChannelInput<'cases.create'>, 'customerId'>;

const AGENTS = [
  { name: 'Dana Reyes', title: 'Returns lead' },
  { name: 'Sam Okafor', title: 'Support agent' },
  { name: 'Priya Natarajan', title: 'Support agent' },
  { name: 'Leo Martins', title: 'Technician', onDuty: false },
];

const PINS: Record<string, string> = {
  'Dana Reyes': '1357',
  'Sam Okafor': '2468',
  'Priya Natarajan': '8642',
  'Leo Martins': '7531',
};

const CUSTOMERS = [
  { name: 'Ana Lima', email: 'ana.lima@example.com', phone: '+351 912 345 678' },
  { name: 'Marcus Chen', email: 'marcus.chen@example.com' },
  { name: 'Fatima Al-Sayed', phone: '+44 20 7946 0958' },
  { name: 'Jonas Becker', email: 'jonas.becker@example.org' },
  { name: 'Grace Otieno', email: 'grace.otieno@example.net', phone: '+254 712 345 678' },
  { name: 'Tomás Ruiz', email: 'tomas.ruiz@example.com' },
];

/** [customer index, case] in the order they reach the desk. */
const CASES: [number, CaseInput][] = [
  [
    0,
    {
      orderNumber: 'SO-48213',
      product: 'Espresso machine EM-300',
      reason: 'defective',
      purchaseDate: '2026-01-14',
      description: 'Pump stops after a few seconds; descaled twice.',
      priority: 'high',
    },
  ],
  [
    1,
    {
      orderNumber: 'SO-48377',
      product: 'Noise-cancelling headphones',
      reason: 'not_as_described',
      description: 'Listing says 40 h battery; lasts about 12.',
    },
  ],
  [
    2,
    {
      orderNumber: 'SO-48402',
      product: 'Kettle 1.7 l, brushed steel',
      reason: 'damaged',
      purchaseDate: '2026-02-20',
      description: 'Arrived with a dented base.',
    },
  ],
  [
    3,
    {
      orderNumber: 'SO-48455',
      product: 'Running shoes, size 44',
      reason: 'wrong_item',
      description: 'Received size 42.',
    },
  ],
  [
    4,
    {
      orderNumber: 'SO-48519',
      product: 'Blender BL-900',
      reason: 'defective',
      purchaseDate: '2025-12-03',
      description: 'Motor smells of burning at high speed.',
      priority: 'urgent',
    },
  ],
  [
    5,
    {
      orderNumber: 'SO-48560',
      product: 'Desk lamp, walnut',
      reason: 'no_longer_needed',
      purchaseDate: '2026-02-27',
    },
  ],
  [
    0,
    {
      orderNumber: 'SO-48602',
      product: 'Milk frother',
      reason: 'damaged',
      description: 'Lid cracked in transit.',
    },
  ],
  [
    1,
    {
      orderNumber: 'SO-48644',
      product: 'USB-C charger 65 W',
      reason: 'defective',
      description: 'Charges intermittently.',
      priority: 'high',
    },
  ],
  [
    2,
    {
      orderNumber: 'SO-48691',
      product: 'Wool throw, grey',
      reason: 'other',
      description: 'Gift duplicate; customer asks for store credit.',
    },
  ],
  [
    3,
    {
      orderNumber: 'SO-48730',
      product: 'Cast-iron pan 28 cm',
      reason: 'damaged',
      purchaseDate: '2026-02-11',
    },
  ],
  [
    4,
    {
      orderNumber: 'SO-48778',
      product: 'Smart plug, 2-pack',
      reason: 'not_as_described',
      description: 'Does not work with the advertised hub.',
    },
  ],
  [
    5,
    {
      orderNumber: 'SO-48801',
      product: 'Robot vacuum RV-7',
      reason: 'defective',
      purchaseDate: '2026-01-30',
      description: 'Stops docking after the latest update.',
      priority: 'urgent',
    },
  ],
];

/**
 * Four agents (one off duty), each with a PIN, six customers and a dozen cases: some resolved,
 * one cancelled, one assigned to each on-duty agent, the rest queued.
 */
export async function seedDesk(desk: Desk, clock?: SeedClock): Promise<SeededDesk> {
  const tick = (minutes: number) => clock?.advance(minutes);
  const agents: AgentDto[] = [];
  for (const agent of AGENTS) {
    tick(2);
    // An agent on duty needs a PIN from the start.
    const created = await desk.ok('agents.create', { ...agent, pin: PINS[agent.name]! });
    agents.push(created);
  }
  const customers: CustomerDto[] = [];
  for (const customer of CUSTOMERS) {
    tick(1);
    customers.push(await desk.ok('customers.create', customer));
  }
  const cases: CaseDto[] = [];
  const log = async (index: number) => {
    const [customer, input] = CASES[index]!;
    tick(7);
    cases.push(await desk.ok('cases.create', { ...input, customerId: customers[customer]!.id }));
  };
  const resolveHeldBy = async (
    agent: AgentDto,
    outcome: ChannelInput<'cases.resolve'>['outcome'],
    note: string,
  ) => {
    const held = (await desk.ok('agents.get', { id: agent.id })).currentCaseId;
    if (held === null) throw new Error(`seed: ${agent.name} holds no case`);
    tick(11);
    await desk.ok('cases.resolve', { id: held, agentId: agent.id, outcome, note });
  };
  const [dana, sam, priya] = agents as [AgentDto, AgentDto, AgentDto, AgentDto];

  for (const index of [0, 1, 2, 3, 4]) await log(index);
  await resolveHeldBy(dana, 'exchange', 'Swapped for a new unit from stock.');
  await resolveHeldBy(sam, 'refund', 'Refunded to the original card.');
  for (const index of [5, 6]) await log(index);
  await resolveHeldBy(priya, 'repair', 'Sent to the service partner, ticket 7731.');
  tick(3);
  await desk.ok('cases.cancel', { id: cases[6]!.id, reason: 'Customer kept the item after all.' });
  await resolveHeldBy(dana, 'store_credit', 'Store credit issued for the full price.');
  for (const index of [7, 8, 9, 10, 11]) await log(index);
  clock?.catchUp();

  return {
    agents: await desk.ok('agents.list'),
    pins: PINS,
    passcode: desk.passcode,
    customers,
    cases: (await desk.ok('cases.list', { limit: 50, sort: 'oldest' })).items,
  };
}
