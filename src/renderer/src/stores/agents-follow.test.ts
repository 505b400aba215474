// The agents list follows change events from their agent rows: hand-overs, creates, resolves
// and duty changes are put in place without reading `agents.list` again; what cannot be placed
// for certain (a new, renamed or removed agent, skills, a category change) reads it again.
import type { DeskApi } from '../../../shared/api';
import type { AgentDto } from '../../../shared/domain';
import { onDeskChange } from '../lib/api';
import { withRealDesk } from '../test/desk';
import { settle, tapBridge } from '../test/tap-bridge';
import { useAgentsStore } from './agents-store';
import { useCasesStore } from './cases-store';
import { connectLive } from './live';

const desk = withRealDesk();

const agentReads = (tap: { reads: string[] }) => tap.reads.filter((c) => c === 'agents.list').length;

describe('the agents list follows change events', () => {
  it('patches hand-overs and duty from the event, and reads again only what it cannot place', async () => {
    const { core } = desk();
    const kettles = await core.ok('categories.create', { name: 'Kettles' });
    const agents: AgentDto[] = [];
    for (const name of ['Dana', 'eli', 'Fay', 'Gus'])
      agents.push(await core.ok('agents.create', { name, pin: '1234' }));
    const customer = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const tap = tapBridge();
    const off = connectLive();
    await useCasesStore.getState().loadActive();
    await useAgentsStore.getState().load();
    const shown = () => useAgentsStore.getState().list.data;
    const expectAsMain = async () => {
      await settle(tap);
      expect(shown()).toEqual(await core.ok('agents.list'));
    };
    const log = () =>
      core.ok('cases.create', {
        customerId: customer.id,
        orderNumber: 'SO-1',
        product: 'Kettle',
        reason: 'damaged',
      });
    const held = (agentId: number) => shown().find((a) => a.id === agentId)?.currentCaseId ?? null;
    const readsBefore = agentReads(tap);

    // Creates hand cases to free agents, then queue; resolves hand the next one over; duty
    // changes free or take agents: every one patched, none read.
    for (let i = 0; i < 6; i++) {
      await log();
      await expectAsMain();
    }
    for (const agent of agents) expect(held(agent.id)).not.toBeNull();
    for (let round = 0; round < 3; round++) {
      for (const agent of agents) {
        const caseId = held(agent.id);
        if (caseId === null) continue;
        await core.ok('cases.resolve', { id: caseId, agentId: agent.id, outcome: 'refund' });
        await expectAsMain();
      }
    }
    const before = shown();
    await core.ok('agents.setOnDuty', { id: agents[1]!.id, onDuty: false });
    await expectAsMain();
    // Only the changed agent is a new object: the others' rows (memoised) need not render again.
    shown().forEach((agent, i) =>
      agent.id === agents[1]!.id ? expect(agent).not.toBe(before[i]) : expect(agent).toBe(before[i]),
    );
    await core.ok('agents.setOnDuty', { id: agents[1]!.id, onDuty: true });
    await expectAsMain();
    await log();
    await expectAsMain();
    expect(agentReads(tap)).toBe(readsBefore);

    // What cannot be placed for certain: read again, and then as main has it.
    const reads = () => agentReads(tap);
    let last = reads();
    const readsAgain = async (write: () => Promise<unknown>) => {
      await write();
      await expectAsMain();
      expect(reads()).toBeGreaterThan(last);
      last = reads();
    };
    await readsAgain(() => core.ok('agents.create', { name: 'Cy', pin: '1234' })); // new: placed by name
    await readsAgain(() => core.ok('agents.update', { id: agents[0]!.id, name: 'Zed' })); // renamed: moves
    await readsAgain(() => core.ok('agents.update', { id: agents[2]!.id, skills: [kettles.id] })); // skills
    await readsAgain(() => core.ok('categories.remove', { id: kettles.id })); // takes skills away
    await readsAgain(() => core.ok('agents.remove', { id: agents[3]!.id })); // leaves the list
    off();
  });

  it('reads again when an event arrives while a read from before it is on its way', async () => {
    const { core } = desk();
    const dana = await core.ok('agents.create', { name: 'Dana', pin: '1234' });
    // The window's bridge holds back one agents.list answer (read before the change) until told.
    const api = window.api as DeskApi;
    let hold = false;
    let served = false;
    let release = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    window.api = {
      ...api,
      async invoke(channel, input) {
        const answer = await api.invoke(channel, input);
        if (channel === 'agents.list' && hold) {
          hold = false;
          served = true;
          await released;
        }
        return answer;
      },
    } satisfies DeskApi;
    const off = connectLive();
    await useAgentsStore.getState().load();
    hold = true;
    const reading = useAgentsStore.getState().load();
    while (!served) await new Promise((next) => setTimeout(next, 0));
    // Main answered (Dana on duty); now she goes off duty and the window hears of it.
    const heard = new Promise<void>((resolve) => {
      const stop = onDeskChange(() => {
        stop();
        resolve();
      });
    });
    await core.ok('agents.setOnDuty', { id: dana.id, onDuty: false });
    await heard;
    release();
    await reading;
    const tap = tapBridge();
    await settle(tap);
    expect(useAgentsStore.getState().list.data).toEqual(await core.ok('agents.list'));
    expect(useAgentsStore.getState().list.data[0]).toMatchObject({ onDuty: false });
    off();
  });
});
