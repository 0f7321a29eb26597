import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Button, Card, ErrorBanner, Spinner, useToast } from '../../theme';
import { useSession } from '../auth/session';
import {
  useCourseTitles,
  useEnrollSuperCourse,
  useMyEnrollments,
  useSuperCourse,
  useSuperCourseSections,
  type SuperCourseSection,
} from './api';

/** A super-course (/super-courses/:id): sections drawn from several courses, and enrolling in all of them at once. */
export default function SuperCoursePage() {
  const { id = '' } = useParams();
  const { signedIn } = useSession();
  const superCourse = useSuperCourse(id);
  const sections = useSuperCourseSections(id);
  const courseIds = [...new Set((sections.data ?? []).map((s) => s.course_id))];
  const titles = useCourseTitles(courseIds);
  const mine = useMyEnrollments(signedIn);
  usePageTitle(superCourse.data?.title ?? 'Super-course');

  if (superCourse.isPending) return <Spinner label="Loading the super-course" />;
  if (superCourse.error) return <ErrorBanner error={superCourse.error} title="This super-course could not be loaded" />;
  const enrolledIn = new Set(
    (mine.data ?? []).filter((e) => e.status !== 'cancelled').map((e) => e.course_id),
  );
  const allEnrolled = courseIds.length > 0 && courseIds.every((c) => enrolledIn.has(c));
  const sc = superCourse.data;
  return (
    <article className="grid gap-8 lg:grid-cols-[2fr_1fr]">
      <div className="flex flex-col gap-6">
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-muted">Super-course</p>
          <h1 className="text-3xl">{sc.title}</h1>
          {sc.status !== 'published' && (
            <p className="mt-2">
              <Badge>{sc.status === 'draft' ? 'Draft' : 'Archived'}</Badge>
            </p>
          )}
          {sc.description && <p className="mt-4 whitespace-pre-line">{sc.description}</p>}
        </div>
        <ErrorBanner error={sections.error ?? titles.error ?? mine.error} title="Part of this page could not be loaded" />
        {sections.isPending ? (
          <Spinner label="Loading the sections" />
        ) : (
          <SectionList
            sections={sections.data ?? []}
            titles={titles.data}
            enrolledIn={enrolledIn}
          />
        )}
      </div>
      <aside aria-label="Enrollment">
        <Card className="flex flex-col gap-3 lg:sticky lg:top-4">
          <p>
            {courseIds.length} {courseIds.length === 1 ? 'course' : 'courses'} · {sc.section_count}{' '}
            {sc.section_count === 1 ? 'section' : 'sections'}
          </p>
          <EnrollAll id={id} title={sc.title} allEnrolled={allEnrolled} ready={!sections.isPending && !mine.isPending} />
        </Card>
      </aside>
    </article>
  );
}

function SectionList({
  sections,
  titles,
  enrolledIn,
}: {
  sections: SuperCourseSection[];
  titles: Map<string, string> | undefined;
  enrolledIn: Set<string>;
}) {
  if (sections.length === 0) return <p className="text-muted">This super-course has no sections yet.</p>;
  return (
    <section aria-labelledby="sections-title">
      <h2 id="sections-title" className="mb-3 text-2xl">
        Sections
      </h2>
      <ol className="flex flex-col gap-2">
        {sections.map((s, i) => {
          const course = titles?.get(s.course_id) ?? 'its course';
          const enrolled = enrolledIn.has(s.course_id);
          return (
            <li key={s.id} className="flex flex-wrap items-baseline justify-between gap-2 rounded-lg border border-line bg-surface px-4 py-3">
              <span>
                <span className="mr-2 text-muted">{i + 1}.</span>
                <span className="font-semibold">{s.title}</span>
                <span className="text-muted"> · from {course}</span>
              </span>
              <Link
                to={enrolled ? `/learn/${s.course_id}?section=${s.section_id}` : `/courses/${s.course_id}`}
                aria-label={`${enrolled ? 'Study' : 'About the course'}: ${s.title}`}
                className="text-link underline"
              >
                {enrolled ? 'Study' : 'About the course'}
              </Link>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function EnrollAll({ id, title, allEnrolled, ready }: { id: string; title: string; allEnrolled: boolean; ready: boolean }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const toast = useToast();
  const enroll = useEnrollSuperCourse(id);
  if (!signedIn) {
    return (
      <Button onClick={() => navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`)}>
        Enroll in every course
      </Button>
    );
  }
  if (!ready) return <Spinner size="sm" label="Checking your enrollments" />;
  if (allEnrolled) {
    return (
      <p role="status" className="font-semibold text-success">
        You are enrolled in every course of this super-course.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <ErrorBanner error={enroll.error} title="Could not enroll" />
      <Button
        busy={enroll.isPending}
        onClick={() => enroll.mutate(undefined, { onSuccess: () => toast(`You are enrolled in ${title}.`) })}
      >
        Enroll in every course
      </Button>
    </div>
  );
}
