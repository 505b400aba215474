import type { CasePage, CaseSort } from '../../../shared/contract';
import {
  caseReference,
  parseCaseReference,
  priorityRank,
  type CaseDto,
  type CaseReason,
  type CaseStatus,
  type Outcome,
  type Priority,
} from '../../../shared/domain';
import type { CaseRow } from '../rows';
import type { SqlWriter } from '../sql-driver';
import {
  derivedTable,
  likeNoCase,
  searchJoinCases,
  textSearch,
  typedId,
  type TextSearch,
} from './dialect-forms';
import { insertReturningId } from '../inserted-id';
import { likePattern } from './like-pattern';

type CaseWithNames = CaseRow & {
  customer_name: string;
  agent_name: string | null;
  category_name: string | null;
};

const SELECT_CASE = `
  SELECT c.*, cu.name AS customer_name, a.name AS agent_name, k.name AS category_name
  FROM cases c
  JOIN customers cu ON cu.id = c.customer_id
  LEFT JOIN agents a ON a.id = c.agent_id
  LEFT JOIN categories k ON k.id = c.category_id`;
/** Whole texts for the hot paths: put together once, not hashed again per statement-cache lookup. */
const FIND_CASE = `${SELECT_CASE} WHERE c.id = @id`;
const HELD_BY = `${SELECT_CASE} WHERE c.agent_id = @agentId AND c.status = 'assigned'`;

/** After a case in serving order (priority down, then created, then id): the next window. */
const AFTER_CURSOR = `(c.priority_rank < @rank OR (c.priority_rank = @rank AND (c.created_at > @createdAt
  OR (c.created_at = @createdAt AND c.id > @id))))`;

/** Serving order of the waiting queue: higher priority first, then oldest first. */
const QUEUE_ORDER = 'c.priority_rank DESC, c.created_at, c.id';

const SORTS: Record<CaseSort, string> = {
  newest: 'c.created_at DESC, c.id DESC',
  oldest: 'c.created_at, c.id',
  queue: QUEUE_ORDER,
};

const toCaseDto = (row: CaseWithNames, queuePosition: number | null): CaseDto => ({
  id: row.id,
  reference: caseReference(row.id),
  customerId: row.customer_id,
  customerName: row.customer_name,
  orderNumber: row.order_number,
  product: row.product,
  purchaseDate: row.purchase_date,
  reason: row.reason,
  description: row.description,
  priority: row.priority,
  categoryId: row.category_id,
  categoryName: row.category_name,
  status: row.status,
  agentId: row.agent_id,
  agentName: row.agent_name,
  queuePosition,
  createdAt: row.created_at,
  assignedAt: row.assigned_at,
  resolvedAt: row.resolved_at,
  cancelledAt: row.cancelled_at,
  outcome: row.outcome,
  note: row.note,
  cancelReason: row.cancel_reason,
});

export interface NewCase {
  customerId: number;
  orderNumber: string;
  product: string;
  purchaseDate: string | null;
  reason: CaseReason;
  description: string;
  priority: Priority;
  categoryId: number | null;
}

export { searchTerms } from './dialect-forms';

export interface CaseFilter {
  statuses?: CaseStatus[];
  agentId?: number;
  customerId?: number;
  text?: string;
}

/**
 * Below this many found cases, a page reads them all and sorts them (a small sort); from it on,
 * the search index is walked backwards and stops at the page. FTS5 pays per doclist page to
 * walk backwards, which costs more than it saves when little matches (a rare order number:
 * 1.5 ms walking against 0.9 ms reading all, at 100,000 cases), and much less when a lot does
 * (a product word: 0.5 ms against 29 ms).
 */
export const SORT_FOUND_BELOW = 1000;

/**
 * Text search counts its matches in steps of this many, up to the first step beyond the page: a
 * total past it is "at least" (`totalCapped`). Counting a common word with another filter
 * otherwise costs one primary-key read per match (thousands), for a number nobody pages to.
 */
