import {
  useEffect,
  useId,
  useRef,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { createPortal } from 'react-dom';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface DialogProps {
  title: string;
  /** Read out with the title when the dialog opens. */
  description?: ReactNode;
  children?: ReactNode;
  /** The buttons; a `type="submit"` one submits the dialog's form (Enter does too). */
  footer: ReactNode;
  onSubmit(): void;
  onClose(): void;
  wide?: boolean;
  /** The dialog's form: a form hook looks inside it for the first invalid field. */
  formRef?: Ref<HTMLFormElement>;
}

/**
 * A modal dialog: labelled, focus moved in and kept in (Tab wraps), Escape
 * closes, focus returns to where it was. The element marked `data-autofocus`
 * takes focus first, otherwise the first control.
 */
export function Dialog({
  title,
  description,
  children,
  footer,
  onSubmit,
  onClose,
  wide,
  formRef,
}: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const ref = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ?? root?.querySelector<HTMLElement>(FOCUSABLE);
    (first ?? root)?.focus();
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (event.key !== 'Tab' || !ref.current) return;
    // React events bubble through portals: a dialog opened from this one handles its own Tab.
    event.stopPropagation();
    const items = [...ref.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && (document.activeElement === first || document.activeElement === ref.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // React events bubble through portals: a dialog opened inside a form must not submit it too.
    event.stopPropagation();
    onSubmit();
  };

  return createPortal(
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <form ref={formRef} noValidate onSubmit={submit}>
          <h2 id={titleId} className="dialog-title">
            {title}
          </h2>
          {description && (
            <div id={descriptionId} className="dialog-description">
              {description}
            </div>
          )}
          {children && <div className="dialog-body">{children}</div>}
          <div className="dialog-footer">{footer}</div>
        </form>
      </div>
    </div>,
    document.body,
  );
}
