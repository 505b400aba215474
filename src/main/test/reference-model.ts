// A deliberately naive model of the desk, written from DESIGN.md's rules
// alone, that model-based tests run side by side with the real core.
import { PRIORITIES, type Priority } from '../../shared/domain';
import type { ErrorCode } from '../../shared/result';

interface ModelAgent {
  id: number;
  onDuty: boolean;
  removed: boolean;
  freeSince: string | null;
  caseId: number | null;
  /** The categories the agent handles. */
  skills: number[];
}

interface ModelCase {
  id: number;
  rank: number;
  createdAt: string;
  status: 'queued' | 'assigned' | 'resolved' | 'cancelled';
  agentId: number | null;
  /** The category it needs; null: any agent. */
  category: number | null;
}

export type Outcome = 'ok' | ErrorCode;

export class ReferenceModel {
  readonly agents = new Map<number, ModelAgent>();
  readonly cases = new Map<number, ModelCase>();

  addAgent(onDuty: boolean, now: string, skills: number[] = []): Outcome {
    const id = this.agents.size + 1;
    this.agents.set(id, {
      id,
      onDuty,
      removed: false,
      freeSince: onDuty ? now : null,
      caseId: null,
      skills: [...skills],
    });
    this.match();
    return 'ok';
  }

  /** New skills; a case in hand stays in hand. */
  setSkills(id: number, skills: number[]): Outcome {
    const agent = this.agents.get(id);
    if (!agent) return 'NOT_FOUND';
    if (agent.removed) return 'CONFLICT';
    agent.skills = [...skills];
    this.match();
    return 'ok';
  }

  removeAgent(id: number): Outcome {
    const agent = this.agents.get(id);
    if (!agent) return 'NOT_FOUND';
    if (agent.removed) return 'CONFLICT';
    this.takeBack(agent);
    Object.assign(agent, { removed: true, onDuty: false, freeSince: null });
    this.match();
    return 'ok';
  }

  setOnDuty(id: number, onDuty: boolean, now: string): Outcome {
    const agent = this.agents.get(id);
    if (!agent) return 'NOT_FOUND';
    if (agent.removed) return 'CONFLICT';
    if (agent.onDuty === onDuty) return 'ok';
    if (onDuty) Object.assign(agent, { onDuty: true, freeSince: now });
    else {
      this.takeBack(agent);
      Object.assign(agent, { onDuty: false, freeSince: null });
    }
    this.match();
    return 'ok';
  }

  createCase(priority: Priority, now: string, category: number | null = null): Outcome {
    const id = this.cases.size + 1;
    this.cases.set(id, {
      id,
      rank: PRIORITIES.indexOf(priority),
      createdAt: now,
      status: 'queued',
      agentId: null,
      category,
    });
    this.match();
    return 'ok';
  }

  resolve(id: number, agentId: number, now: string): Outcome {
    const c = this.cases.get(id);
    if (!c) return 'NOT_FOUND';
    if (c.status !== 'assigned' || c.agentId !== agentId) return 'CONFLICT';
    c.status = 'resolved';
    this.free(agentId, now);
    this.match();
    return 'ok';
  }

  cancel(id: number, now: string): Outcome {
    const c = this.cases.get(id);
    if (!c) return 'NOT_FOUND';
    if (c.status !== 'queued' && c.status !== 'assigned') return 'CONFLICT';
    const wasAssigned = c.status === 'assigned';
    c.status = 'cancelled';
    if (wasAssigned) this.free(c.agentId!, now);
    this.match();
    return 'ok';
  }

  /** Never straight back to the agent it came from while another way exists; else refused unless asked. */
  requeue(id: number, now: string, toSameAgent = false): Outcome {
    const c = this.cases.get(id);
    if (!c) return 'NOT_FOUND';
    if (c.status !== 'assigned') return 'CONFLICT';
    const saved = this.save();
    const agentId = c.agentId!;
    Object.assign(c, { status: 'queued', agentId: null });
    this.free(agentId, now);
    this.match({ caseId: id, agentId });
    const agent = this.agents.get(agentId)!;
    if (
      (c.status as ModelCase['status']) === 'queued' &&
      agent.onDuty &&
      agent.caseId === null &&
      this.mayTake(agent, c)
    ) {
      if (!toSameAgent) {
        this.restore(saved);
        return 'CONFLICT';
      }
      this.match();
    }
    return 'ok';
  }

