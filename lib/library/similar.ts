/**
 * "Most similar first" for the popup's compare offer: a cheap resemblance between notices from sampled
 * character 8-gram fingerprints (winnowing-like: keep the grams whose hash is 0 mod 4), so candidates can
 * be ranked over hundreds of notices in milliseconds; the compare view then does the exact alignment.
 */
import type { NoticeRepository } from '../storage/repository';

const GRAM = 8;

function fold(text: string): string {
  // Compare content, not layout: drop whitespace and punctuation, fold full-width forms.
  return text.replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Sampled 8-gram hashes of a text. */
export function fingerprint(text: string): Set<number> {
  const s = fold(text);
  const out = new Set<number>();
  for (let i = 0; i + GRAM <= s.length; i++) {
    let h = 2166136261;
    for (let k = 0; k < GRAM; k++) h = Math.imul(h ^ s.charCodeAt(i + k), 16777619);
    if ((h & 3) === 0) out.add(h >>> 0);
  }
  return out;
}

/** Shared grams over the smaller fingerprint: 1 when one text contains the other's passages. */
export function resemblance(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / small.size;
}

/** The `limit` stored notices most like notice `id`, among the most recent `pool`. */
export async function rankSimilar(
  repo: NoticeRepository,
  id: string,
  limit = 3,
  pool = 300,
): Promise<Array<{ id: string; title: string; similarity: number }>> {
  const self = await repo.db.noticeTexts.get(id);
  if (!self) return [];
  const mine = fingerprint(self.text);
  const recent = await repo.db.notices
    .orderBy('updatedAt')
    .reverse()
    .filter((n) => n.deletedAt == null && n.id !== id)
    .limit(pool)
    .toArray();
  const texts = await repo.db.noticeTexts.bulkGet(recent.map((n) => n.id));
  const scored = recent
    .map((n, i) => ({
      id: n.id,
      title: n.metadata.title ?? n.urls[0] ?? n.id,
      similarity: texts[i] ? resemblance(mine, fingerprint(texts[i].text)) : 0,
    }))
    .filter((s) => s.similarity > 0.02);
  scored.sort((a, b) => b.similarity - a.similarity);
  return scored.slice(0, limit);
}
