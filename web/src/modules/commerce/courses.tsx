import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import { Select } from '../../theme';
import { keys, usePaidCourses } from './api';
import { formatMoney } from './money';

/** A select of the catalog's paid courses. */
export function PaidCourseSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (id: string) => void;
  error?: string | undefined;
}) {
  const courses = usePaidCourses();
  const options = [
    { value: '', label: courses.isPending ? 'Loading courses…' : 'Choose a course' },
    ...(courses.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.title} (${formatMoney(c.price)})` })),
  ];
  return (
    <Select label="Course" value={value} onChange={(e) => onChange(e.target.value)} options={options} error={error} required />
  );
}

/** A course's title, from the paid course list or its own page. */
export function CourseTitle({ id }: { id: string }) {
  const list = usePaidCourses();
  const known = list.data?.items.find((c) => c.id === id)?.title;
  const one = useQuery({
    queryKey: keys.course(id),
    queryFn: () => unwrap(api.GET('/v1/courses/{id}', { params: { path: { id } } })),
    enabled: list.isSuccess && !known,
  });
  return <>{known ?? one.data?.title ?? 'A course'}</>;
}