export const COUNT_FOUND_STEP = 1000;

export class CaseRepository {
  constructor(
    private readonly sql: SqlWriter,
    /** Tests lower it to run the walking path on a small desk. */
    private readonly sortFoundBelow = SORT_FOUND_BELOW,
    /** Tests lower it to count past the cap on a small desk. */
    private readonly countFoundStep = COUNT_FOUND_STEP,
  ) {}

  async find(id: number): Promise<CaseDto | undefined> {
    const row = await this.sql.get<CaseWithNames>(FIND_CASE, { id });
    return row && (await this.withPosition(row));
  }

  /** The case an agent holds now, if any. */
  async heldBy(agentId: number): Promise<CaseDto | undefined> {
    const row = await this.sql.get<CaseWithNames>(HELD_BY, { agentId });
    return row && toCaseDto(row, null);
  }

  /**
   * Waiting cases in serving order whose category is not `blocked` (no category, or one that
   * some free agent may take: the caller works that out, see `runMatching`), after `after`
   * when given: the matcher's window. The ids come from the queue index alone (it carries
   * `category_id`), so a long run of cases nobody free may take costs index entries, not rows
   * (no head-of-line blocking); whole rows are read for the window only. The blocked list is
   * padded to a power of two to bound the statement cache.
   */
  async queuedTakeable(limit: number, blocked: readonly number[], after?: CaseDto): Promise<CaseDto[]> {
    const params: Record<string, unknown> = { limit };
    const where = [`c.status = 'queued'`];
    if (after) {
      where.push(AFTER_CURSOR);
      Object.assign(params, { rank: priorityRank(after.priority), createdAt: after.createdAt, id: after.id });
    }
    if (blocked.length === 0) {
      // Nothing to skip (a desk without skills, or every skill free): the plain queue window.
      return (
        await this.sql.all<CaseWithNames>(
          `${SELECT_CASE} WHERE ${where.join(' AND ')} ORDER BY ${QUEUE_ORDER} LIMIT CAST(@limit AS INTEGER)`,
          params,
        )
      ).map((row) => toCaseDto(row, null));
    }
    const slots = 2 ** Math.ceil(Math.log2(blocked.length));
    const names = Array.from({ length: slots }, (_, i) => `b${i}`);
    names.forEach((name, i) => (params[name] = blocked[i] ?? -1));
    where.push(`(c.category_id IS NULL OR c.category_id NOT IN (${names.map((n) => `@${n}`).join(', ')}))`);
    return (
      await this.sql.all<CaseWithNames>(
        `${SELECT_CASE} WHERE c.id IN (
           SELECT c.id FROM cases c WHERE ${where.join(' AND ')}
           ORDER BY ${QUEUE_ORDER} LIMIT CAST(@limit AS INTEGER))
         ORDER BY ${QUEUE_ORDER}`,
        params,
      )
    ).map((row) => toCaseDto(row, null));
  }

  /** All queued and assigned cases: the queue in serving order, then the assigned ones. */
  async active(): Promise<CaseDto[]> {
    const queued = (
      await this.sql.all<CaseWithNames>(`${SELECT_CASE} WHERE c.status = 'queued' ORDER BY ${QUEUE_ORDER}`)
    ).map((row, i) => toCaseDto(row, i + 1));
    const assigned = (
      await this.sql.all<CaseWithNames>(
        `${SELECT_CASE} WHERE c.status = 'assigned' ORDER BY c.assigned_at, c.id`,
      )
    ).map((row) => toCaseDto(row, null));
    return [...queued, ...assigned];
  }

