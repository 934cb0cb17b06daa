/** Types for page-cache.js (plain CommonJS, loaded by Next.js at run time). */
declare class PageCache {
  get(key: string, ctx?: { softTags?: string[] }): Promise<{ value: any; lastModified: number; cacheControl: unknown } | null>;
  set(key: string, value: unknown, ctx?: { tags?: string[]; cacheControl?: unknown }): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
export = PageCache;
