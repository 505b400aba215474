import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { AppError } from '../../../shared/result';
import { focusFirstInvalid, splitError, withoutError, type FieldErrors } from './errors';

/** Where focus goes once React has drawn the change that asked for it. */
type FocusTarget = 'invalid' | RefObject<HTMLElement | null>;

export interface Submit<E extends HTMLElement = HTMLFormElement> {
  /** True while `run` waits for main: the button shows it, and a second submit is ignored. */
  busy: boolean;
  /** Field messages, keyed by contract input key. */
  errors: FieldErrors;
  /** What cannot sit beside a field: shown in a banner. */
  general: string | null;
  /** On the form (or the element that holds its fields): the first invalid field is looked for inside it. */
  formRef: RefObject<E | null>;
  /** Runs one submission unless one is running; busy meanwhile, even if it throws. */
  run(work: () => Promise<void>): Promise<void>;
  /**
   * Main's refusal: each message beside its field (of those shown), the rest in the banner, or
   * handed to `elsewhere` (a panel's feedback banner) when given; focus to the first invalid.
   */
  refuse(error: AppError, elsewhere?: (general: string) => void): void;
  /** The form's own messages (a confirmation that differs, a choice not made); focus to the first invalid. */
  fail(fields: FieldErrors, general?: string | null): void;
  /** No messages at all. */
  clear(): void;
  /** A field's messages go as soon as its value changes. */
  clearField(...keys: string[]): void;
  dismissGeneral(): void;
  /** Moves focus after the next render: to the first invalid field (the default), or to `target`. */
  focus(target?: FocusTarget): void;
}

/**
 * The one way a form submits: busy state, field errors, the general error, and focus to the
 * first invalid field once React has drawn it. `shown` are the contract keys this form shows
 * beside a field; a form whose errors live in a store only uses `run` and `focus`, and so does
 * a lone action button (busy while it runs, a second press ignored). `E` is the element that
 * holds the fields when it is not a form.
 */
export function useSubmit<E extends HTMLElement = HTMLFormElement>(shown: readonly string[] = []): Submit<E> {
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string | null>(null);
  const formRef = useRef<E | null>(null);
  const running = useRef(false);
  const focusAfter = useRef<FocusTarget | null>(null);
  // Every focus request comes with a render of its own, so the effect below sees it drawn.
  const [focusRequests, setFocusRequests] = useState(0);

  useEffect(() => {
    const target = focusAfter.current;
    if (!target) return;
    focusAfter.current = null;
    if (target === 'invalid') focusFirstInvalid(formRef.current);
    else target.current?.focus();
  }, [focusRequests]);

  const focus = useCallback((target: FocusTarget = 'invalid') => {
    focusAfter.current = target;
    setFocusRequests((n) => n + 1);
  }, []);

  const fail = useCallback(
    (fields: FieldErrors, message: string | null = null) => {
      setErrors(fields);
      setGeneral(message);
      focus('invalid');
    },
    [focus],
  );

  const refuse = (error: AppError, elsewhere?: (general: string) => void) => {
    const split = splitError(error, shown);
    if (elsewhere && split.general) {
      fail(split.fields);
      elsewhere(split.general);
    } else fail(split.fields, split.general);
  };

  const run = useCallback(async (work: () => Promise<void>) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    try {
      await work();
    } finally {
      running.current = false;
      setBusy(false);
    }
  }, []);

  const clear = useCallback(() => {
    setErrors({});
    setGeneral(null);
  }, []);

  const clearField = useCallback((...keys: string[]) => {
    setErrors((current) => keys.reduce(withoutError, current));
  }, []);

  const dismissGeneral = useCallback(() => setGeneral(null), []);

  return { busy, errors, general, formRef, run, refuse, fail, clear, clearField, dismissGeneral, focus };
}
