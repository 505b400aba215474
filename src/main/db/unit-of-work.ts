import type { ChangeEntity, ChangeEvent } from '../../shared/events';
import { AgentRepository } from './repositories/agent-repository';
import { CaseEventRepository } from './repositories/case-event-repository';
import { CaseRepository } from './repositories/case-repository';
import { CategoryRepository } from './repositories/category-repository';
import { CustomerRepository } from './repositories/customer-repository';
import { ReportRepository } from './repositories/report-repository';
import { SettingRepository } from './repositories/setting-repository';
import { SignInThrottleRepository } from './repositories/sign-in-throttle-repository';
import type { Sql } from './sql';

/** The repositories, read side: what a query needs. */
export interface Repositories {
  agents: AgentRepository;
  customers: CustomerRepository;
  cases: CaseRepository;
  categories: CategoryRepository;
  events: CaseEventRepository;
  settings: SettingRepository;
  signIns: SignInThrottleRepository;
  reports: ReportRepository;
}

/** One write transaction: the repositories, its single instant, who acts, and what it changed. */
export interface Tx extends Repositories {
  now: string;
  actor: string;
  changed: ChangeSet;
  /**
   * Runs `effect` only once the transaction has committed: state outside the database
   * (a window's session) must not change for a write that rolls back.
   */
  afterCommit(effect: () => void): void;
}

export const createRepositories = (sql: Sql): Repositories => ({
  agents: new AgentRepository(sql),
  customers: new CustomerRepository(sql),
  cases: new CaseRepository(sql),
  categories: new CategoryRepository(sql),
  events: new CaseEventRepository(sql),
  settings: new SettingRepository(sql),
  signIns: new SignInThrottleRepository(sql),
  reports: new ReportRepository(sql),
});

/** Collects what a transaction touched, for the change event sent after commit. */
export class ChangeSet {
  private readonly touched = new Map<ChangeEntity, Set<number>>();
  private readonly handedOver: { caseId: number; agentId: number }[] = [];

  /** A case put in an agent's hands (assigned or reassigned): after commit, the shell tells them. */
  assigned(caseId: number, agentId: number): void {
    this.handedOver.push({ caseId, agentId });
  }

  /** The cases put in agents' hands, in the order it happened. */
  get assignments(): readonly { caseId: number; agentId: number }[] {
    return this.handedOver;
  }

  add(entity: ChangeEntity, id: number): void {
    let ids = this.touched.get(entity);
    if (!ids) this.touched.set(entity, (ids = new Set()));
    ids.add(id);
  }

  /** Marks `entity` changed without naming a row (a desk-wide setting). */
  touch(entity: ChangeEntity): void {
    if (!this.touched.has(entity)) this.touched.set(entity, new Set());
  }

  get isEmpty(): boolean {
    return this.touched.size === 0;
  }

  toEvent(): ChangeEvent {
    const event: ChangeEvent = { entities: [...this.touched.keys()], ids: {} };
    for (const [entity, ids] of this.touched) event.ids[entity] = [...ids];
    return event;
  }
}
