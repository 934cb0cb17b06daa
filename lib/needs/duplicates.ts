/** Character-bigram Jaccard similarity: works for Chinese text without a word segmenter. */
export function textSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.replace(/[\s\p{P}]/gu, '');
    const set = new Set<string>();
    for (let i = 0; i < t.length - 1; i++) set.add(t.slice(i, i + 2));
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const g of x) if (y.has(g)) shared++;
  return shared / (x.size + y.size - shared);
}

/** Same phone within 30 days, and the same category or a similar description: worth a social worker's look. */
export function looksLikeDuplicate(
  incoming: { category: string; description: string },
  earlier: { category: string; description: string },
): boolean {
  return incoming.category === earlier.category || textSimilarity(incoming.description, earlier.description) >= 0.4;
}
