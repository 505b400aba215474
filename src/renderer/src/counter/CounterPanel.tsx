import { useEffect, useState, type FormEvent } from 'react';
import { STORE_NAME_MAX } from '../../../shared/counter';
import { Button } from '../components/Button';
import { Field } from '../components/Field';
import { call, onDeskChange } from '../lib/api';
import { splitError } from '../lib/errors';
import { useSubmit } from '../lib/use-submit';
import { useFeedback } from '../views/admin/use-feedback';
import { FeedbackBanners } from '../views/admin/FeedbackBanners';
import { useT } from '../i18n/i18n-store';
import { Msg, UserText } from '../i18n/Msg';

/**
 * Admin → Counter: the store name on slips and the waiting-area display, and whether slips go
 * straight to the default printer. Main validates; this form shows its answer.
 */
export function CounterPanel() {
  const t = useT();
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
        <Msg
          id="counterPanel.saved"
          values={{
            store: <UserText>{result.data.storeName}</UserText>,
            direct: result.data.printDirect ? 'yes' : 'no',
          }}
        />,
      );
    });
  };

  return (
    <section className="card" aria-labelledby="counter-title">
      <div className="card-head">
        <h2 id="counter-title">{t('counterPanel.title')}</h2>
        <p className="card-sub">{t('counterPanel.sub')}</p>
      </div>
      <FeedbackBanners feedback={feedback} />
      <form
        ref={formRef}
        className="gate-row"
        aria-label={t('counterPanel.formLabel')}
        noValidate
        onSubmit={(e) => void submit(e)}
      >
        <Field
          label={t('counterPanel.storeName')}
          hint={t('counterPanel.storeNameHint', { max: STORE_NAME_MAX })}
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
          {t('counterPanel.printDirect')}
        </label>
        <Button type="submit" variant="primary" busy={busy} busyLabel={t('common.saving')}>
          {t('common.save')}
        </Button>
      </form>
    </section>
  );
}
