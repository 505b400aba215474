import type { ErrorCode } from '../shared/result';
import type { Repositories } from './db/unit-of-work';

/** An expected refusal, with the code the caller sees. Anything else becomes INTERNAL. */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL'>,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /**
   * What must be saved although the call is refused (a wrong sign-in try): the
   * router runs it in a write of its own, after the refused call's transaction has rolled back.
   */
  afterRefusal?: (repos: Repositories) => Promise<void>;
}

export const notFound = (message: string, fields?: Record<string, string>) =>
  new DomainError('NOT_FOUND', message, fields);
export const conflict = (message: string, fields?: Record<string, string>) =>
  new DomainError('CONFLICT', message, fields);
export const invalid = (message: string, fields: Record<string, string>) =>
  new DomainError('VALIDATION', message, fields);
