import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { createWorld } from './support/factories.js';
import { Author, fieldCodes } from './courses-authoring.support.js';

let t: TestApp;
let author: Author;
let versionId: string;

beforeAll(async () => {
  t = await startTestApp();
  const world = await createWorld(t.prisma);
  author = await Author.signIn(t, world.coordinator);
  versionId = (await author.createCourse({ networkId: world.network.id, title: 'Question bank' })).version.id;
});
afterAll(async () => {
  await t?.close();
});

const option = (id: string, correct = false) => ({ id, texts: { en: `Option ${id}` }, correct });

/** Each type's rule, the question that breaks it, and the code that names the break. */
const refused: [string, object, Record<string, string[]>][] = [
  ['single choice with two correct options', { type: 'SINGLE_CHOICE', options: [option('a', true), option('b', true)] }, { options: ['exactlyOneCorrect'] }],
  ['single choice with none correct', { type: 'SINGLE_CHOICE', options: [option('a'), option('b')] }, { options: ['exactlyOneCorrect'] }],
  ['single choice with one option', { type: 'SINGLE_CHOICE', options: [option('a', true)] }, { options: ['atLeastTwoOptions'] }],
  ['multiple choice with none correct', { type: 'MULTIPLE_CHOICE', options: [option('a'), option('b'), option('c')] }, { options: ['atLeastOneCorrect'] }],
  ['true/false with other option ids', { type: 'TRUE_FALSE', options: [option('yes', true), option('no')] }, { options: ['trueFalseOptions'] }],
  ['true/false with both correct', { type: 'TRUE_FALSE', options: [option('true', true), option('false', true)] }, { options: ['exactlyOneCorrect'] }],
  ['ordering with one step', { type: 'ORDERING', options: [option('a')] }, { options: ['atLeastTwoOptions'] }],
  ['short text without an accepted answer', { type: 'SHORT_TEXT', acceptedAnswers: { en: [] } }, { acceptedAnswers: ['atLeastOneAcceptedAnswer'] }],
  ['short text with options', { type: 'SHORT_TEXT', options: [option('a')], acceptedAnswers: { en: ['112'] } }, { options: ['noOptionsForShortText'] }],
  ['choice with accepted answers', { type: 'SINGLE_CHOICE', options: [option('a', true), option('b')], acceptedAnswers: { en: ['a'] } }, { acceptedAnswers: ['acceptedAnswersOnlyForShortText'] }],
  ['duplicate option ids', { type: 'MULTIPLE_CHOICE', options: [option('a', true), option('a')] }, { options: ['duplicateOptionId'] }],
  ['an option without text', { type: 'MULTIPLE_CHOICE', options: [option('a', true), { id: 'b', texts: {} }] }, { 'options.1.texts': ['optionTextRequired'] }],
  ['an unknown type', { type: 'ESSAY' }, { type: ['invalid_value'] }],
];

describe('the question bank refuses a broken question of every type', () => {
  it.each(refused)('refuses %s', async (_, question, codes) => {
    const before = author.revision;
    const answer = await author.send('post', `/versions/${versionId}/questions`, { prompts: { en: 'Prompt' }, ...question });
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe('VALIDATION_FAILED');
    expect(fieldCodes(answer.body)).toEqual(codes);
    expect(author.revision).toBe(before);
  });

  it('accepts a valid question of each type and stores ordering steps in the order given', async () => {
    const valid = [
      { type: 'SINGLE_CHOICE', options: [option('a'), option('b', true)] },
      { type: 'MULTIPLE_CHOICE', options: [option('a', true), option('b'), option('c', true)] },
      { type: 'TRUE_FALSE', options: [{ id: 'false' }, { id: 'true', correct: true }] },
      { type: 'ORDERING', options: [option('check'), option('call', true), option('compress')] },
      { type: 'SHORT_TEXT', acceptedAnswers: { en: ['112', 'one one two'] }, points: 2 },
    ];
    for (const question of valid) {
      await author.ok('post', `/versions/${versionId}/questions`, { prompts: { en: `A ${question.type}` }, explanations: { en: 'Because.' }, ...question });
    }
    const bank = author.tree!.questions;
    expect(bank.map((q) => q.type)).toEqual(['SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'ORDERING', 'SHORT_TEXT']);
    expect(bank.map((q) => q.position)).toEqual([0, 1, 2, 3, 4]);
    const ordering = bank.find((q) => q.type === 'ORDERING')!;
    expect(ordering.options.map((o) => o.id)).toEqual(['check', 'call', 'compress']);
    // The order is the answer: correctness flags mean nothing for ORDERING.
    expect(ordering.options.every((o) => o.correct === false)).toBe(true);
    expect(bank.find((q) => q.type === 'SHORT_TEXT')).toMatchObject({ acceptedAnswers: { en: ['112', 'one one two'] }, points: 2, explanations: { en: 'Because.' } });
  });

  it('applies the same rules when a question is replaced, and deletes questions', async () => {
    const single = author.tree!.questions.find((q) => q.type === 'SINGLE_CHOICE')!;
    const broken = await author.send('put', `/questions/${single.id}`, { type: 'SINGLE_CHOICE', prompts: { en: 'P' }, options: [option('a', true), option('b', true)] });
    expect(fieldCodes(broken.body)).toEqual({ options: ['exactlyOneCorrect'] });
    const changed = await author.ok('put', `/questions/${single.id}`, { type: 'MULTIPLE_CHOICE', pool: 'week-2', prompts: { en: 'Pick all' }, options: [option('a', true), option('b', true)] }, 200);
    expect(changed.questions.find((q) => q.id === single.id)).toMatchObject({ type: 'MULTIPLE_CHOICE', pool: 'week-2' });
    const after = await author.ok('delete', `/questions/${single.id}`, undefined, 200);
    expect(after.questions.map((q) => q.id)).not.toContain(single.id);
    expect((await author.send('delete', `/questions/${single.id}`)).status).toBe(404);
  });
});
