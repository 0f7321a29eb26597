import { controlClass, Field } from '../../theme/Field';
import { Input } from '../../theme';
import type { ExerciseQuestion } from './api';
import { emptyDraft, questionTypeLabel, type Draft } from './answers';

/** One question as a fieldset: its prompt is the legend, its answer control depends on its type. */
export function QuestionField({
  question,
  number,
  draft = emptyDraft,
  onChange,
  disabled,
}: {
  question: ExerciseQuestion;
  number: number;
  draft?: Draft | undefined;
  onChange: (next: Draft) => void;
  disabled: boolean;
}) {
  const q = question;
  return (
    <fieldset disabled={disabled} className="flex flex-col gap-3 rounded-card border border-line p-4">
      <legend className="px-1 font-heading font-semibold">
        Question {number}: {q.prompt}
      </legend>
      <p className="text-sm text-muted">
        {questionTypeLabel[q.type]} · {q.points} {q.points === 1 ? 'point' : 'points'}
      </p>
      {(q.type === 'single_choice' || q.type === 'multiple_choice') && (
        <Choices question={q} selected={draft.selected} onChange={(selected) => onChange({ ...draft, selected })} />
      )}
      {q.type === 'numeric' && (
        <Input
          label="Your answer"
          inputMode="decimal"
          autoComplete="off"
          value={draft.number}
          onChange={(e) => onChange({ ...draft, number: e.target.value })}
          hint="A number; a decimal point or comma both work."
        />
      )}
      {q.type === 'short_text' && (
        <Input
          label="Your answer"
          autoComplete="off"
          maxLength={10000}
          value={draft.text}
          onChange={(e) => onChange({ ...draft, text: e.target.value })}
        />
      )}
      {q.type === 'free_text' && (
        <Field label="Your answer" hint="A grader reads and scores this answer.">
          {({ id, describedBy }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              rows={5}
              maxLength={10000}
              className={controlClass}
              value={draft.text}
              onChange={(e) => onChange({ ...draft, text: e.target.value })}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}

/** Radios for a single choice, checkboxes for a multiple choice (native inputs: arrow keys and Space work). */
function Choices({
  question,
  selected,
  onChange,
}: {
  question: ExerciseQuestion;
  selected: number[];
  onChange: (next: number[]) => void;
}) {
  const single = question.type === 'single_choice';
  return (
    <ul className="flex flex-col gap-1">
      {question.options.map((option, i) => (
        <li key={i}>
          <label className="flex min-h-10 cursor-pointer items-center gap-3 rounded-lg px-2 hover:bg-accent-soft">
            <input
              type={single ? 'radio' : 'checkbox'}
              name={question.id}
              className="h-4 w-4 accent-primary"
              checked={selected.includes(i)}
              onChange={(e) =>
                onChange(single ? [i] : e.target.checked ? [...selected, i] : selected.filter((s) => s !== i))
              }
            />
            {option}
          </label>
        </li>
      ))}
    </ul>
  );
}
