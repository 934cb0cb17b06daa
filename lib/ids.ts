import { z } from 'zod';
import { AppError } from './errors';

const uuid = z.string().uuid();

/** Ids arrive from forms and URLs: anything that is not a UUID is simply "not found", never a database error. */
export function assertId(value: unknown): asserts value is string {
  if (!uuid.safeParse(value).success) throw new AppError('not_found', 'no such record');
}
