import { Link } from 'react-router-dom';
import { ApiError } from '../../api';
import { ErrorBanner } from '../../theme';

/**
 * A failed load explained: the API's message and request id, and for a
 * non-member (403 NOT_A_COURSE_MEMBER) the way in: enroll in the course.
 */
export function ListError({ error, title, courseId }: { error: unknown; title: string; courseId?: string | undefined }) {
  if (!error) return null;
  const notMember = error instanceof ApiError && error.code === 'NOT_A_COURSE_MEMBER';
  return (
    <div className="mb-4 flex flex-col gap-2">
      <ErrorBanner error={error} title={title} />
      {notMember && courseId && (
        <p>
          <Link to={`/courses/${courseId}`} className="text-link underline">
            Enroll in the course to take part
          </Link>
        </p>
      )}
    </div>
  );
}
