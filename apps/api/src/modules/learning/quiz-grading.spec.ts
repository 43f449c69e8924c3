import { describe, expect, it } from 'vitest';
import { drawAttempt, gradeAttempt, isCorrect, normaliseShortAnswer, type GradableQuestion } from './quiz-grading.js';

const option = (id: string, correct = false) => ({ id, texts: { en: id }, correct, feedback: {} });
const q = (type: GradableQuestion['type'], options: ReturnType<typeof option>[], extra: Partial<GradableQuestion> = {}): GradableQuestion => ({
  id: `q-${type}`,
  type,
  options,
  acceptedAnswers: {},
  points: 1,
  ...extra,
});

describe('single choice and true/false', () => {
  const single = q('SINGLE_CHOICE', [option('a'), option('b', true), option('c')]);
  it('counts exactly the correct option', () => {
    expect(isCorrect(single, { optionIds: ['b'] })).toBe(true);
    expect(isCorrect(single, { optionIds: ['a'] })).toBe(false);
  });
  it('refuses two options, none, or no answer at all', () => {
    expect(isCorrect(single, { optionIds: ['b', 'a'] })).toBe(false);
    expect(isCorrect(single, { optionIds: [] })).toBe(false);
    expect(isCorrect(single, undefined)).toBe(false);
  });
  it('true/false is a single choice between its two options', () => {
    const tf = q('TRUE_FALSE', [option('true'), option('false', true)]);
    expect(isCorrect(tf, { optionIds: ['false'] })).toBe(true);
    expect(isCorrect(tf, { optionIds: ['true'] })).toBe(false);
    expect(isCorrect(tf, { optionIds: ['true', 'false'] })).toBe(false);
  });
});

describe('multiple choice: all or nothing', () => {
  const multi = q('MULTIPLE_CHOICE', [option('a', true), option('b'), option('c', true), option('d')]);
  it('counts only the exact set of correct options, in any order', () => {
    expect(isCorrect(multi, { optionIds: ['c', 'a'] })).toBe(true);
    expect(isCorrect(multi, { optionIds: ['a'] })).toBe(false);
    expect(isCorrect(multi, { optionIds: ['a', 'b', 'c'] })).toBe(false);
    expect(isCorrect(multi, { optionIds: ['a', 'b', 'c', 'd'] })).toBe(false);
  });
  it('a repeated option is not a way to pad the set', () => {
    expect(isCorrect(multi, { optionIds: ['a', 'a'] })).toBe(false);
  });
});

describe('ordering: exact order', () => {
  const ordering = q('ORDERING', [option('first'), option('second'), option('third')]);
  it('counts only the stored order', () => {
    expect(isCorrect(ordering, { optionIds: ['first', 'second', 'third'] })).toBe(true);
    expect(isCorrect(ordering, { optionIds: ['first', 'third', 'second'] })).toBe(false);
    expect(isCorrect(ordering, { optionIds: ['first', 'second'] })).toBe(false);
  });
});

describe('short text', () => {
  const short = q('SHORT_TEXT', [], { acceptedAnswers: { en: ['Recovery position'], fr: ['Position latérale de sécurité'], ar: ['وضعية الإفاقة'] } });
  it('ignores case, accents, spaces and a final full stop', () => {
    expect(isCorrect(short, { text: '  recovery   POSITION. ' })).toBe(true);
    expect(isCorrect(short, { text: 'position laterale de securite' })).toBe(true);
  });
  it('accepts an answer in any language and folds Arabic vowels and hamza forms', () => {
    expect(isCorrect(short, { text: 'وَضْعِيَّة الافاقة' })).toBe(true);
    expect(isCorrect(short, { text: 'وضعيـــة الإفاقة؟' })).toBe(true);
  });
  it('refuses another answer and an empty one', () => {
    expect(isCorrect(short, { text: 'recovery' })).toBe(false);
    expect(isCorrect(short, { text: '   ' })).toBe(false);
    expect(isCorrect(q('SHORT_TEXT', [], { acceptedAnswers: { en: [''] } }), { text: '' })).toBe(false);
  });
  it('normalises full-width letters', () => {
    expect(normaliseShortAnswer('ＣＰＲ')).toBe('cpr');
  });
});

describe('scoring an attempt', () => {
  const a = { ...q('SINGLE_CHOICE', [option('x', true), option('y')]), id: 'a', points: 3 };
  const b = { ...q('SINGLE_CHOICE', [option('x', true), option('y')]), id: 'b', points: 1 };
  it('weights by points and passes at the pass mark exactly', () => {
    const grade = gradeAttempt([a, b], new Map([['a', { optionIds: ['x'] }]]), 75);
    expect(grade).toMatchObject({ earnedPoints: 3, totalPoints: 4, scorePercent: 75, passed: true, correct: { a: true, b: false } });
    expect(gradeAttempt([a, b], new Map([['a', { optionIds: ['x'] }]]), 76).passed).toBe(false);
  });
  it('rounds the shown percent down and decides on the exact fraction', () => {
    const three = [0, 1, 2].map((i) => ({ ...b, id: `q${i}` }));
    const grade = gradeAttempt(three, new Map([['q0', { optionIds: ['x'] }], ['q1', { optionIds: ['x'] }]]), 67);
    expect(grade.scorePercent).toBe(66);
    expect(grade.passed).toBe(false); // 66.67 % < 67 %
    expect(gradeAttempt(three, new Map([['q0', { optionIds: ['x'] }], ['q1', { optionIds: ['x'] }]]), 66).passed).toBe(true);
  });
});

describe('drawing an attempt', () => {
  const pool = Array.from({ length: 10 }, (_, i) => ({
    ...q('ORDERING', [option('1'), option('2'), option('3')]),
    id: `q${i}`,
  }));
  it('draws the requested number of distinct questions from the pool', () => {
    const draw = drawAttempt(pool, 4);
    expect(draw.questionIds).toHaveLength(4);
    expect(new Set(draw.questionIds).size).toBe(4);
  });
  it('never starts an ordering question in its correct order', () => {
    for (let run = 0; run < 50; run++) {
      const draw = drawAttempt(pool, null);
      for (const id of draw.questionIds) expect(draw.optionOrders[id]).not.toEqual(['1', '2', '3']);
    }
    // Even with a random source that always keeps the order.
    const stuck = drawAttempt(pool.slice(0, 1), null, () => 0.999);
    expect(stuck.optionOrders.q0).not.toEqual(['1', '2', '3']);
    expect([...stuck.optionOrders.q0!].sort()).toEqual(['1', '2', '3']);
  });
  it('keeps true/false in its natural order', () => {
    const tf = { ...q('TRUE_FALSE', [option('true'), option('false', true)]), id: 'tf' };
    expect(drawAttempt([tf], null).optionOrders.tf).toEqual(['true', 'false']);
  });
});
