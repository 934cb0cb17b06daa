/**
 * What is wrong with the files chosen in a form's file field, checked as the form is sent: a request over the
 * server's size limit is cut off before any action could answer at the field, and what was typed would be lost.
 * The server checks the same limits again.
 */
export function fileProblem(form: HTMLFormElement, field: string, limits: { maxBytes: number; maxFiles?: number }): 'size' | 'count' | null {
  const files = new FormData(form).getAll(field).filter((f): f is File => f instanceof File && f.size > 0);
  if (limits.maxFiles !== undefined && files.length > limits.maxFiles) return 'count';
  return files.some((f) => f.size > limits.maxBytes) ? 'size' : null;
}
