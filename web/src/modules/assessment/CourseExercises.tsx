import { Link } from 'react-router-dom';
import { Badge, Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { useSession } from '../auth/session';
import { useExercises, useGrades } from './api';
import { formatDue, formatScore } from './format';

/** The published exercises of a course, each linking to its page, with my score where I have one. */
export function CourseExercises({ courseId }: { courseId: string }) {
  const list = useExercises(courseId);
  const grades = useGrades(courseId);
  const { user } = useSession();
  const mine = grades.data?.items.find((g) => g.user_id === user?.id)?.items ?? [];
  const score = (exerciseId: string) => mine.find((g) => g.exercise_id === exerciseId);
  return (
    <Card>
      <section aria-labelledby="exercises-title">
        <h2 id="exercises-title" className="mb-3 text-xl">
          Exercises
        </h2>
        <ErrorBanner error={list.error} title="The exercises could not be loaded" />
        {list.isPending && <Spinner label="Loading the exercises" />}
        {list.data?.length === 0 && <EmptyState title="This course has no exercises yet" />}
        <ul className="flex flex-col divide-y divide-line">
          {list.data?.map((e) => {
            const graded = score(e.id);
            return (
              <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link to={`/courses/${courseId}/exercises/${e.id}`} className="font-semibold text-link underline">
                  {e.title}
                </Link>
                <span className="flex flex-wrap items-center gap-2 text-sm text-muted">
                  {graded && (
                    <Badge tone="success">
                      Score {formatScore(graded.score)} of {formatScore(graded.max_score)}
                    </Badge>
                  )}
                  {e.questions.length} {e.questions.length === 1 ? 'question' : 'questions'} · {formatDue(e.due_at)}
                </span>
              </li>
            );
          })}
        </ul>
      </section>
    </Card>
  );
}
