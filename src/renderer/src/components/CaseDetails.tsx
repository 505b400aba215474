import {
  OUTCOME_LABELS,
  REASON_LABELS,
  type CaseDetailDto,
  type CaseEventDto,
  type CaseEventType,
} from '../../../shared/domain';
import { formatDate } from '../lib/time';
import { PriorityBadge, StatusBadge } from './Badges';
import { RelativeTime } from './RelativeTime';

/** Who acted, as main recorded it: the agent by name, else the role. */
export function actorText(e: CaseEventDto): string {
  if (e.actorName) return e.actorName;
  if (e.actor === 'supervisor') return 'a supervisor';
  if (e.actor === 'desk') return 'the front desk';
  return 'an agent';
}

const EVENT_TEXT: Record<CaseEventType, (e: CaseEventDto) => string> = {
  created: () => 'Logged at the desk',
  assigned: (e) => `Assigned to ${e.agentName ?? 'an agent'}`,
  requeued: (e) => `Back in the queue (by ${actorText(e)})`,
  reassigned: (e) => `Reassigned to ${e.agentName ?? 'an agent'} by ${actorText(e)}`,
  resolved: (e) => `Resolved by ${actorText(e)}`,
  cancelled: (e) => `Cancelled by ${actorText(e)}`,
  edited: (e) => `Details edited by ${actorText(e)}`,
  priority_changed: (e) => `Priority changed by ${actorText(e)}`,
  reopened: (e) => `Reopened by ${actorText(e)}`,
};

function Timeline({ events }: { events: CaseEventDto[] }) {
  return (
    <ol className="timeline" aria-label="Timeline">
      {events.map((event) => (
        <li key={event.id} className={`timeline-item timeline-${event.type}`}>
          <span className="timeline-what">{EVENT_TEXT[event.type](event)}</span>
          {event.detail && <span className="timeline-detail">{event.detail}</span>}
          <span className="timeline-when">
            <RelativeTime iso={event.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}

/** One case in full: what came back, from whom, and everything that happened to it. */
export function CaseDetails({ detail, headingLevel = 3 }: { detail: CaseDetailDto; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Subheading = headingLevel === 2 ? 'h3' : 'h4';
  const { customer } = detail;
  return (
    <article className="case-details" aria-label={`Case ${detail.reference}`}>
      <header className="case-details-head">
        <Heading className="case-details-title">
          <span className="case-ref">{detail.reference}</span> {detail.product}
        </Heading>
        <div className="badges">
          <StatusBadge status={detail.status} />
          <PriorityBadge priority={detail.priority} />
        </div>
      </header>
      <div className="case-details-grid">
        <dl className="facts">
          <dt>Customer</dt>
          <dd>
            <strong>{customer.name}</strong>
            {customer.email && <span className="fact-line">{customer.email}</span>}
            {customer.phone && <span className="fact-line">{customer.phone}</span>}
          </dd>
          <dt>Order</dt>
          <dd>{detail.orderNumber}</dd>
          <dt>Product</dt>
          <dd>{detail.product}</dd>
          {detail.categoryName && (
            <>
              <dt>Category</dt>
              <dd>{detail.categoryName}</dd>
            </>
          )}
          <dt>Purchased</dt>
          <dd>
            {detail.purchaseDate ? formatDate(detail.purchaseDate) : <span className="muted">Not given</span>}
          </dd>
          <dt>Reason</dt>
          <dd>{REASON_LABELS[detail.reason]}</dd>
          <dt>Description</dt>
          <dd className="prewrap">{detail.description || <span className="muted">None</span>}</dd>
          <dt>Logged</dt>
          <dd>
            <RelativeTime iso={detail.createdAt} />
          </dd>
          {detail.assignedAt && (
            <>
              <dt>Assigned</dt>
              <dd>
                {detail.agentName && <>{detail.agentName}, </>}
                <RelativeTime iso={detail.assignedAt} />
              </dd>
            </>
          )}
          {detail.status === 'queued' && detail.queuePosition !== null && (
            <>
              <dt>Queue</dt>
              <dd>Position {detail.queuePosition}</dd>
            </>
          )}
          {detail.outcome && (
            <>
              <dt>Outcome</dt>
              <dd>
                {OUTCOME_LABELS[detail.outcome]}
                {detail.note && <span className="fact-line prewrap">{detail.note}</span>}
              </dd>
            </>
          )}
          {detail.cancelReason && (
            <>
              <dt>Cancelled</dt>
              <dd className="prewrap">{detail.cancelReason}</dd>
            </>
          )}
        </dl>
        <section className="case-timeline" aria-label="History">
          <Subheading className="subheading">History</Subheading>
          <Timeline events={detail.timeline} />
        </section>
      </div>
    </article>
  );
}
