import { useEffect, useState, type FormEvent } from 'react';
import { STORE_NAME_MAX } from '../../../shared/counter';
import { Button } from '../components/Button';
import { ErrorBanner } from '../components/ErrorBanner';
import { Field } from '../components/Field';
import { StatusBanner } from '../components/StatusBanner';
import { call, onDeskChange } from '../lib/api';
import { splitError } from '../lib/errors';
import { useSubmit } from '../lib/use-submit';
import { useFeedback } from '../views/admin/use-feedback';

/**
 * Admin → Counter: the store name on slips and the waiting-area display, and whether slips go
 * straight to the default printer. Main validates; this form shows its answer.
 */
export function CounterPanel() {
  const [storeName, setStoreName] = useState('');
  const [printDirect, setPrintDirect] = useState(false);
  const { formRef, busy, errors, run, fail, clear, clearField } = useSubmit();
  const feedback = useFeedback();

  useEffect(() => {
    const load = async () => {
      const result = await call('counter.settings');
      if (result.ok) {
        setStoreName(result.data.storeName);
        setPrintDirect(result.data.printDirect);
      }
    };
    void load();
    return onDeskChange((change) => {
      if (change.entities.includes('settings')) void load();
    });
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    return run(async () => {
      feedback.clear();
      const result = await call('counter.setSettings', { storeName, printDirect });
      if (!result.ok) {
        const split = splitError(result.error, ['storeName', 'printDirect']);
        fail(split.fields);
        if (split.general) feedback.fail(split.general);
        return;
      }
      clear();
      setStoreName(result.data.storeName);
      setPrintDirect(result.data.printDirect);
      feedback.succeed(
        `Saved. Slips say “${result.data.storeName}” and go ${result.data.printDirect ? 'straight to the default printer' : 'through the print dialog'}.`,
      );
    });
  };

  return (
    <section className="card" aria-labelledby="counter-title">
      <div className="card-head">
        <h2 id="counter-title">Counter</h2>
        <p className="card-sub">
          The return slip and the waiting-area display (Counter → Open waiting-area display)
        </p>
      </div>
      <StatusBanner onDismiss={feedback.done ? feedback.clearDone : undefined}>{feedback.done}</StatusBanner>
      {feedback.failed && <ErrorBanner message={feedback.failed} onDismiss={feedback.clearFailed} />}
      <form
        ref={formRef}
        className="gate-row"
        aria-label="Counter settings"
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <Field
          label="Store name"
          hint={`On slips and the display (up to ${STORE_NAME_MAX} characters)`}
          error={errors.storeName}
          required
        >
          {(control) => (
            <input
              {...control}
              value={storeName}
              onChange={(event) => {
                setStoreName(event.target.value);
                clearField('storeName');
              }}
            />
          )}
        </Field>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={printDirect}
            onChange={(event) => setPrintDirect(event.target.checked)}
          />
          Print slips straight to the default printer
        </label>
        <Button type="submit" variant="primary" busy={busy} busyLabel="Saving…">
          Save
        </Button>
      </form>
    </section>
  );
}
