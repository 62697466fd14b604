/**
 * Shared demand's one rule: which group each live training need joins. The server applies it to
 * the stemmed words PostgreSQL makes of each topic (the weight-A lexemes of its search_vector),
 * so "Dementia awareness for night staff" and "dementia awareness" share "dementia" and "awar".
 */
/** Two topics are alike when at least half the stemmed words of the shorter are in the other (stop words left out). */
export function topicsAlike(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (!a.size || !b.size) return false;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared > 0 && shared * 2 >= Math.min(a.size, b.size);
}

/** What grouping reads of a need; needs are given in the order they were raised. */
export interface GroupingFacts { id: string; mandatorySubject: string | null; ksfDimension: string | null; words: readonly string[] }

/**
 * The one group each need joins, by key: its mandatory subject; else its KSF dimension; else, by
 * topic, the group of the earliest earlier need that started a topic group and that it is like,
 * or a group of its own (needs in order of raising, so keys are stable as needs are added).
 * Topic needs with no words (all stop words) join none. An inverted index from word to groups
 * keeps the comparisons to groups that share a word.
 */
export function groupKeys(needs: readonly GroupingFacts[]): Map<string, string> {
  const keys = new Map<string, string>();
  const roots: Array<{ id: string; words: Set<string> }> = [];
  const rootsByWord = new Map<string, number[]>();
  for (const need of needs) {
    if (need.mandatorySubject) keys.set(need.id, `mandatory_subject:${need.mandatorySubject}`);
    else if (need.ksfDimension) keys.set(need.id, `ksf_dimension:${need.ksfDimension}`);
    else if (need.words.length) {
      const words = new Set(need.words);
      const candidates = new Set<number>();
      for (const word of words) for (const index of rootsByWord.get(word) ?? []) candidates.add(index);
      const joined = [...candidates].sort((x, y) => x - y).find((index) => topicsAlike(words, roots[index].words));
      if (joined !== undefined) {
        keys.set(need.id, `topic:${roots[joined].id}`);
        continue;
      }
      roots.push({ id: need.id, words });
      for (const word of words) rootsByWord.set(word, [...rootsByWord.get(word) ?? [], roots.length - 1]);
      keys.set(need.id, `topic:${need.id}`);
    }
  }
  return keys;
}
