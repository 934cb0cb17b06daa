import fs from 'node:fs';
import { serverLog } from '../playwright.config';

/**
 * After every journey: a word the server could not find in the catalogs (a client form rendered with a namespace
 * its page does not send, say) shows as its key on the page, which no single assertion may look at. The server log
 * says so; the run fails on it.
 */
export default async function globalTeardown() {
  const log = fs.existsSync(serverLog) ? fs.readFileSync(serverLog, 'utf8') : '';
  const missing = [...new Set(log.match(/MISSING_MESSAGE: [^\n]{0,120}/g) ?? [])];
  if (missing.length) throw new Error(`Words missing from the catalogs during the journeys:\n${missing.join('\n')}`);
}
