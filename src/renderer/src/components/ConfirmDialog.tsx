import type { ReactNode, Ref } from 'react';
import { Button } from './Button';
import { Dialog } from './Dialog';
import { ErrorBanner } from './ErrorBanner';
import { useT } from '../i18n/i18n-store';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  /** What will happen, in plain words. */
  message: ReactNode;
  /** Extra controls (a reason, a choice of agent). */
  children?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  tone?: 'primary' | 'danger';
  busy?: boolean;
  confirmDisabled?: boolean;
  /** Why the last attempt failed, if it did. */
  error?: string | null;
  onConfirm(): void;
  onCancel(): void;
  /** The dialog's form, where a refusal's first invalid field is looked for. */
  formRef?: Ref<HTMLFormElement>;
}

/** Asks before something that cannot simply be undone. */
export function ConfirmDialog({
  open,
  title,
  message,
  children,
  confirmLabel,
  cancelLabel,
  tone = 'primary',
  busy = false,
  confirmDisabled = false,
  error,
  onConfirm,
  onCancel,
  formRef,
}: ConfirmDialogProps) {
  const t = useT();
  if (!open) return null;
  return (
    <Dialog
      title={title}
      description={message}
      formRef={formRef}
      onSubmit={() => {
        if (!busy && !confirmDisabled) onConfirm();
      }}
      onClose={() => {
        if (!busy) onCancel();
      }}
      footer={
        <>
          {/* The safe choice comes first and takes focus unless a field asks for it. */}
          <Button onClick={onCancel} disabled={busy} data-autofocus={children ? undefined : true}>
            {cancelLabel ?? t('common.cancel')}
          </Button>
          <Button
            type="submit"
            variant={tone === 'danger' ? 'danger' : 'primary'}
            busy={busy}
            disabled={confirmDisabled}
          >
            {confirmLabel}
          </Button>
        </>
      }
    >
      {(children || error) && (
        <>
          {children}
          {error && <ErrorBanner message={error} />}
        </>
      )}
    </Dialog>
  );
}
