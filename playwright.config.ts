import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * Journeys in a real Chromium against a production build (`npm start` builds it when stale). Debian's
 * /usr/bin/chromium is used when present; otherwise Playwright's own browser (npx playwright install chromium).
 */
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
const port = Number(process.env.E2E_PORT ?? 3100);
/** A second instance of the app on the same database (e2e/instances.spec.ts). */
export const secondInstanceURL = `http://localhost:${port + 1}`;
// The embedded test database (npm test without DATABASE_URL) is a single session: one instance only.
const ports = process.env.EMBEDDED_DB === '1' ? [port] : [port, port + 1];
/** The server's output, kept for the privacy scan (e2e/privacy.spec.ts). */
// Set once by the runner and inherited by its workers, so every process names the same fresh file.
export const serverLog = (process.env.E2E_SERVER_LOG ??= path.resolve('.data', 'e2e-logs', `server-${port}-${Date.now()}.log`));
fs.mkdirSync(path.dirname(serverLog), { recursive: true });

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: `http://localhost:${port}`,
    ...devices['Pixel 7'],
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    video: 'off',
    trace: 'off',
    launchOptions: systemChromium ? { executablePath: systemChromium } : {},
  },
  testIgnore: ports.length === 1 ? ['instances.spec.ts'] : [],
  // Two instances on one PostgreSQL, started one after the other (the first builds when stale).
  webServer: ports.map((p) => ({
    command: 'npx tsx scripts/start.ts',
    url: `http://localhost:${p}/`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    // The journeys pay through the demo processor (a production build refuses it unless enabled).
    env: { PORT: String(p), SERVER_LOG: serverLog, DEMO_PAYMENTS: '1' },
  })),
});