  async list(filter: CaseFilter, sort: CaseSort, limit: number, offset: number): Promise<CasePage> {
    const where: string[] = [];
    const params: Record<string, unknown> = { limit, offset };
    if (filter.statuses?.length === 1) {
      // Equality, not IN (…): the planner then serves `queued` from the partial queue index.
      where.push('c.status = @status0');
      params.status0 = filter.statuses[0];
    } else if (filter.statuses?.length) {
      where.push(`c.status IN (${filter.statuses.map((_, i) => `@status${i}`).join(', ')})`);
      filter.statuses.forEach((status, i) => (params[`status${i}`] = status));
    }
    if (filter.agentId !== undefined) {
      where.push('c.agent_id = @agentId');
      params.agentId = filter.agentId;
    }
    if (filter.customerId !== undefined) {
      where.push('c.customer_id = @customerId');
      params.customerId = filter.customerId;
    }
    /** With text the only filter, the search counts its rows by itself. */
    let searchCount: string | null = null;
    if (filter.text) {
      const referenceId = parseCaseReference(filter.text);
      params.referenceId = referenceId ?? -1;
      // "RMA-000123" / "rma123" names one case: the primary key answers, no text search needed.
      const search =
        /^\s*rma/i.test(filter.text) && referenceId !== null ? null : textSearch(this.sql, filter.text);
      if (search && referenceId === null && sort !== 'queue') {
        return this.listFound(search, where, params, sort);
      }
      if (search) {
        // Any searched text containing every word typed (or, for "rma12", the reference exactly).
        const found = `c.id IN (SELECT rowid FROM cases_fts WHERE ${search.condition})`;
        where.push(
          referenceId === null ? found : `(c.id = ${typedId(this.sql, '@referenceId')} OR ${found})`,
        );
        Object.assign(params, search.params);
        // One search row per case: with no other filter, the search counts them by itself.
        if (referenceId === null && where.length === 1) {
          searchCount = `SELECT COUNT(*) AS n FROM cases_fts WHERE ${search.condition}`;
        }
      } else {
        // Words too short to search inside: the reference exactly; order number and customer
        // name by prefix, so indexes serve it.
        where.push(`(c.id = ${typedId(this.sql, '@referenceId')} OR ${likeNoCase(this.sql, 'c.order_number', '@prefix')}
                     OR c.customer_id IN (SELECT id FROM customers WHERE ${likeNoCase(this.sql, 'name', '@prefix')}))`);
        params.prefix = likePattern(filter.text, 'prefix');
      }
    }
    const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // No join: the foreign key guarantees every case its customer, and the count stays on an index.
    const total =
      (
        await this.sql.get<{ n: number }>(
          searchCount ?? `SELECT COUNT(*) AS n FROM cases c ${whereSql}`,
          params,
        )
      )?.n ?? 0;
    // The page's ids first, from index entries alone; whole rows and names for those ids only.
    // Skipped and unchosen matches then cost an index entry each, not a row and two joins.
    const rows = await this.sql.all<CaseWithNames>(
      `${SELECT_CASE} WHERE c.id IN (
         SELECT c.id FROM cases c ${whereSql} ORDER BY ${SORTS[sort]} LIMIT @limit OFFSET @offset)
       ORDER BY ${SORTS[sort]}`,
      params,
    );
    const positions = await this.queuePositions(
      rows.filter((row) => row.status === 'queued').map((row) => row.id),
    );
    return {
      items: rows.map((row) => toCaseDto(row, positions.get(row.id) ?? null)),
      total,
      totalCapped: false,
    };
  }

