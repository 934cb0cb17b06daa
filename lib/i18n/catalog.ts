import fs from 'node:fs';
import path from 'node:path';
import type { Locale } from './locales';

export type Catalog = Record<string, Record<string, unknown>>;

/**
 * A locale's messages: one JSON file per namespace under messages/<locale>/, so each part of the product
 * keeps its own strings. Read once per process.
 */
const cache = new Map<Locale, Catalog>();

export function loadCatalog(locale: Locale): Catalog {
  let catalog = cache.get(locale);
  if (!catalog) {
    const dir = path.join(process.cwd(), 'lib', 'i18n', 'messages', locale);
    catalog = {};
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      catalog[file.replace(/\.json$/, '')] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
    cache.set(locale, catalog);
  }
  return catalog;
}
