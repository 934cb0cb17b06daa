import { z } from 'zod';
import { AppError } from './errors';

const uuid = z.string().uuid();

export const isId = (value: unknown): value is string => uuid.safeParse(value).success;

/** Ids arrive from forms and URLs: anything that is not a UUID is simply "not found", never a database error. */
export function assertId(value: unknown): asserts value is string {
  if (!isId(value)) throw new AppError('not_found', 'no such record');
}
