import fs from 'node:fs';
import { chromium } from '@playwright/test';

/** Fails early, and says how to fix it, when no browser can be launched. */
export default async function globalSetup() {
  const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => fs.existsSync(p));
  try {
    const browser = await chromium.launch(system ? { executablePath: system } : {});
    await browser.close();
  } catch (e) {
    throw new Error(
      'No Chromium could be started for the end-to-end tests. On Debian/Ubuntu: `apt-get install -y chromium`; ' +
        `elsewhere: \`npx playwright install chromium\`.\n${e instanceof Error ? e.message : e}`,
    );
  }
}
