import { Link } from 'react-router-dom';
import { Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { useExercises } from './api';
import { formatDue } from './format';

/** The published exercises of a course, each linking to its page. */
export function CourseExercises({ courseId }: { courseId: string }) {
  const list = useExercises(courseId);
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
          {list.data?.map((e) => (
            <li key={e.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
              <Link to={`/courses/${courseId}/exercises/${e.id}`} className="font-semibold text-link underline">
                {e.title}
              </Link>
              <span className="text-sm text-muted">
                {e.questions.length} {e.questions.length === 1 ? 'question' : 'questions'} · {formatDue(e.due_at)}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </Card>
  );
}
