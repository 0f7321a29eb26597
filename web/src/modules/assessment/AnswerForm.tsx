import { useState, type FormEvent } from 'react';
import { Button, ErrorBanner } from '../../theme';
import { useSubmit, type Exercise } from './api';
import { buildSubmission, isAnswered, type Drafts } from './answers';
import { QuestionField } from './QuestionField';

/** The questions to answer and the submit button; the drafts stay while I try again. */
export function AnswerForm({
  courseId,
  exercise: ex,
  attemptsLeft,
  onSubmitted,
}: {
  courseId: string;
  exercise: Exercise;
  attemptsLeft: number;
  onSubmitted: (submissionId: string) => void;
}) {
  const [drafts, setDrafts] = useState<Drafts>({});
  const submit = useSubmit(courseId, ex.id);
  const answered = ex.questions.filter((q) => isAnswered(q, drafts[q.id])).length;

  function send(e: FormEvent) {
    e.preventDefault();
    submit.mutate(buildSubmission(ex.questions, drafts), { onSuccess: (s) => onSubmitted(s.id) });
  }

  return (
    <form onSubmit={send} className="flex flex-col gap-4" aria-labelledby="answer-title">
      <h2 id="answer-title" className="text-xl">
        {attemptsLeft < ex.attempts_allowed ? 'Try again' : 'Your answers'}
      </h2>
      {ex.questions.map((q, i) => (
        <QuestionField
          key={q.id}
          question={q}
          number={i + 1}
          draft={drafts[q.id]}
          disabled={submit.isPending}
          onChange={(d) => setDrafts((all) => ({ ...all, [q.id]: d }))}
        />
      ))}
      <ErrorBanner error={submit.error} title="Your answers could not be submitted" />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" busy={submit.isPending}>
          Submit answers
        </Button>
        <span className="text-muted">
          {answered} of {ex.questions.length} answered · unanswered questions score 0
        </span>
      </div>
    </form>
  );
}
