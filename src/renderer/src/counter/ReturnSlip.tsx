import { formatWait, type SlipDto } from '../../../shared/counter';
import { REASON_MESSAGE } from '../../../shared/domain';
import { useFormats, useT } from '../i18n/i18n-store';
import { Msg, UserText } from '../i18n/Msg';
import { Barcode } from './Barcode';

/** What happens next, in the words the customer reads on the slip (names isolated). */
function NextStep({ slip }: { slip: SlipDto }) {
  const t = useT();
  const position = slip.queuePosition ?? '?';
  switch (slip.status) {
    case 'queued':
      return (
        <>
          {slip.estimate
            ? t('slip.nextQueued', { position, wait: formatWait(slip.estimate, t) })
            : t('slip.nextQueuedNobody', { position })}
        </>
      );
    case 'assigned':
      return slip.agentName ? (
        <Msg
          id={slip.counter ? 'slip.nextAssignedAt' : 'slip.nextAssigned'}
          values={{
            agent: <UserText>{slip.agentName}</UserText>,
            counter: <UserText>{slip.counter}</UserText>,
          }}
        />
      ) : (
        <>{t('slip.nextAssignedAnyone')}</>
      );
    case 'resolved':
      return <>{t('slip.nextResolved')}</>;
    case 'cancelled':
      return <>{t('slip.nextCancelled')}</>;
  }
}

/** The printed return slip: the same markup on screen (a preview) and on paper. */
export function ReturnSlip({ slip }: { slip: SlipDto }) {
  const t = useT();
  const formats = useFormats();
  return (
    <article className="slip" aria-label={t('slip.label', { reference: slip.reference })}>
      <header className="slip-head">
        <p className="slip-store" dir="auto">
          {slip.storeName}
        </p>
        <p className="slip-kind">{t('slip.kind')}</p>
      </header>
      <p className="slip-reference">
        <bdi>{slip.reference}</bdi>
      </p>
      <Barcode value={slip.reference} className="slip-barcode" />
      <dl className="slip-facts">
        <dt>{t('slip.date')}</dt>
        <dd>{formats.absolute(slip.createdAt)}</dd>
        <dt>{t('slip.customer')}</dt>
        <dd>
          <UserText>{slip.customerName}</UserText>
        </dd>
        <dt>{t('slip.orderNumber')}</dt>
        <dd>
          <UserText>{slip.orderNumber}</UserText>
        </dd>
        <dt>{t('slip.product')}</dt>
        <dd>
          <UserText>{slip.product}</UserText>
        </dd>
        <dt>{t('slip.reason')}</dt>
        <dd>{t(REASON_MESSAGE[slip.reason])}</dd>
      </dl>
      <section className="slip-next" aria-label={t('slip.next')}>
        <h3>{t('slip.next')}</h3>
        <p>
          <NextStep slip={slip} />
        </p>
      </section>
      <p className="slip-printed">{t('slip.printed', { at: formats.absolute(slip.printedAt) })}</p>
    </article>
  );
}
