import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../auth/session';
import { Card, ErrorBanner, Spinner } from '../../theme';
import { useExercise, useMySubmissions, type Exercise, type Submission } from './api';
import { AnswerForm } from './AnswerForm';
import { AnswerKeys, EarlierAttempts } from './ReviewParts';
import { formatDate, formatScore, isPastDue } from './format';
import { SubmissionResult } from './SubmissionResult';

/** An exercise (/courses/:courseId/exercises/:exerciseId): answer it, see the graded result and attempts left. */
export default function ExercisePage() {
  const { courseId = '', exerciseId = '' } = useParams();
  const exercise = useExercise(courseId, exerciseId);
  const submissions = useMySubmissions(courseId, exerciseId);
  const { user } = useSession();
  usePageTitle(exercise.data?.title ?? 'Exercise');
  if (exercise.error || submissions.error) {
    return <ErrorBanner error={exercise.error ?? submissions.error} title="This exercise could not be loaded" />;
  }
  if (exercise.isPending || submissions.isPending || !user) return <Spinner label="Loading the exercise" />;
  // A grader's list holds every learner's submissions: this page is about mine.
  const mine = submissions.data.filter((s) => s.user_id === user.id);
  return <ExerciseView courseId={courseId} exercise={exercise.data} submissions={mine} />;
}

function ExerciseView({ courseId, exercise: ex, submissions }: { courseId: string; exercise: Exercise; submissions: Submission[] }) {
  const used = submissions.length;
  const left = Math.max(0, ex.attempts_allowed - used);
  const closed = isPastDue(ex.due_at);
  // Only the course's graders get answer keys with the exercise: they review it rather than take it.
  const grader = ex.questions.some((q) => q.answer_key !== null);
  const latest = submissions[submissions.length - 1];
  const best = submissions.reduce((m, s) => Math.max(m, s.score), 0);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const [justSubmitted, setJustSubmitted] = useState<string | null>(null);

  // A new result takes the keyboard focus, so it is read out right after submitting.
  useEffect(() => {
    if (justSubmitted) resultHeading.current?.focus();
  }, [justSubmitted]);

  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <p className="mb-2">
          <Link to={`/learn/${courseId}`} className="text-link underline">
            Back to the course
          </Link>
        </p>
        <h1 className="text-3xl">{ex.title}</h1>
        {ex.description && <p className="mt-2 whitespace-pre-line text-muted">{ex.description}</p>}
      </div>
      <Card>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 sm:grid-cols-4">
          <Fact term="Questions" value={String(ex.questions.length)} />
          <Fact term="Points" value={String(ex.max_score)} />
          <Fact term="Attempts left" value={`${left} of ${ex.attempts_allowed}`} />
          <Fact term={closed ? 'Closed' : 'Due'} value={ex.due_at ? formatDate(ex.due_at) : 'No due date'} />
        </dl>
        {used > 1 && <p className="mt-2 text-sm text-muted">Your best score so far: {formatScore(best)}</p>}
      </Card>
      <p role="status" className="font-semibold">
        {justSubmitted && latest ? `Submitted. Attempt ${latest.attempt} scored ${formatScore(latest.score)} of ${formatScore(latest.max_score)} points.` : ''}
      </p>
      {closed && (
        <p className="rounded-lg bg-accent-soft p-3">
          This exercise closed on {ex.due_at && formatDate(ex.due_at)}.
          {latest ? ' The correct answers are shown with your last attempt.' : ' You did not submit an attempt.'}
        </p>
      )}
      {!closed && left === 0 && (
        <p className="rounded-lg bg-accent-soft p-3">
          You have used all {ex.attempts_allowed} attempts. The correct answers are shown here after the due date.
        </p>
      )}
      {latest && <SubmissionResult ref={resultHeading} submission={latest} questions={ex.questions} />}
      {submissions.length > 1 && <EarlierAttempts submissions={submissions.slice(0, -1)} />}
      {grader && <AnswerKeys questions={ex.questions} />}
      {!grader && !closed && left > 0 && (
        <AnswerForm courseId={courseId} exercise={ex} attemptsLeft={left} onSubmitted={setJustSubmitted} />
      )}
    </div>
  );
}

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div>
      <dt className="text-sm text-muted">{term}</dt>
      <dd className="font-semibold">{value}</dd>
    </div>
  );
}
