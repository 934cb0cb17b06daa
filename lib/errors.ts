import type { z } from 'zod';

/** The few ways a domain operation can fail; adapters map each code to an HTTP status or a form message. */
export type ErrorCode =
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'invalid_input'
  | 'conflict'
  | 'throttled'
  | 'insufficient_funds';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = code,
    /** Field name → message key, for errors that belong to a form field. */
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const httpStatus: Record<ErrorCode, number> = {
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 422,
  conflict: 409,
  throttled: 429,
  insufficient_funds: 409,
};

export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}

/**
 * A field → message-key map from a failed parse: the first problem of each field. Our schemas name their messages by
 * key ("phone_invalid"); a message zod wrote itself (a value missing, or of the wrong type, where the schema named
 * none) reads as "required".
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? '_form');
    errors[key] ??= /^[a-z0-9_]+$/.test(issue.message) ? issue.message : 'required';
  }
  return errors;
}
