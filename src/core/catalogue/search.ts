/**
 * Full-text search over requirement ID, title, intent and questions. Every word of the query must
 * appear; hits in the ID and title rank above hits in the intent and questions.
 */
import type { Requirement } from './types';

export interface SearchHit {
  requirement: Requirement;
  score: number;
}

const WEIGHTS = { id: 8, title: 6, intent: 3, questions: 2 } as const;
type Field = keyof typeof WEIGHTS;

export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

interface Entry {
  requirement: Requirement;
  fields: Record<Field, string>;
}

export function createSearch(requirements: readonly Requirement[]): (query: string, limit?: number) => SearchHit[] {
  const entries: Entry[] = requirements.map((requirement) => ({
    requirement,
    fields: {
      id: fold(requirement.id),
      title: fold(requirement.title),
      intent: fold(requirement.intent),
      questions: fold(requirement.questions.join('\n')),
    },
  }));

  return (query, limit = 50) => {
    const folded = fold(query.trim()).replace(/\s+/g, ' ');
    if (!folded) return [];
    const words = folded.split(' ');
    const hits: SearchHit[] = [];
    for (const entry of entries) {
      let score = 0;
      if (entry.fields.id === folded) score += 100;
      else if (entry.fields.id.startsWith(folded)) score += 50;
      let all = true;
      for (const word of words) {
        let best = 0;
        for (const field of Object.keys(WEIGHTS) as Field[]) {
          if (entry.fields[field].includes(word)) best = Math.max(best, WEIGHTS[field]);
        }
        if (best === 0) {
          all = false;
          break;
        }
        score += best;
      }
      if (all || score >= 50) hits.push({ requirement: entry.requirement, score });
    }
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  };
}
