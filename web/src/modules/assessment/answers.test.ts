import { describe, expect, it } from 'vitest';
import type { ExerciseQuestion, SubmittedAnswer } from './api';
import { buildSubmission, describeAnswer, describeKey, isAnswered } from './answers';
import { formatDue, formatScore, isPastDue } from './format';

const q = (id: string, type: ExerciseQuestion['type'], options: string[] = []): ExerciseQuestion => ({
  id,
  position: 1,
  type,
  prompt: `${type}?`,
  options,
  points: 1,
  answer_key: null,
});

const single = q('s', 'single_choice', ['Venus', 'Mercury']);
const multi = q('m', 'multiple_choice', ['2', '4', '7']);
const numeric = q('n', 'numeric');
const short = q('t', 'short_text');
const free = q('f', 'free_text');
const draft = (d: Partial<{ selected: number[]; number: string; text: string }>) => ({
  selected: [],
  number: '',
  text: '',
  ...d,
});

describe('buildSubmission', () => {
  it('puts each answer in the field its type uses and leaves unanswered questions out', () => {
    const body = buildSubmission([single, multi, numeric, short, free], {
      s: draft({ selected: [1] }),
      m: draft({ selected: [2, 0] }),
      n: draft({ number: ' 3,14 ' }),
      t: draft({ text: '  Paris ' }),
      f: draft({ text: '' }),
    });
    expect(body).toEqual({
      answers: [
        { question_id: 's', selected: [1] },
        { question_id: 'm', selected: [0, 2] },
        { question_id: 'n', number: '3.14' },
        { question_id: 't', text: 'Paris' },
      ],
    });
  });

  it('keeps a written answer as typed', () => {
    expect(buildSubmission([free], { f: draft({ text: ' line one\nline two ' }) }).answers).toEqual([
      { question_id: 'f', text: ' line one\nline two ' },
    ]);
  });

  it('counts a question answered only when its own field has something', () => {
    expect(isAnswered(numeric, draft({ text: 'x' }))).toBe(false);
    expect(isAnswered(numeric, draft({ number: '0' }))).toBe(true);
    expect(isAnswered(multi, undefined)).toBe(false);
  });
});

describe('describing answers and keys', () => {
  const answer = (a: Partial<SubmittedAnswer>): SubmittedAnswer => ({
    question_id: 'x',
    selected: [],
    number: null,
    text: null,
    points: 0,
    max_points: 1,
    correct_answer: null,
    ...a,
  });
  const key = { correct_options: [], numeric_answer: null, tolerance: null, accepted_answers: [] };

  it('names chosen options, numbers and texts', () => {
    expect(describeAnswer(multi, answer({ selected: [0, 2] }))).toBe('2, 7');
    expect(describeAnswer(numeric, answer({ number: 3.14 }))).toBe('3.14');
    expect(describeAnswer(short, answer({ text: '  ' }))).toBe('No answer');
    expect(describeAnswer(single, undefined)).toBe('No answer');
  });

  it('states the correct answer per type', () => {
    expect(describeKey(single, { ...key, correct_options: [1] })).toBe('Mercury');
    expect(describeKey(numeric, { ...key, numeric_answer: 3.14, tolerance: 0.005 })).toBe('3.14 (± 0.005)');
    expect(describeKey(numeric, { ...key, numeric_answer: 42, tolerance: 0 })).toBe('42');
    expect(describeKey(short, { ...key, accepted_answers: ['Paris', 'paris, France'] })).toBe('Paris or paris, France');
    expect(describeKey(free, key)).toBe('Graded by hand');
  });
});

describe('format', () => {
  it('writes scores without needless decimals', () => {
    expect(formatScore(4)).toBe('4');
    expect(formatScore(83.33333333)).toBe('83.33');
    expect(formatScore(2.5)).toBe('2.5');
  });

  it('tells a due date from a closed one', () => {
    const now = Date.parse('2026-12-07T12:00:00Z');
    expect(isPastDue(null, now)).toBe(false);
    expect(isPastDue('2026-12-07T11:59:59Z', now)).toBe(true);
    expect(formatDue(null, now)).toBe('No due date');
    expect(formatDue('2026-12-08T00:00:00Z', now)).toMatch(/^Due /);
    expect(formatDue('2026-12-01T00:00:00Z', now)).toMatch(/^Closed /);
  });
});
