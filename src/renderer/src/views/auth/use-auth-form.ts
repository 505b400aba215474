import type { AuthStatus } from '../../../../shared/access';
import type { Result } from '../../../../shared/result';
import { splitError, type FieldErrors } from '../../lib/errors';
import { useSubmit } from '../../lib/use-submit';
import { useAuthStore, type AuthAction } from '../../stores/auth-store';

/**
 * `useSubmit` for a form whose action is the auth store's (set up, unlock, sign in, change the
 * passcode). Main's refusal stays in the store (`errors[action]`): every action the person takes
 * clears it, so an old "wrong passcode" is not shown after they have moved on. The form's own
 * check (a confirmation that differs) is kept here. Both come out as one `errors` and `general`,
 * as a plain form's do, and focus goes to the first invalid field after either.
 */
export function useAuthForm<E extends HTMLElement = HTMLFormElement>(
  action: AuthAction,
  shown: readonly string[],
) {
  const submit = useSubmit<E>(shown);
  const refusal = useAuthStore((s) => s.errors[action] ?? null);
  const clearError = useAuthStore((s) => s.clearError);
  const split = splitError(refusal, shown);
  return {
    formRef: submit.formRef,
    busy: submit.busy,
    run: submit.run,
    errors: { ...split.fields, ...submit.errors },
    general: submit.general ?? split.general,
    /** The form's own check failed: main's last refusal goes, these messages show. */
    fail(fields: FieldErrors) {
      clearError(action);
      submit.fail(fields);
    },
    /** Sends the action (the store keeps its refusal); focus to the first invalid field if refused. */
    async attempt(act: () => Promise<Result<AuthStatus>>): Promise<Result<AuthStatus>> {
      submit.clear();
      const result = await act();
      if (!result.ok) submit.focus();
      return result;
    },
    /** Main's last refusal no longer applies (another agent chosen, the dialog closed). */
    forget: () => clearError(action),
  };
}
