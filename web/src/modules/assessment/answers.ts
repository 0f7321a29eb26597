// A learner's draft answers, the submit body built from them, and the words
// for an answer or an answer key, per question type.
import type { AnswerKey, ExerciseQuestion, SubmitBody, SubmittedAnswer } from './api';

export interface Draft {
  selected: number[];
  number: string;
  text: string;
}

export const emptyDraft: Draft = { selected: [], number: '', text: '' };

export type Drafts = Record<string, Draft>;

/** Whether a question has an answer in the draft (the API scores unanswered ones 0). */
export function isAnswered(q: ExerciseQuestion, d: Draft | undefined): boolean {
  if (!d) return false;
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return d.selected.length > 0;
    case 'numeric':
      return d.number.trim() !== '';
    default:
      return d.text.trim() !== '';
  }
}

/** The submit body: one entry per answered question, in the field its type uses. */
export function buildSubmission(questions: ExerciseQuestion[], drafts: Drafts): SubmitBody {
  const answers: SubmitBody['answers'] = [];
  for (const q of questions) {
    const d = drafts[q.id];
    if (!d || !isAnswered(q, d)) continue;
    if (q.type === 'single_choice' || q.type === 'multiple_choice') {
      answers.push({ question_id: q.id, selected: [...d.selected].sort((a, b) => a - b) });
    } else if (q.type === 'numeric') {
      // Decimal text as the API wants it; a comma typed as the decimal mark is read as a point.
      answers.push({ question_id: q.id, number: d.number.trim().replace(',', '.') });
    } else {
      answers.push({ question_id: q.id, text: q.type === 'short_text' ? d.text.trim() : d.text });
    }
  }
  return { answers };
}

const optionWords = (q: ExerciseQuestion, indexes: number[]) =>
  indexes.map((i) => q.options[i] ?? `option ${i + 1}`).join(', ');

/** What I answered, in words. */
export function describeAnswer(q: ExerciseQuestion, a: SubmittedAnswer | undefined): string {
  if (!a) return 'No answer';
  if (q.type === 'single_choice' || q.type === 'multiple_choice') {
    return a.selected.length ? optionWords(q, a.selected) : 'No answer';
  }
  if (q.type === 'numeric') return a.number === null ? 'No answer' : String(a.number);
  return a.text?.trim() ? a.text : 'No answer';
}

/** The correct answer, in words (given once the exercise is past its due date). */
export function describeKey(q: ExerciseQuestion, key: AnswerKey): string {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return optionWords(q, key.correct_options);
    case 'numeric':
      if (key.numeric_answer === null) return '—';
      return key.tolerance ? `${key.numeric_answer} (± ${key.tolerance})` : String(key.numeric_answer);
    case 'short_text':
      return key.accepted_answers.join(' or ') || '—';
    default:
      return 'Graded by hand';
  }
}

export const questionTypeLabel: Record<ExerciseQuestion['type'], string> = {
  single_choice: 'Choose one',
  multiple_choice: 'Choose all that apply',
  numeric: 'Number',
  short_text: 'Short answer',
  free_text: 'Written answer, graded by hand',
};
