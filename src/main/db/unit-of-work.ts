import type { AgentDto, CaseDto } from '../../shared/domain';
import type { ChangeEntity, ChangeEvent, ChangeRows } from '../../shared/events';
import { AgentRepository } from './repositories/agent-repository';
import { CaseEventRepository } from './repositories/case-event-repository';
import { CaseRepository } from './repositories/case-repository';
import { CounterRepository } from './repositories/counter-repository';
import { CategoryRepository } from './repositories/category-repository';
import { CustomerRepository } from './repositories/customer-repository';
import { IntakeKeyRepository } from './repositories/intake-key-repository';
import { ReportRepository } from './repositories/report-repository';
import { SettingRepository } from './repositories/setting-repository';
import { SignInThrottleRepository } from './repositories/sign-in-throttle-repository';
import type { SqlReader, SqlWriter } from './sql-driver';
import type { CallContext } from '../auth/call-context';

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
  /** How many writes this desk has committed (and announced): a read answers with it. */
  changeLog: ChangeLog;
  /** The slip, the waiting-area display and the estimated wait (issue 15). */
  counter: CounterRepository;
  /** `cases.create`'s idempotency keys and their first answers (issue 16, "Exactly once"). */
  intakeKeys: IntakeKeyRepository;
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

/**
 * The count of committed writes, one per change event (`ChangeEvent.seq`). Read beside a
 * query in the same read (one turn of the driver: no write commits in between), it says
 * which events that answer already includes. A write takes its number at the end of its
 * transaction, while it still holds the desk, so no read sees its rows with the number before.
 */
export class ChangeLog {
  seq = 0;
}

/**
 * A read's statements as the repositories take them: the read side shares the write side's
 * classes, and a write statement inside a read is refused instead of run.
 */
export function readOnly(sql: SqlReader): SqlWriter {
  return {
    dialect: sql.dialect,
    get: (text, params) => sql.get(text, params),
    all: (text, params) => sql.all(text, params),
    run: () => Promise.reject(new Error('A read cannot write.')),
  };
}

/** The repositories over one transaction's (or one read's) statements. */
export const createRepositories = (sql: SqlWriter, changeLog = new ChangeLog()): Repositories => ({
  agents: new AgentRepository(sql),
  customers: new CustomerRepository(sql),
  cases: new CaseRepository(sql),
  categories: new CategoryRepository(sql),
  events: new CaseEventRepository(sql),
  settings: new SettingRepository(sql),
  signIns: new SignInThrottleRepository(sql),
  reports: new ReportRepository(sql),
  changeLog,
  counter: new CounterRepository(sql),
  intakeKeys: new IntakeKeyRepository(sql),
});

/**
 * The desk's storage for a handler whose work is more than one transaction (an export, a
 * print, a restore): each `read` and `write` is one turn of the driver, so nothing slow (a
 * save dialog, a printer) ever runs while the desk is held.
 */
export interface DeskAccess {
  read<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** One write transaction, announced after commit (as a `write` handler's). */
  write<T>(call: CallContext, fn: (tx: Tx) => Promise<T>): Promise<T>;
}

/** Collects what a transaction touched, for the change event sent after commit. */
export class ChangeSet {
  private readonly touched = new Map<ChangeEntity, Set<number>>();
  /** Cases as the transaction leaves them, built by the service anyway (see `settled`). */
  private readonly settledCases = new Map<number, CaseDto>();
  /** Agents as the transaction leaves them, known from what the engine read (see `settledAgent`). */
  private readonly settledAgents = new Map<number, AgentDto>();
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
    // Changed again after it was settled: the event reads it at the end instead.
    if (entity === 'cases') this.settledCases.delete(id);
    if (entity === 'agents') this.settledAgents.delete(id);
  }

  /**
   * A changed case exactly as this transaction leaves it (its last change is behind it):
   * the change event carries this row instead of reading it again after commit. A later
   * `add('cases', id)` in the same transaction voids it.
   */
  settled(c: CaseDto): CaseDto {
    this.add('cases', c.id);
    this.settledCases.set(c.id, c);
    return c;
  }

  /**
   * A changed agent exactly as this transaction leaves it, worked out from the row it read and
   * what it then wrote (busy with a case, free since now): the change event carries it instead
   * of reading the agent and its skills again. A later `add('agents', id)` voids it.
   */
  settledAgent(agent: AgentDto): void {
    this.add('agents', agent.id);
    this.settledAgents.set(agent.id, agent);
  }

  /** The case as this transaction leaves it, when the service handed it over (`settled`). */
  settledCase(id: number): CaseDto | undefined {
    return this.settledCases.get(id);
  }

  /** Marks `entity` changed without naming a row (a desk-wide setting). */
  touch(entity: ChangeEntity): void {
    if (!this.touched.has(entity)) this.touched.set(entity, new Set());
  }

  get isEmpty(): boolean {
    return this.touched.size === 0;
  }

  /**
   * The event for commit number `seq`; with the changed rows when `repos` is given (read at the
   * end of the transaction, so exactly as it commits them).
   */
  async toEvent(seq: number, repos?: Repositories): Promise<ChangeEvent> {
    const event: ChangeEvent = { seq, entities: [...this.touched.keys()], ids: {} };
    for (const [entity, ids] of this.touched) event.ids[entity] = [...ids];
    if (repos) event.rows = await this.rows(repos);
    return event;
  }

  private async rows(repos: Repositories): Promise<ChangeRows> {
    const rows: ChangeRows = { cases: [], customers: [], agents: [] };
    for (const id of this.touched.get('cases') ?? []) {
      const c = this.settledCases.get(id) ?? (await repos.cases.find(id));
      if (c) rows.cases.push(c);
    }
    for (const id of this.touched.get('customers') ?? []) {
      const customer = await repos.customers.find(id);
      if (customer) rows.customers.push(customer);
    }
    // Each window patches its agents list from these instead of reading `agents.list`.
    for (const id of this.touched.get('agents') ?? []) {
      const agent = this.settledAgents.get(id) ?? (await repos.agents.find(id));
      if (agent) rows.agents.push(agent);
    }
    return rows;
  }
}
