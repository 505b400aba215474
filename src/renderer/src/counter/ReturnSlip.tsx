import { formatWait, type SlipDto } from '../../../shared/counter';
import { REASON_LABELS } from '../../../shared/domain';
import { formatAbsolute } from '../lib/time';
import { Barcode } from './Barcode';

/** What happens next, in the words the customer reads on the slip. */
export function nextStep(slip: SlipDto): string {
  switch (slip.status) {
    case 'queued':
      return slip.estimate
        ? `You are number ${slip.queuePosition ?? '?'} in the queue. Estimated wait: ${formatWait(slip.estimate)}. ` +
            `Your reference will be called on the screen.`
        : `You are number ${slip.queuePosition ?? '?'} in the queue. Nobody is serving right now; ` +
            `your reference will be called on the screen as soon as someone is.`;
    case 'assigned':
      return `${slip.agentName ?? 'An agent'} is handling your return now${slip.counter ? ` at ${slip.counter}` : ''}.`;
    case 'resolved':
      return 'Your return has been handled. Keep this slip for your records.';
    case 'cancelled':
      return 'This return was cancelled. Ask at the desk if you have questions.';
  }
}

/** The printed return slip: the same markup on screen (a preview) and on paper. */
export function ReturnSlip({ slip }: { slip: SlipDto }) {
  return (
    <article className="slip" aria-label={`Return slip ${slip.reference}`}>
      <header className="slip-head">
        <p className="slip-store">{slip.storeName}</p>
        <p className="slip-kind">Return slip</p>
      </header>
      <p className="slip-reference">{slip.reference}</p>
      <Barcode value={slip.reference} className="slip-barcode" />
      <dl className="slip-facts">
        <dt>Date</dt>
        <dd>{formatAbsolute(slip.createdAt)}</dd>
        <dt>Customer</dt>
        <dd>{slip.customerName}</dd>
        <dt>Order number</dt>
        <dd>{slip.orderNumber}</dd>
        <dt>Product</dt>
        <dd>{slip.product}</dd>
        <dt>Reason</dt>
        <dd>{REASON_LABELS[slip.reason]}</dd>
      </dl>
      <section className="slip-next" aria-label="What happens next">
        <h3>What happens next</h3>
        <p>{nextStep(slip)}</p>
      </section>
      <p className="slip-printed">Printed {formatAbsolute(slip.printedAt)}</p>
    </article>
  );
}
