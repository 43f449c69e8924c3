import type { QuizQuestionType } from '@tadamon/shared';
import { foldText } from '../../common/text/fold.js';

/**
 * Quiz grading: pure functions over stored questions and the learner's answers, so every rule
 * is tested without a database. Each question is all-or-nothing (no partial credit): a
 * multiple-choice question counts only when exactly the correct options are chosen, because a
 * learner who ticks every box must not collect half the points.
 */

export interface StoredOption {
  id: string;
  texts: Record<string, string>;
  correct: boolean;
  feedback: Record<string, string>;
}

export interface GradableQuestion {
  id: string;
  type: QuizQuestionType;
  /** For ORDERING, the stored order is the correct order. */
  options: StoredOption[];
  /** SHORT_TEXT: accepted answers per language; any language counts. */
  acceptedAnswers: Record<string, string[]>;
  points: number;
}

export interface GivenAnswer {
  optionIds?: string[];
  text?: string;
}

/**
 * Short answers are compared case-, accent- and whitespace-insensitively, with Arabic short
 * vowels, tatweel and alef/yeh variants folded (the library's fold), compatibility forms
 * (full-width letters, ligatures) normalised, and trailing punctuation ignored.
 */
export function normaliseShortAnswer(text: string): string {
  return foldText(text.normalize('NFKC'))
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/[.!?؟。,;:،؛]+$/u, '')
    .trim();
}

const sameSet = (a: string[], b: string[]) => {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === a.length && left.size === right.size && [...left].every((id) => right.has(id));
};

/** True when this answer earns the question's points. */
export function isCorrect(question: GradableQuestion, answer: GivenAnswer | undefined): boolean {
  if (!answer) return false;
  const chosen = answer.optionIds ?? [];
  switch (question.type) {
    case 'SINGLE_CHOICE':
    case 'TRUE_FALSE': {
      const right = question.options.filter((o) => o.correct).map((o) => o.id);
      return chosen.length === 1 && right.includes(chosen[0]!);
    }
    case 'MULTIPLE_CHOICE':
      return sameSet(chosen, question.options.filter((o) => o.correct).map((o) => o.id));
    case 'ORDERING': {
      const order = question.options.map((o) => o.id);
      return chosen.length === order.length && chosen.every((id, i) => id === order[i]);
    }
    case 'SHORT_TEXT': {
      const given = normaliseShortAnswer(answer.text ?? '');
      if (given === '') return false;
      return Object.values(question.acceptedAnswers)
        .flat()
        .some((accepted) => normaliseShortAnswer(accepted) === given);
    }
  }
}

export interface Grade {
  /** questionId → correct */
  correct: Record<string, boolean>;
  earnedPoints: number;
  totalPoints: number;
  /** Rounded down, so 69.9 % never shows as 70 %. */
  scorePercent: number;
  passed: boolean;
}

/** Grades a whole attempt; the pass decision uses exact fractions, not the rounded percent. */
export function gradeAttempt(
  questions: GradableQuestion[],
  answers: Map<string, GivenAnswer>,
  passPercent: number,
): Grade {
  const correct: Record<string, boolean> = {};
  let earnedPoints = 0;
  let totalPoints = 0;
  for (const question of questions) {
    const ok = isCorrect(question, answers.get(question.id));
    correct[question.id] = ok;
    totalPoints += question.points;
    if (ok) earnedPoints += question.points;
  }
  const scorePercent = totalPoints === 0 ? 100 : Math.floor((earnedPoints * 100) / totalPoints);
  const passed = totalPoints === 0 || earnedPoints * 100 >= passPercent * totalPoints;
  return { correct, earnedPoints, totalPoints, scorePercent, passed };
}

/** Fisher–Yates with an injectable random source (tests pass a seeded one). */
export function shuffle<T>(items: readonly T[], random: () => number = Math.random): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The draw for a new attempt: `count` questions at random from the pool (all when null), each
 * with its options shuffled. True/false keeps "true, false" (shuffling two fixed words only
 * confuses); an ordering question never starts in its correct order when it has more than one
 * option, or the answer would be given away.
 */
export function drawAttempt(
  pool: GradableQuestion[],
  count: number | null,
  random: () => number = Math.random,
): { questionIds: string[]; optionOrders: Record<string, string[]> } {
  const drawn = shuffle(pool, random).slice(0, count ?? pool.length);
  const optionOrders: Record<string, string[]> = {};
  for (const question of drawn) {
    const ids = question.options.map((o) => o.id);
    if (question.type === 'TRUE_FALSE' || ids.length < 2) {
      optionOrders[question.id] = ids;
      continue;
    }
    let order = shuffle(ids, random);
    if (question.type === 'ORDERING') {
      for (let tries = 0; tries < 10 && order.every((id, i) => id === ids[i]); tries++) order = shuffle(ids, random);
      if (order.every((id, i) => id === ids[i])) order = [...ids.slice(1), ids[0]!];
    }
    optionOrders[question.id] = order;
  }
  return { questionIds: drawn.map((q) => q.id), optionOrders };
}
