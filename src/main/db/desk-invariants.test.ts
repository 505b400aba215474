import { describe, expect, it } from 'vitest';
import { findDeskInvariantViolations, parseInvariantRows, type DeskInvariantRows } from './desk-invariants';

const T = '2026-03-02T09:00:00.000Z';

/** Agent 1 holds case 10; agent 2 is free; case 11 (category 5, agent 1's skill) waits. */
function desk(): DeskInvariantRows {
  return {
    agents: [
      { id: 1, on_duty: 1, free_since: null, removed_at: null },
      { id: 2, on_duty: 1, free_since: T, removed_at: null },
    ],
    cases: [
      { id: 10, status: 'assigned', agent_id: 1, category_id: null },
      { id: 11, status: 'queued', agent_id: null, category_id: 5 },
    ],
    skills: [{ agent_id: 1, category_id: 5 }],
    lastEvents: [
      { case_id: 10, type: 'assigned', agent_id: 1 },
      { case_id: 11, type: 'created', agent_id: null },
    ],
    firstEvents: [
      { case_id: 10, type: 'created' },
      { case_id: 11, type: 'created' },
    ],
  };
}

describe('the desk invariants', () => {
  it('hold on a consistent desk', () => {
    expect(findDeskInvariantViolations(desk())).toEqual([]);
  });

  it('name each broken one', () => {
    const twoCases = desk();
    twoCases.cases.push({ id: 12, status: 'assigned', agent_id: 1, category_id: null });
    twoCases.lastEvents.push({ case_id: 12, type: 'assigned', agent_id: 1 });
    twoCases.firstEvents.push({ case_id: 12, type: 'created' });
    expect(findDeskInvariantViolations(twoCases)).toEqual(['1: agent 1 holds 2 cases']);

    const idle = desk();
    idle.skills = [];
    expect(findDeskInvariantViolations(idle)).toEqual(['3: case 11 is queued while agents 2 may take it']);

    const lost = desk();
    lost.lastEvents = lost.lastEvents.filter((e) => e.case_id !== 11);
    expect(findDeskInvariantViolations(lost)).toEqual([
      '6: case 11 is queued but its last event is undefined',
    ]);

    const offDuty = desk();
    offDuty.agents[0] = { id: 1, on_duty: 0, free_since: null, removed_at: null };
    expect(findDeskInvariantViolations(offDuty)).toEqual(['2: case 10 is held by off-duty agent 1']);
  });

  it('refuse rows that are not as the schema says', () => {
    const raw = { agents: [], cases: [], skills: [], lastEvents: [], firstEvents: [] };
    expect(
      parseInvariantRows({ ...raw, cases: [{ id: 1, status: 'queued', agent_id: null }] }).cases,
    ).toEqual([{ id: 1, status: 'queued', agent_id: null, category_id: null }]);
    expect(() => parseInvariantRows({ ...raw, agents: [{ id: '1', on_duty: 1 }] })).toThrow(
      /agents: id is string/,
    );
    expect(() => parseInvariantRows({ ...raw, cases: [null] })).toThrow(/cases: the row is null/);
  });
});