  /**
   * Cases found by text, newest (or oldest) first **by case number**, which is the order they
   * were logged in. The search index then hands out matches already in that order (FTS5 walks
   * its rowids, the case ids, either way), so a page stops after `offset + limit` matches instead
   * of reading and sorting every match by `created_at`: a product word that matches one case in
   * twenty no longer costs thousands of row reads. Other filters are checked per match on the
   * primary key as the search walks. The total is counted the same way (in the index alone when
   * text is the only filter), but only up to the first multiple of `countFoundStep` beyond the
   * page: more than that, and the answer says `totalCapped` (at least `total`). Few found (under
   * `sortFoundBelow`): their ids are read at once and sorted, which is cheaper then.
   */
  private async listFound(
    search: TextSearch,
    where: string[],
    /** The other filters' values, with the page's `limit` and `offset`. */
    params: Record<string, unknown>,
    sort: Exclude<CaseSort, 'queue'>,
  ): Promise<CasePage> {
    const direction = sort === 'oldest' ? 'ASC' : 'DESC';
    const end = Number(params.offset) + Number(params.limit);
    // Always beyond the page: 1,000 for pages 1–19 of 50, 2,000 for pages 20–39. A capped total
    // is then past the page shown, so a pager reading only `total` still goes forward.
    const countTo = (Math.floor(end / this.countFoundStep) + 1) * this.countFoundStep;
    const searchParams = { ...params, ...search.params, countLimit: countTo + 1 };
    // On SQLite, CROSS JOIN keeps the search index the outer loop, walked in rowid order.
    const from = where.length
      ? `FROM ${searchJoinCases(this.sql)}
         WHERE ${search.condition} AND ${where.join(' AND ')}`
      : `FROM cases_fts WHERE ${search.condition}`;
    // One past the cap tells "more" from "exactly the cap"; the walk stops there.
    const counted =
      (
        await this.sql.get<{ n: number }>(
          `SELECT COUNT(*) AS n FROM (SELECT 1 ${from} LIMIT CAST(@countLimit AS INTEGER))${derivedTable(this.sql, 'matched')}`,
          searchParams,
        )
      )?.n ?? 0;
    const totalCapped = counted > countTo;
    const total = totalCapped ? countTo : counted;
    const pageIds =
      total < this.sortFoundBelow
        ? `WITH found AS MATERIALIZED (SELECT cases_fts.rowid AS id ${from})
           SELECT id FROM found ORDER BY id ${direction} LIMIT @limit OFFSET @offset`
        : `SELECT cases_fts.rowid ${from} ORDER BY cases_fts.rowid ${direction} LIMIT @limit OFFSET @offset`;
    const rows = await this.sql.all<CaseWithNames>(
      `${SELECT_CASE} WHERE c.id IN (${pageIds}) ORDER BY c.id ${direction}`,
      searchParams,
    );
    const positions = await this.queuePositions(
      rows.filter((row) => row.status === 'queued').map((row) => row.id),
    );
    return {
      items: rows.map((row) => toCaseDto(row, positions.get(row.id) ?? null)),
      total,
      totalCapped,
    };
  }

  /**
   * A new case, queued; or already in `agentId`'s hands (one write, not an insert and an
   * update). Then the agent's busy log gets its entry here: the trigger that writes it for an
   * assignment fires on UPDATE only (see migration SupervisorDesk), as for an agent added on duty.
   */
  async insert(data: NewCase, now: string, agentId: number | null = null): Promise<number> {
    const id = await insertReturningId(
      this.sql,
      `INSERT INTO cases (customer_id, order_number, product, purchase_date, reason, description,
                          priority, priority_rank, category_id, status, agent_id, assigned_at, first_assigned_at,
                          created_at, updated_at)
       VALUES (@customerId, @orderNumber, @product, @purchaseDate, @reason, @description,
               @priority, @rank, @categoryId, @status, @agentId, @assignedAt, @assignedAt, @now, @now)`,
      {
        ...data,
        rank: priorityRank(data.priority),
        status: agentId === null ? 'queued' : 'assigned',
        agentId,
        assignedAt: agentId === null ? null : now,
        now,
      },
    );
    if (agentId !== null) {
      await this.sql.run(
        `INSERT INTO agent_events (agent_id, track, active, case_id, at) VALUES (@agentId, 'busy', TRUE, @id, @now)`,
        { agentId, id, now },
      );
    }
    return id;
  }

  /** Whether any case waits (one entry of the queue index). */
  async hasQueued(): Promise<boolean> {
    return (await this.sql.get(`SELECT 1 AS one FROM cases WHERE status = 'queued' LIMIT 1`)) !== undefined;
  }

