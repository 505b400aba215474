import type { ChangeEntity, ChangeEvent } from '../../shared/events';
import { AgentRepository } from '../db/repositories/agent-repository';
import { CaseEventRepository } from '../db/repositories/case-event-repository';
import { CaseRepository } from '../db/repositories/case-repository';
import { CustomerRepository } from '../db/repositories/customer-repository';
import { ReportRepository } from '../db/repositories/report-repository';
import { SettingRepository } from '../db/repositories/setting-repository';
import { SignInThrottleRepository } from '../db/repositories/sign-in-throttle-repository';
import type { Sql } from '../db/sql';

/** The repositories, read side: what a query needs. */
export interface Desk {
  agents: AgentRepository;
  customers: CustomerRepository;
  cases: CaseRepository;
  events: CaseEventRepository;
  settings: SettingRepository;
  signIns: SignInThrottleRepository;
  reports: ReportRepository;
}

/** One write transaction: the repositories, its single instant, who acts, and what it changed. */
export interface Tx extends Desk {
  now: string;
  actor: string;
  changed: ChangeSet;
}

export const createDesk = (sql: Sql): Desk => ({
  agents: new AgentRepository(sql),
  customers: new CustomerRepository(sql),
  cases: new CaseRepository(sql),
  events: new CaseEventRepository(sql),
  settings: new SettingRepository(sql),
  signIns: new SignInThrottleRepository(sql),
  reports: new ReportRepository(sql),
});

/** Collects what a transaction touched, for the change event sent after commit. */
export class ChangeSet {
  private readonly touched = new Map<ChangeEntity, Set<number>>();

  add(entity: ChangeEntity, id: number): void {
    let ids = this.touched.get(entity);
    if (!ids) this.touched.set(entity, (ids = new Set()));
    ids.add(id);
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
