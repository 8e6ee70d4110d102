/**
 * Links what discovery noted about a prospect's needs to the offer's benefits, so the rep
 * presents "each need answered by a benefit" (PLAYBOOK step 5). Plain word overlap on
 * accent-free stems: explainable, instant, and good enough for short notes.
 */

const STOPWORDS = new Set(
  (
    'avec pour dans plus moins sans sous leur leurs votre vous nous elle elles sont être avoir fait faire cette ces ' +
    'entre comme mais donc aussi tout tous toutes chez depuis vers that with your their from this have will more less ' +
    'about into than them they what when where which while ' +
    'les des une par sur est pas que qui aux ses nos vos the and for our are was not you but all can her his its'
  ).split(' '),
);

const STEM_LENGTH = 5;

/** The distinct stems of the meaningful words of a text. */
export function stemsOf(text: string): Set<string> {
  const words = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);
  return new Set(words.filter((word) => word.length >= 3 && !STOPWORDS.has(word)).map((word) => word.slice(0, STEM_LENGTH)));
}

export interface BenefitMatch {
  benefit: string;
  /** The noted needs this benefit answers, best first. */
  needs: string[];
  score: number;
}

/** Every benefit with the needs it answers; benefits answering a need come first. */
export function matchBenefitsToNeeds(benefits: readonly string[], needs: readonly string[]): BenefitMatch[] {
  const needStems = needs.map((need) => ({ need, stems: stemsOf(need) }));
  return benefits
    .map((benefit, index) => {
      const stems = stemsOf(benefit);
      const scored = needStems
        .map(({ need, stems: needSet }) => ({ need, overlap: [...needSet].filter((stem) => stems.has(stem)).length }))
        .filter((entry) => entry.overlap > 0)
        .sort((a, b) => b.overlap - a.overlap);
      return { benefit, needs: scored.map((entry) => entry.need), score: scored[0]?.overlap ?? 0, index };
    })
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map(({ benefit, needs: matched, score }) => ({ benefit, needs: matched, score }));
}

/** Objections whose text or answer contains every word of the query (accent- and case-insensitive). */
export function searchObjections<T extends { objection: string; answer: string }>(objections: readonly T[], query: string): T[] {
  const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...objections];
  return objections.filter((item) => {
    const haystack = fold(`${item.objection} ${item.answer}`);
    return words.every((word) => haystack.includes(word));
  });
}