  async assign(id: number, agentId: number, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE cases SET status = 'assigned', agent_id = @agentId, assigned_at = @now,
                        first_assigned_at = COALESCE(first_assigned_at, @now), updated_at = @now
       WHERE id = @id`,
      { id, agentId, now },
    );
  }

  /** Back to the queue; it keeps its creation time, so it keeps its place. */
  async requeue(id: number, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE cases SET status = 'queued', agent_id = NULL, assigned_at = NULL, updated_at = @now
       WHERE id = @id`,
      { id, now },
    );
  }

  async resolve(id: number, outcome: Outcome, note: string | null, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE cases SET status = 'resolved', outcome = @outcome, note = @note, resolved_at = @now,
                        updated_at = @now
       WHERE id = @id`,
      { id, outcome, note, now },
    );
  }

  async cancel(id: number, reason: string, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE cases SET status = 'cancelled', cancel_reason = @reason, cancelled_at = @now,
                        updated_at = @now
       WHERE id = @id`,
      { id, reason, now },
    );
  }

  /** The details a supervisor may correct (cases.edit). */
  async editDetails(
    id: number,
    d: Pick<NewCase, 'orderNumber' | 'product' | 'reason' | 'purchaseDate' | 'description'>,
    now: string,
  ): Promise<void> {
    await this.sql.run(
      `UPDATE cases SET order_number = @orderNumber, product = @product, reason = @reason,
                        purchase_date = @purchaseDate, description = @description, updated_at = @now
       WHERE id = @id`,
      { id, ...d, now },
    );
  }

  async setPriority(id: number, priority: Priority, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE cases SET priority = @priority, priority_rank = @rank, updated_at = @now WHERE id = @id`,
      { id, priority, rank: priorityRank(priority), now },
    );
  }

  /** Resolved back to queued: its place comes from priority and creation time, as always. */
  async reopen(id: number, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE cases SET status = 'queued', agent_id = NULL, assigned_at = NULL, resolved_at = NULL,
                        outcome = NULL, note = NULL, updated_at = @now
       WHERE id = @id AND status = 'resolved'`,
      { id, now },
    );
  }

  /**
   * Queue positions of several waiting cases in one ordered pass over the queue index, instead
   * of one count per case. The id list is padded to a power of two to bound the statement cache.
   */
  private async queuePositions(ids: number[]): Promise<Map<number, number>> {
    if (ids.length === 0) return new Map();
    const slots = 2 ** Math.ceil(Math.log2(ids.length));
    const params: Record<string, unknown> = {};
    for (let i = 0; i < slots; i++) params[`id${i}`] = ids[i] ?? -1;
    const rows = await this.sql.all<{ id: number; position: number }>(
      `SELECT q.id, q.position FROM (
         SELECT c.id, ROW_NUMBER() OVER (ORDER BY ${QUEUE_ORDER}) AS position
         FROM cases c WHERE c.status = 'queued') q
       WHERE q.id IN (${Object.keys(params)
         .map((name) => `@${name}`)
         .join(', ')})`,
      params,
    );
    return new Map(rows.map((row) => [row.id, row.position]));
  }

  private async withPosition(row: CaseWithNames): Promise<CaseDto> {
    if (row.status !== 'queued') return toCaseDto(row, null);
    // The cases ahead, as three ranges of the queue index: each a plain index range count,
    // where one OR'ed condition would be evaluated on every waiting case.
    const ahead =
      (
        await this.sql.get<{ n: number }>(
          `SELECT (SELECT COUNT(*) FROM cases c WHERE c.status = 'queued' AND c.priority_rank > @rank)
              + (SELECT COUNT(*) FROM cases c WHERE c.status = 'queued' AND c.priority_rank = @rank
                   AND c.created_at < @createdAt)
              + (SELECT COUNT(*) FROM cases c WHERE c.status = 'queued' AND c.priority_rank = @rank
                   AND c.created_at = @createdAt AND c.id < @id) AS n`,
          { rank: row.priority_rank, createdAt: row.created_at, id: row.id },
        )
      )?.n ?? 0;
    return toCaseDto(row, ahead + 1);
  }
}
