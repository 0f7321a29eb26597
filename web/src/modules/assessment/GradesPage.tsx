import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Button, Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { useSession } from '../auth/session';
import { CourseLinks } from '../course/CourseLinks';
import { useCourse } from '../learn/api';
import { assessmentKeys, useAppeals, useGrades, useRanking, type Appeal, type GradeItem } from './api';
import { AppealDialog } from './AppealDialog';
import { AppealsList } from './AppealsList';
import { formatScore } from './format';
import { GradeItemsTable } from './GradeItemsTable';
import { RankingTable } from './RankingTable';

// While an appeal is open the page asks again now and then, so a grader's decision shows without a reload.
const OPEN_APPEAL_POLL_MS = 4000;

/** My grades in a course (/courses/:courseId/grades): items, weighted score, appeals and the ranking. */
export default function GradesPage() {
  const { courseId = '' } = useParams();
  const { user } = useSession();
  const course = useCourse(courseId);
  const grades = useGrades(courseId);
  const appeals = useAppeals(courseId, (list) => (list?.some((a) => a.status === 'open') ? OPEN_APPEAL_POLL_MS : false));
  const [appealing, setAppealing] = useState<GradeItem | null>(null);
  useRefreshOnResolution(courseId, appeals.data);
  usePageTitle(course.data ? `Grades: ${course.data.title}` : 'Grades');

  const mine = grades.data?.items.find((g) => g.user_id === user?.id);
  const loading = grades.isPending || appeals.isPending || !user;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <h1 className="text-3xl">Grades{course.data && `: ${course.data.title}`}</h1>
        <CourseLinks courseId={courseId} here="grades" />
      </header>
      <ErrorBanner error={grades.error ?? appeals.error} title="Your grades could not be loaded" />
      {loading && !grades.error && <Spinner label="Loading your grades" />}
      {!loading && !mine && !grades.error && (
        <EmptyState title="You have no grades in this course yet">
          Submit an exercise to get one.{' '}
          <Link to={`/learn/${courseId}`} className="text-link underline">
            Go to the course
          </Link>
        </EmptyState>
      )}
      {!loading && mine && (
        <>
          <Card>
            <section aria-labelledby="score-title">
              <h2 id="score-title" className="text-base font-normal text-muted">
                Course score
              </h2>
              <p className="font-heading text-4xl font-semibold">{formatScore(mine.score)}%</p>
              <p className="text-sm text-muted">Each exercise's share of the score is its weight.</p>
            </section>
          </Card>
          <section aria-labelledby="items-title">
            <h2 id="items-title" className="mb-3 text-2xl">
              Grade items
            </h2>
            <Card>
              <GradeItemsTable items={mine.items} appeals={appeals.data ?? []} onAppeal={setAppealing} />
            </Card>
          </section>
          <section aria-labelledby="appeals-title">
            <h2 id="appeals-title" className="mb-3 text-2xl">
              Appeals
            </h2>
            {appeals.data?.length ? (
              <AppealsList appeals={appeals.data} items={mine.items} />
            ) : (
              <p className="text-muted">You have not appealed a grade in this course.</p>
            )}
          </section>
        </>
      )}
      <Ranking courseId={courseId} me={user?.id} />
      <AppealDialog courseId={courseId} item={appealing} onClose={() => setAppealing(null)} />
    </div>
  );
}

function Ranking({ courseId, me }: { courseId: string; me: string | undefined }) {
  const ranking = useRanking(courseId);
  const entries = ranking.data?.pages.flatMap((p) => p.items);
  return (
    <section aria-labelledby="ranking-title">
      <h2 id="ranking-title" className="mb-3 text-2xl">
        Ranking
      </h2>
      <ErrorBanner error={ranking.error} title="The ranking could not be loaded" />
      {ranking.isPending && <Spinner label="Loading the ranking" />}
      {entries?.length === 0 && <p className="text-muted">Nobody has a score yet.</p>}
      {entries && entries.length > 0 && (
        <Card>
          <RankingTable entries={entries} me={me} />
          {ranking.hasNextPage && (
            <Button
              variant="secondary"
              className="mt-4"
              busy={ranking.isFetchingNextPage}
              onClick={() => void ranking.fetchNextPage()}
            >
              Show more of the ranking
            </Button>
          )}
        </Card>
      )}
    </section>
  );
}

/** A resolved appeal may change a score: the grades and the ranking are read again then. */
function useRefreshOnResolution(courseId: string, appeals: Appeal[] | undefined) {
  const queryClient = useQueryClient();
  const resolved = appeals?.filter((a) => a.status !== 'open').length;
  const seen = useRef(resolved);
  useEffect(() => {
    if (resolved !== undefined && seen.current !== undefined && resolved > seen.current) {
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.grades(courseId) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.ranking(courseId) });
    }
    seen.current = resolved;
  }, [resolved, courseId, queryClient]);
}
