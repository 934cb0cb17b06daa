/** A project's cover picture, at most (checked in the browser before sending, and on the server). */
export const maxCoverBytes = 2 * 1024 * 1024;
