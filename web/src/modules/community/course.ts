// What every course community page needs besides its own list: the course's
// title, and who its members are (to mark staff and to know what I may do).
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import { useSession } from '../auth/session';
import { memberName } from './format';

/** The course (public when published): its title heads the community pages. */
export function useCourse(courseId: string | undefined) {
  return useQuery({
    queryKey: ['community', 'course', courseId],
    queryFn: () => unwrap(api.GET('/v1/courses/{id}', { params: { path: { id: courseId ?? '' } } })),
    enabled: Boolean(courseId),
    staleTime: 5 * 60_000,
  });
}

/**
 * The course's members by user id, to mark staff beside their names and to
 * know whether I teach the course (instructors may accept any answer). Names
 * come with each post (`author_name`); the first 100 members are enough to
 * mark roles. Read only once the page's own data loaded: a non-member would
 * get a second 403.
 */
export function useMembers(courseId: string | undefined, enabled = true) {
  const { user } = useSession();
  const members = useQuery({
    queryKey: ['community', 'members', courseId],
    queryFn: () =>
      unwrap(api.GET('/v1/courses/{id}/members', { params: { path: { id: courseId ?? '' }, query: { limit: 100 } } })),
    enabled: Boolean(courseId) && enabled,
    staleTime: 60_000,
  });
  const byId = new Map((members.data?.items ?? []).map((m) => [m.user_id, m]));
  const me = user ? byId.get(user.id) : undefined;
  return {
    error: members.error,
    nameOf: (userId: string, name: string) => memberName(byId.get(userId), userId === user?.id, name),
    iTeach: me?.member_role === 'instructor',
    // Instructors and TAs run the course's events.
    iStaff: me?.member_role === 'instructor' || me?.member_role === 'ta',
    myId: user?.id,
  };
}
