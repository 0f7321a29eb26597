import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Button, Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { CourseLinks } from '../course/CourseLinks';
import { useCourse, useMarkMilestone, useRoadmap, type Roadmap } from './api';
import { statusLabel } from './content';
import { ProgressBar } from './ProgressBar';

/** A course's learning path (/learn/:courseId/roadmap): milestones and my progress through them. */
export default function RoadmapPage() {
  const { courseId = '' } = useParams();
  const course = useCourse(courseId);
  const roadmap = useRoadmap(courseId);
  usePageTitle(course.data ? `Roadmap: ${course.data.title}` : 'Roadmap');
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl">Roadmap{course.data && `: ${course.data.title}`}</h1>
        <CourseLinks courseId={courseId} here="roadmap" />
      </header>
      <ErrorBanner error={roadmap.error ?? course.error} title="The roadmap could not be loaded" />
      {roadmap.isPending && <Spinner label="Loading the roadmap" />}
      {roadmap.data && <Milestones courseId={courseId} roadmap={roadmap.data} />}
    </div>
  );
}

function Milestones({ courseId, roadmap }: { courseId: string; roadmap: Roadmap }) {
  const mark = useMarkMilestone(courseId);
  const enrolled = roadmap.enrollment_id !== null;
  if (roadmap.sections.length === 0) return <EmptyState title="This course has no roadmap yet" />;
  const busyOn = mark.isPending ? mark.variables?.roadmap_section_id : undefined;
  return (
    <>
      {enrolled ? (
        <div className="max-w-xl">
          <ProgressBar label="Roadmap progress" percent={roadmap.progress_percent} />
          <p role="status" className="mt-1 text-sm text-muted">
            {roadmap.completed ? 'You reached every required milestone.' : 'Mark each milestone as you reach it.'}
          </p>
        </div>
      ) : (
        <p className="rounded-lg bg-accent-soft p-3">
          Enroll in the course to track your progress.{' '}
          <Link to={`/courses/${courseId}`} className="text-link underline">
            Go to the course page
          </Link>
        </p>
      )}
      <ErrorBanner error={mark.error} title="Your progress could not be saved" />
      <ol aria-label="Milestones" className="flex flex-col gap-3">
        {[...roadmap.sections]
          .sort((a, b) => a.position - b.position)
          .map((m) => (
            <li key={m.id}>
              <Card className="flex flex-col gap-2">
                <h2 className="text-xl">
                  <span className="text-muted">{m.position}.</span> {m.title}
                </h2>
                <div className="flex flex-wrap gap-2">
                  {enrolled && <Badge tone={m.status === 'completed' ? 'success' : 'neutral'}>{statusLabel(m.status ?? undefined)}</Badge>}
                  {!m.is_required && <Badge>Optional</Badge>}
                </div>
                {m.description && <p className="whitespace-pre-line">{m.description}</p>}
                <div className="flex flex-wrap items-center gap-3">
                  {m.section_id && enrolled && (
                    <Link
                      to={`/learn/${courseId}?section=${m.section_id}`}
                      aria-label={`Study this section: ${m.title}`}
                      className="font-semibold text-link underline"
                    >
                      Study this section
                    </Link>
                  )}
                  {enrolled && !m.status && (
                    <Button
                      variant="secondary"
                      busy={busyOn === m.id}
                      onClick={() => mark.mutate({ roadmap_section_id: m.id, status: 'started' })}
                      aria-label={`Mark as started: ${m.title}`}
                    >
                      Mark as started
                    </Button>
                  )}
                  {enrolled && m.status !== 'completed' && (
                    <Button
                      busy={busyOn === m.id}
                      onClick={() => mark.mutate({ roadmap_section_id: m.id, status: 'completed' })}
                      aria-label={`Mark complete: ${m.title}`}
                    >
                      Mark complete
                    </Button>
                  )}
                </div>
              </Card>
            </li>
          ))}
      </ol>
    </>
  );
}
