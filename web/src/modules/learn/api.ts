// The learn module's API calls: a course's sections and content items, my
// enrollment and its progress, the roadmap and super-courses.
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, IdempotentAttempt, unwrap } from '../../api';
import { allPages, pageQuery } from '../../api/pages';
import type { Schemas } from '../../api/types';

export type Section = Schemas['Section'];
export type ContentItem = Schemas['ContentItem'];
export type Enrollment = Schemas['Enrollment'];
export type Progress = Schemas['Progress'];
export type Roadmap = Schemas['Roadmap'];
export type SuperCourseSection = Schemas['SuperCourseSection'];

export const learnKeys = {
  course: (id: string) => ['course', id] as const,
  sections: (courseId: string) => ['course-sections', courseId] as const,
  items: (sectionId: string) => ['section-items', sectionId] as const,
  // Under ['enrollments'] so enrolling anywhere (which invalidates that prefix) refreshes it.
  enrollment: (courseId: string) => ['enrollments', 'for-course', courseId] as const,
  progress: (enrollmentId: string) => ['progress', enrollmentId] as const,
  roadmap: (courseId: string) => ['roadmap', courseId] as const,
  superCourse: (id: string) => ['super-course', id] as const,
  superSections: (id: string) => ['super-course-sections', id] as const,
};


export function useCourse(id: string) {
  return useQuery({
    queryKey: learnKeys.course(id),
    queryFn: () => unwrap(api.GET('/v1/courses/{id}', { params: { path: { id } } })),
  });
}

export function useSections(courseId: string) {
  return useQuery({
    queryKey: learnKeys.sections(courseId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/v1/courses/{id}/sections', { params: { path: { id: courseId }, query: pageQuery(cursor) } })),
      ).then((list) => list.sort((a, b) => a.position - b.position)),
  });
}

function itemsQuery(sectionId: string) {
  return {
    queryKey: learnKeys.items(sectionId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/v1/sections/{id}/items', { params: { path: { id: sectionId }, query: pageQuery(cursor) } })),
      ).then((list) => list.sort((a, b) => a.position - b.position)),
  };
}

/** The items of every section, in course order (one request per section). */
export function useCourseItems(sections: Section[]) {
  return useQueries({
    queries: sections.map((s) => itemsQuery(s.id)),
    combine: (results) => ({
      bySection: new Map(sections.map((s, i) => [s.id, results[i]?.data ?? []])),
      all: results.flatMap((r) => r.data ?? []),
      pending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
    }),
  });
}

/** All my enrollments (every page), e.g. to tell which courses of a super-course I am in. */
export function useMyEnrollments(enabled = true) {
  return useQuery({
    queryKey: ['enrollments', 'all'],
    enabled,
    queryFn: () =>
      allPages((cursor) => unwrap(api.GET('/v1/enrollments', { params: { query: pageQuery(cursor) } }))),
  });
}

/**
 * My (not cancelled) enrollment in a course, or null. The API has no
 * "my enrollment in course X" route, so this walks my enrollments' pages.
 */
export function useMyEnrollment(courseId: string, enabled = true) {
  return useQuery({
    queryKey: learnKeys.enrollment(courseId),
    enabled,
    queryFn: async () => {
      let cursor: string | undefined;
      do {
        const page = await unwrap(api.GET('/v1/enrollments', { params: { query: pageQuery(cursor) } }));
        const found = page.items.find((e) => e.course_id === courseId && e.status !== 'cancelled');
        if (found) return found;
        cursor = page.next_cursor ?? undefined;
      } while (cursor);
      return null;
    },
  });
}

export function useProgress(enrollmentId: string | undefined) {
  return useQuery({
    queryKey: learnKeys.progress(enrollmentId ?? ''),
    enabled: Boolean(enrollmentId),
    queryFn: () =>
      unwrap(api.GET('/v1/enrollments/{id}/progress', { params: { path: { id: enrollmentId ?? '' } } })),
  });
}

/** Records started/completed on an item; the answer (with the derived percent) replaces the cache. */
export function useMarkItem(enrollmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { content_item_id: string; status: 'started' | 'completed' }) =>
      unwrap(api.PATCH('/v1/enrollments/{id}/progress', { params: { path: { id: enrollmentId } }, body: input })),
    onSuccess: (progress) => {
      queryClient.setQueryData(learnKeys.progress(enrollmentId), progress);
      // My learning and the dashboard show the percent too.
      void queryClient.invalidateQueries({ queryKey: ['enrollments'] });
    },
  });
}

export function useRoadmap(courseId: string) {
  return useQuery({
    queryKey: learnKeys.roadmap(courseId),
    queryFn: () => unwrap(api.GET('/v1/courses/{id}/roadmap', { params: { path: { id: courseId } } })),
  });
}

export function useMarkMilestone(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { roadmap_section_id: string; status: 'started' | 'completed' }) =>
      unwrap(api.PATCH('/v1/courses/{id}/roadmap', { params: { path: { id: courseId } }, body: input })),
    onSuccess: (roadmap) => queryClient.setQueryData(learnKeys.roadmap(courseId), roadmap),
  });
}

export function useSuperCourse(id: string) {
  return useQuery({
    queryKey: learnKeys.superCourse(id),
    queryFn: () => unwrap(api.GET('/v1/super-courses/{id}', { params: { path: { id } } })),
  });
}

export function useSuperCourseSections(id: string) {
  return useQuery({
    queryKey: learnKeys.superSections(id),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/v1/super-courses/{id}/sections', { params: { path: { id }, query: pageQuery(cursor) } })),
      ).then((list) => list.sort((a, b) => a.position - b.position)),
  });
}

/** The titles of a few courses by id (a super-course's courses), read one by one. */
export function useCourseTitles(ids: string[]) {
  return useQuery({
    queryKey: ['course-titles', ...ids],
    enabled: ids.length > 0,
    queryFn: async () => {
      const courses = await Promise.all(
        ids.map((id) => unwrap(api.GET('/v1/courses/{id}', { params: { path: { id } } }))),
      );
      return new Map(courses.map((c) => [c.id, c.title]));
    },
  });
}

/** Enrolls me in every course of a super-course (one Idempotency-Key per attempt). */
export function useEnrollSuperCourse(superCourseId: string) {
  const queryClient = useQueryClient();
  // The same key through retries and double clicks of one attempt.
  const attempt = useRef(new IdempotentAttempt()).current;
  return useMutation({
    mutationFn: () =>
      attempt.run((key) =>
        unwrap(
          api.POST('/v1/enrollments', {
            params: { header: { 'Idempotency-Key': key } },
            body: { super_course_id: superCourseId },
          }),
        ),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enrollments'] }),
  });
}
