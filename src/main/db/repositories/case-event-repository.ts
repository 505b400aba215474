import type { CaseEventDto, CaseEventType } from '../../../shared/domain';
import { parseTimelineMessages, type TimelineMessage } from '../../../shared/timeline-schema';
import type { CaseEventRow } from '../rows';
import type { SqlWriter } from '../sql-driver';

type EventWithName = CaseEventRow & { agent_name: string | null; actor_name: string | null };

export interface NewCaseEvent {
  caseId: number;
  type: CaseEventType;
  agentId: number | null;
  actor: string;
  at: string;
  /** Only what a person typed (a note, a reason); null when nobody did. */
  detail: string | null;
  /** What the desk says about it, as data each window words in its language. */
  messages?: TimelineMessage[];
}

export class CaseEventRepository {
  constructor(private readonly sql: SqlWriter) {}

  async append(event: NewCaseEvent): Promise<void> {
    await this.sql.run(
      `INSERT INTO case_events (case_id, type, agent_id, actor, at, detail, detail_message)
       VALUES (@caseId, @type, @agentId, @actor, @at, @detail, @detailMessage)`,
      {
        caseId: event.caseId,
        type: event.type,
        agentId: event.agentId,
        actor: event.actor,
        at: event.at,
        detail: event.detail,
        detailMessage: event.messages?.length ? JSON.stringify(event.messages) : null,
      },
    );
  }

  async timeline(caseId: number): Promise<CaseEventDto[]> {
    return (
      await this.sql.all<EventWithName>(
        // The actor is recorded as `agent:<id>`, `supervisor` or `desk`; an agent's name is joined in.
        `SELECT e.*, a.name AS agent_name, actor.name AS actor_name FROM case_events e
         LEFT JOIN agents a ON a.id = e.agent_id
         LEFT JOIN agents actor ON e.actor = 'agent:' || actor.id
         WHERE e.case_id = @caseId ORDER BY e.id`,
        { caseId },
      )
    ).map((row) => ({
      id: row.id,
      caseId: row.case_id,
      type: row.type,
      agentId: row.agent_id,
      agentName: row.agent_name,
      actor: row.actor,
      actorName: row.actor_name,
      at: row.at,
      detail: row.detail,
      messages: parseTimelineMessages(row.detail_message),
    }));
  }
}
