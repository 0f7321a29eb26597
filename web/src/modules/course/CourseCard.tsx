import { Link } from 'react-router-dom';
import type { Course } from '../../api/types';
import { Badge, Card } from '../../theme';
import { formatPrice } from './format';

/** A course in a list: its title links to the course intro. */
export function CourseCard({ course, levelName }: { course: Course; levelName?: string | undefined }) {
  return (
    <Card className="flex h-full flex-col gap-2">
      <h3 className="text-lg">
        <Link to={`/courses/${course.id}`} className="text-link hover:underline">
          {course.title}
        </Link>
      </h3>
      {course.subtitle && <p className="text-muted">{course.subtitle}</p>}
      <div className="mt-auto flex flex-wrap items-center gap-2 pt-2">
        <Badge tone={course.price.amount_minor === 0 ? 'success' : 'neutral'}>{formatPrice(course.price)}</Badge>
        {levelName && <Badge>{levelName}</Badge>}
        <span className="text-sm text-muted">{course.enrollment_count} enrolled</span>
      </div>
    </Card>
  );
}
