import { forwardRef } from 'react';
import { Badge, Card } from '../../theme';
import type { ExerciseQuestion, Submission } from './api';
import { describeAnswer, describeKey } from './answers';
import { formatDate, formatScore } from './format';

/** One attempt's result: the score, and per question my answer, its points and (once due) the correct answer. */
export const SubmissionResult = forwardRef<HTMLHeadingElement, { submission: Submission; questions: ExerciseQuestion[] }>(
  function SubmissionResult({ submission: s, questions }, ref) {
    const answers = new Map(s.answers.map((a) => [a.question_id, a]));
    const waiting = s.status !== 'graded';
    return (
      <Card>
        <section aria-labelledby={`result-${s.id}`} className="flex flex-col gap-3">
          <h2 id={`result-${s.id}`} ref={ref} tabIndex={-1} className="text-xl">
            Attempt {s.attempt}: {formatScore(s.score)} of {formatScore(s.max_score)} points
          </h2>
          <p className="text-sm text-muted">
            Submitted {formatDate(s.submitted_at)}
            {waiting && ' · the written answers are waiting for a grader; the score may still rise'}
          </p>
          {s.feedback && <p className="rounded-lg bg-accent-soft p-3">Feedback: {s.feedback}</p>}
          <ol className="flex flex-col gap-3">
            {questions.map((q, i) => {
              const a = answers.get(q.id);
              const key = a?.correct_answer;
              return (
                <li key={q.id} className="rounded-lg border border-line p-3">
                  <p className="font-semibold">
                    Question {i + 1}: {q.prompt}
                  </p>
                  <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
                    <dt className="text-muted">Your answer</dt>
                    <dd className="whitespace-pre-line">{describeAnswer(q, a)}</dd>
                    <dt className="text-muted">Points</dt>
                    <dd>
                      {a?.points === null || a?.points === undefined ? (
                        <Badge>Waiting for a grader</Badge>
                      ) : (
                        `${formatScore(a.points)} of ${a.max_points}`
                      )}
                    </dd>
                    {key && (
                      <>
                        <dt className="text-muted">Correct answer</dt>
                        <dd>{describeKey(q, key)}</dd>
                      </>
                    )}
                  </dl>
                </li>
              );
            })}
          </ol>
        </section>
      </Card>
    );
  },
);
