import { describe, expect, it } from 'vitest';
import type { AgentDto, CaseDto } from '../../shared/domain';
import { planAssignments } from './plan-assignments';

const agent = (id: number) => ({ id }) as AgentDto;
const waiting = (id: number) => ({ id }) as CaseDto;
const anyone = () => true;

describe('planAssignments', () => {
  it('pairs the head of the queue with the longest-free agent, in order', () => {
    const plan = planAssignments([agent(7), agent(3)], [waiting(10), waiting(11), waiting(12)], anyone);
    expect(plan.assignments).toEqual([
      { caseId: 10, agentId: 7 },
      { caseId: 11, agentId: 3 },
    ]);
    expect(plan.passedOver).toBe(0);
  });

  it('passes over a case no free agent may take, and serves the next one', () => {
    const mayTake = (a: AgentDto, c: CaseDto) => !(c.id === 10 && a.id === 7);
    const plan = planAssignments([agent(7)], [waiting(10), waiting(11)], mayTake);
    expect(plan.assignments).toEqual([{ caseId: 11, agentId: 7 }]);
    expect(plan.passedOver).toBe(1);
  });

  it('keeps agents free when nothing waits', () => {
    expect(planAssignments([agent(1)], [], anyone)).toEqual({
      assignments: [],
      passedOver: 0,
    });
  });
});
