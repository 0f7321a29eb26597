// The parts of an exercise page that look back: answer keys (for graders) and earlier attempts.
import { Card } from '../../theme';
import type { Exercise, Submission } from './api';
import { describeKey } from './answers';
import { formatDate, formatScore } from './format';

export /** The questions with their answer keys, for the course's graders. */
function AnswerKeys({ questions }: { questions: Exercise['questions'] }) {
  return (
    <Card>
      <section aria-labelledby="keys-title" className="flex flex-col gap-3">
        <h2 id="keys-title" className="text-xl">
          Answer keys
        </h2>
        <p className="text-muted">You grade this course, so you see the answers; learners see them after the due date.</p>
        <ol className="flex flex-col gap-2">
          {questions.map((q, i) => (
            <li key={q.id} className="rounded-lg border border-line p-3">
              <p className="font-semibold">
                Question {i + 1}: {q.prompt}
              </p>
              <p>
                <span className="text-muted">Answer: </span>
                {q.answer_key ? describeKey(q, q.answer_key) : '—'}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </Card>
  );
}

export /** The scores of my earlier attempts, oldest first (the latest is shown in full above). */
function EarlierAttempts({ submissions }: { submissions: Submission[] }) {
  return (
    <details className="rounded-card border border-line bg-surface p-4">
      <summary className="cursor-pointer font-semibold">Earlier attempts ({submissions.length})</summary>
      <ul className="mt-2 flex flex-col gap-1">
        {submissions.map((s) => (
          <li key={s.id}>
            Attempt {s.attempt}: {formatScore(s.score)} of {formatScore(s.max_score)} points · {formatDate(s.submitted_at)}
          </li>
        ))}
      </ul>
    </details>
  );
}
