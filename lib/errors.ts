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
