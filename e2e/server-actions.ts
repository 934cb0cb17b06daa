import fs from 'node:fs';
import path from 'node:path';

/**
 * The id Next.js gives a server action, read from the production build's manifest, so a test (or the
 * benchmark) can call the action directly — as an attacker would — instead of through its page's form.
 */
export function serverActionId(file: string, name: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.resolve('.next/server/server-reference-manifest.json'), 'utf8'));
  for (const [id, entry] of Object.entries<{ filename?: string; exportedName?: string }>(manifest.node)) {
    if (entry.filename?.endsWith(file) && entry.exportedName === name) return id;
  }
  throw new Error(`server action ${name} in ${file} not found in the build manifest`);
}