  reassign(id: number, agentId: number, now: string, swap = false): Outcome {
    const c = this.cases.get(id);
    if (!c) return 'NOT_FOUND';
    if (c.status !== 'assigned') return 'CONFLICT';
    const target = this.agents.get(agentId);
    if (!target) return 'NOT_FOUND';
    if (target.id === c.agentId || target.removed || !target.onDuty) return 'CONFLICT';
    if (!this.mayTake(target, c)) return 'CONFLICT';
    if (target.caseId !== null) {
      if (!swap) return 'CONFLICT';
      // Two busy agents exchange cases, each able to take the other's; nobody is freed.
      const from = this.agents.get(c.agentId!)!;
      const other = this.cases.get(target.caseId)!;
      if (!this.mayTake(from, other)) return 'CONFLICT';
      other.agentId = from.id;
      from.caseId = other.id;
      c.agentId = target.id;
      target.caseId = c.id;
      return 'ok';
    }
    const previous = c.agentId!;
    c.agentId = target.id;
    Object.assign(target, { caseId: c.id, freeSince: null });
    this.free(previous, now);
    this.match();
    return 'ok';
  }

  /** A waiting or assigned case's priority; a waiting one takes its new place in the queue. */
  setPriority(id: number, priority: Priority): Outcome {
    const c = this.cases.get(id);
    if (!c) return 'NOT_FOUND';
    if (c.status !== 'queued' && c.status !== 'assigned') return 'CONFLICT';
    c.rank = PRIORITIES.indexOf(priority);
    this.match();
    return 'ok';
  }

  /** A resolved case waits again, in its place by priority and age (its creation time). */
  reopen(id: number): Outcome {
    const c = this.cases.get(id);
    if (!c) return 'NOT_FOUND';
    if (c.status !== 'resolved') return 'CONFLICT';
    Object.assign(c, { status: 'queued', agentId: null });
    this.match();
    return 'ok';
  }

  private save(): string {
    return JSON.stringify([[...this.agents.values()], [...this.cases.values()]]);
  }

  private restore(saved: string): void {
    const [agents, cases] = JSON.parse(saved) as [ModelAgent[], ModelCase[]];
    for (const a of agents) Object.assign(this.agents.get(a.id)!, a);
    for (const c of cases) Object.assign(this.cases.get(c.id)!, c);
  }

  /**
   * Skills: a case with a category goes to an agent with that skill, unless nobody on the
   * desk (not removed) has it; then to anyone.
   */
  private mayTake(agent: ModelAgent, c: ModelCase): boolean {
    if (c.category === null || agent.skills.includes(c.category)) return true;
    return ![...this.agents.values()].some((a) => !a.removed && a.skills.includes(c.category!));
  }

  /**
   * The rules, written plainly: the first case in queue order that some free agent may take
   * goes to the longest-free of those agents; again, until none is left. With `avoid`, that
   * agent does not take that case.
   */
  private match(avoid?: { caseId: number; agentId: number }): void {
    const allowed = (a: ModelAgent, c: ModelCase) =>
      this.mayTake(a, c) && !(avoid && c.id === avoid.caseId && a.id === avoid.agentId);
    for (;;) {
      const free = this.freeAgents();
      const pair = this.waiting()
        .map((c) => ({ c, agent: free.find((a) => allowed(a, c)) }))
        .find((p) => p.agent);
      if (!pair) return;
      Object.assign(pair.c, { status: 'assigned', agentId: pair.agent!.id });
      Object.assign(pair.agent!, { caseId: pair.c.id, freeSince: null });
    }
  }

  private freeAgents(): ModelAgent[] {
    return [...this.agents.values()]
      .filter((a) => a.onDuty && !a.removed && a.caseId === null)
      .sort((a, b) => (a.freeSince! < b.freeSince! ? -1 : a.freeSince! > b.freeSince! ? 1 : a.id - b.id));
  }

  private waiting(): ModelCase[] {
    return [...this.cases.values()]
      .filter((c) => c.status === 'queued')
      .sort(
        (a, b) =>
          b.rank - a.rank || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id - b.id),
      );
  }

  private free(agentId: number, now: string): void {
    const agent = this.agents.get(agentId)!;
    agent.caseId = null;
    agent.freeSince = agent.onDuty && !agent.removed ? now : null;
  }

  private takeBack(agent: ModelAgent): void {
    if (agent.caseId === null) return;
    Object.assign(this.cases.get(agent.caseId)!, { status: 'queued', agentId: null });
    agent.caseId = null;
  }

  /** The state the database must show, in the shape `snapshot` reads it. */
  expected() {
    return {
      agents: [...this.agents.values()].map((a) => ({
        id: a.id,
        onDuty: a.onDuty,
        removed: a.removed,
        freeSince: a.freeSince,
        skills: [...new Set(a.skills)].sort((x, y) => x - y),
      })),
      cases: [...this.cases.values()].map((c) => ({
        id: c.id,
        status: c.status,
        rank: c.rank,
        agentId: c.status === 'queued' ? null : c.agentId,
        category: c.category,
      })),
    };
  }
}
