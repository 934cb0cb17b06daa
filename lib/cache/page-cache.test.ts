import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { cacheInvalidations, projects } from '@/db/schema';
import { uniqueSuffix } from '@/db/test-db';

import type PageCache from './page-cache.js';

type Handler = PageCache;

// The app's own pool, as Next.js's server uses it: it publishes itself and notes this process's writes.
const db = getDb();
const lastWriteKey = Symbol.for('aizaijiangbei.lastWriteAt');
const page = (html: string) => ({ kind: 'APP_PAGE', html, headers: {} });
const html = async (cache: Handler, key: string) => (await cache.get(key))?.value.html ?? null;

/** One app instance's page cache: a fresh copy of the module has its own memory, like another process. */
async function instance(): Promise<Handler> {
  vi.resetModules();
  const { default: Cache } = await import('./page-cache.js');
  return new Cache();
}

async function aProject() {
  const [p] = await db
    .insert(projects)
    .values({ slug: `cache-${uniqueSuffix()}`, nameZh: '缓存测试', nameEn: 'Cache test', summaryZh: '测试', summaryEn: 'Test', status: 'draft' })
    .returning();
  return p;
}

const later = (ms: number) => vi.setSystemTime(Date.now() + ms);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
});
afterEach(() => {
  vi.useRealTimers();
});
afterAll(async () => {
  await (globalThis as Record<symbol, { end(): Promise<void> }>)[Symbol.for('aizaijiangbei.sql')]?.end();
});

describe('the shared page cache', () => {
  it('serves a page until a public change commits: at once where it was made, within a second elsewhere', async () => {
    const project = await aProject();
    const [here, there] = [await instance(), await instance()];
    for (const cache of [here, there]) {
      expect(await cache.get('/zh-CN/projects')).toBeNull();
      await cache.set('/zh-CN/projects', page('before'));
      expect(await html(cache, '/zh-CN/projects')).toBe('before');
    }

    later(10);
    await db.update(projects).set({ nameZh: '缓存测试（改）' }).where(eq(projects.id, project.id));
    later(10);
    expect(await html(here, '/zh-CN/projects')).toBeNull();

    // The other instance did not write: it keeps its copy until its next look, at most a second later.
    delete (globalThis as Record<symbol, unknown>)[lastWriteKey];
    expect(await html(there, '/zh-CN/projects')).toBe('before');
    later(1100);
    expect(await html(there, '/zh-CN/projects')).toBeNull();
  });

  it('counts a change that commits while the page renders as newer than the page', async () => {
    const project = await aProject();
    const cache = await instance();
    expect(await cache.get('/en/transparency')).toBeNull(); // the render starts here…
    later(10);
    await db.update(projects).set({ nameEn: 'Changed mid-render' }).where(eq(projects.id, project.id));
    later(10);
    await cache.set('/en/transparency', page('rendered from older rows')); // …and is stored after the change
    expect(await cache.get('/en/transparency')).toBeNull();
  });

  it('notes one change per statement that changes rows, and none for a statement that changes nothing', async () => {
    const [a, b] = [await aProject(), await aProject()];
    const count = async () => Number((await db.select({ n: sql<string>`count(*)` }).from(cacheInvalidations))[0].n);
    const before = await count();
    await db.update(projects).set({ sortOrder: 7 }).where(sql`${projects.id} in (${a.id}, ${b.id})`);
    expect(await count()).toBe(before + 1);
    await db.update(projects).set({ sortOrder: 7 }).where(sql`false`);
    expect(await count()).toBe(before + 1);
  });

  it('passes revalidateTag() on to the other instances through the database', async () => {
    const [here, there] = [await instance(), await instance()];
    await there.get('/zh-CN/projects/x');
    await there.set('/zh-CN/projects/x', page('tagged'), { tags: ['project:x'] });
    await there.set('/zh-CN/projects/y', page('untagged'));
    later(1100);
    delete (globalThis as Record<symbol, unknown>)[lastWriteKey];
    expect(await html(there, '/zh-CN/projects/y')).toBe('untagged');

    later(10);
    await here.revalidateTag('project:x');
    later(1100);
    expect(await html(there, '/zh-CN/projects/x')).toBeNull();
    expect(await html(there, '/zh-CN/projects/y')).toBe('untagged');
  });
});
