import {
  OUTCOME_MESSAGE,
  REASON_MESSAGE,
  type CaseDetailDto,
  type CaseDto,
  type CaseEventDto,
  type CaseEventType,
} from '../../../shared/domain';
import type { MessageId } from '../../../shared/i18n/translator';
import { timelineWords, type Words } from '../../../shared/timeline';
import { useFormats, useT } from '../i18n/i18n-store';
import { Msg, UserText } from '../i18n/Msg';
import { PriorityBadge, StatusBadge } from './Badges';
import { Loading } from './EmptyState';
import { RelativeTime } from './RelativeTime';

/** Who acted, as main recorded it: the agent by name, else the role. */
function actor(e: CaseEventDto, t: ReturnType<typeof useT>): string {
  if (e.actorName) return e.actorName;
  if (e.actor === 'supervisor') return t('timeline.bySupervisor');
  if (e.actor === 'desk') return t('timeline.byDesk');
  return t('timeline.byAgent');
}

const EVENT_MESSAGE = {
  created: 'timeline.created',
  assigned: 'timeline.assigned',
  requeued: 'timeline.requeued',
  reassigned: 'timeline.reassigned',
  resolved: 'timeline.resolved',
  cancelled: 'timeline.cancelled',
  edited: 'timeline.edited',
  priority_changed: 'timeline.priorityChanged',
  reopened: 'timeline.reopened',
} as const satisfies Record<CaseEventType, MessageId>;

function EventText({ e }: { e: CaseEventDto }) {
  const t = useT();
  return <>{t(EVENT_MESSAGE[e.type], { agent: e.agentName ?? t('timeline.byAgent'), actor: actor(e, t) })}</>;
}

/** A message main stored as data, said in the window's language; typed text stays as typed. */
function Said({ words }: { words: Words }) {
  const values = Object.fromEntries(
    Object.entries(words.values).map(([name, value]) => [
      name,
      'typed' in value ? <UserText>{value.typed}</UserText> : <Said words={value} />,
    ]),
  );
  return <Msg id={words.id} values={values} />;
}

function Timeline({ events }: { events: CaseEventDto[] }) {
  const t = useT();
  return (
    <ol className="timeline" aria-label={t('timeline.label')}>
      {events.map((event) => (
        <li key={event.id} className={`timeline-item timeline-${event.type}`}>
          <span className="timeline-what">
            <EventText e={event} />
          </span>
          {event.messages.map((message, i) => (
            <span key={i} className="timeline-detail">
              <Said words={timelineWords(message)} />
            </span>
          ))}
          {event.detail && (
            <span className="timeline-detail">
              <UserText>{event.detail}</UserText>
            </span>
          )}
          <span className="timeline-when">
            <RelativeTime iso={event.at} />
          </span>
        </li>
      ))}
    </ol>
  );
}

/**
 * One case in full: what came back, from whom, and everything that happened to it. Given only
 * its row (a `CaseDto`, as a change event brings it), it shows what the row says and that the
 * customer's contacts and the history are on their way.
 */
export function CaseDetails({
  detail,
  headingLevel = 3,
}: {
  detail: CaseDetailDto | CaseDto;
  headingLevel?: 2 | 3;
}) {
  const t = useT();
  const formats = useFormats();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const Subheading = headingLevel === 2 ? 'h3' : 'h4';
  const full = 'timeline' in detail ? detail : null;
  const customer = full?.customer ?? { name: detail.customerName, email: null, phone: null };
  return (
    <article className="case-details" aria-label={t('dialog.caseTitle', { reference: detail.reference })}>
      <header className="case-details-head">
        <Heading className="case-details-title">
          <bdi className="case-ref">{detail.reference}</bdi> <UserText>{detail.product}</UserText>
        </Heading>
        <div className="badges">
          <StatusBadge status={detail.status} />
          <PriorityBadge priority={detail.priority} />
        </div>
      </header>
      <div className="case-details-grid">
        <dl className="facts">
          <dt>{t('case.customer')}</dt>
          <dd>
            <strong>
              <UserText>{customer.name}</UserText>
            </strong>
            {customer.email && (
              <bdi className="fact-line" dir="ltr">
                {customer.email}
              </bdi>
            )}
            {customer.phone && (
              <bdi className="fact-line" dir="ltr">
                {customer.phone}
              </bdi>
            )}
          </dd>
          <dt>{t('case.order')}</dt>
          <dd>
            <UserText>{detail.orderNumber}</UserText>
          </dd>
          <dt>{t('case.product')}</dt>
          <dd>
            <UserText>{detail.product}</UserText>
          </dd>
          {detail.categoryName && (
            <>
              <dt>{t('case.category')}</dt>
              <dd>
                <UserText>{detail.categoryName}</UserText>
              </dd>
            </>
          )}
          <dt>{t('case.purchased')}</dt>
          <dd>
            {detail.purchaseDate ? (
              formats.date(detail.purchaseDate)
            ) : (
              <span className="muted">{t('case.notGiven')}</span>
            )}
          </dd>
          <dt>{t('case.reason')}</dt>
          <dd>{t(REASON_MESSAGE[detail.reason])}</dd>
          <dt>{t('case.description')}</dt>
          <dd className="prewrap">
            {detail.description ? (
              <UserText>{detail.description}</UserText>
            ) : (
              <span className="muted">{t('case.none')}</span>
            )}
          </dd>
          <dt>{t('case.logged')}</dt>
          <dd>
            <RelativeTime iso={detail.createdAt} />
          </dd>
          {detail.assignedAt && (
            <>
              <dt>{t('case.assigned')}</dt>
              <dd>
                {detail.agentName ? (
                  <Msg
                    id="case.assignedTo"
                    values={{
                      agent: <UserText>{detail.agentName}</UserText>,
                      when: <RelativeTime iso={detail.assignedAt} />,
                    }}
                  />
                ) : (
                  <RelativeTime iso={detail.assignedAt} />
                )}
              </dd>
            </>
          )}
          {detail.status === 'queued' && detail.queuePosition !== null && (
            <>
              <dt>{t('case.queue')}</dt>
              <dd>{t('case.position', { position: detail.queuePosition })}</dd>
            </>
          )}
          {detail.outcome && (
            <>
              <dt>{t('case.outcome')}</dt>
              <dd>
                {t(OUTCOME_MESSAGE[detail.outcome])}
                {detail.note && (
                  <span className="fact-line prewrap">
                    <UserText>{detail.note}</UserText>
                  </span>
                )}
              </dd>
            </>
          )}
          {detail.cancelReason && (
            <>
              <dt>{t('case.cancelled')}</dt>
              <dd className="prewrap">
                <UserText>{detail.cancelReason}</UserText>
              </dd>
            </>
          )}
        </dl>
        <section className="case-timeline" aria-label={t('case.history')}>
          <Subheading className="subheading">{t('case.history')}</Subheading>
          {full ? <Timeline events={full.timeline} /> : <Loading what={t('case.historyLoading')} />}
        </section>
      </div>
    </article>
  );
}
