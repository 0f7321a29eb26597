import { useMemo } from 'react';
import { usePageTitle } from '../../app/usePageTitle';
import { DashboardActivity } from './DashboardActivity';
import { useEnrollments, useWishlist } from './DashboardApi';
import { DashboardCourses } from './DashboardCourses';
import { DashboardNotifications } from './DashboardNotifications';
import { DashboardWishlist } from './DashboardWishlist';

/**
 * The learner's dashboard: my courses and progress, recent activity, wishlist
 * and notifications. Each section loads and fails on its own.
 */
export default function MyLearningPage() {
  usePageTitle('My learning');
  const enrollments = useEnrollments();
  const wishlist = useWishlist();
  // Course titles the page already has, so the activity feed need not fetch them.
  const knownTitles = useMemo(() => {
    const titles = new Map<string, string>();
    enrollments.data?.pages.forEach((p) => p.items.forEach((e) => titles.set(e.course_id, e.course_title)));
    wishlist.data?.items.forEach((w) => titles.set(w.course_id, w.course.title));
    return titles;
  }, [enrollments.data, wishlist.data]);
  const titlesReady = !enrollments.isPending && !wishlist.isPending;
  return (
    <div>
      <h1 className="mb-6 text-3xl">My learning</h1>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-8">
          <DashboardCourses list={enrollments} />
          {titlesReady && <DashboardActivity knownTitles={knownTitles} />}
        </div>
        <div className="flex flex-col gap-8">
          <DashboardNotifications />
          <DashboardWishlist />
        </div>
      </div>
    </div>
  );
}
