// The assessment module's API calls: exercises and my submissions, grades,
// ranking and appeals.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { api, ApiError, IdempotentAttempt, unwrap, type paths } from '../../api';
import { allPages, pageQuery } from '../../api/pages';
import type { Schemas } from '../../api/types';

export type Exercise = Schemas['Exercise'];
export type ExerciseQuestion = Schemas['ExerciseQuestion'];
export type Submission = Schemas['Submission'];
export type SubmittedAnswer = Schemas['SubmittedAnswer'];
export type AnswerKey = Schemas['AnswerKey'];
export type CourseGrade = Schemas['CourseGrade'];
export type GradeItem = Schemas['GradeItem'];
export type Appeal = Schemas['Appeal'];
export type RankingEntry = Schemas['RankingEntry'];
export type SubmitBody =
  paths['/v1/courses/{id}/exercises/{eid}/submit']['post']['requestBody']['content']['application/json'];

export const assessmentKeys = {
  exercises: (courseId: string) => ['exercises', courseId] as const,
  exercise: (courseId: string, id: string) => ['exercise', courseId, id] as const,
  submissions: (courseId: string, id: string) => ['submissions', courseId, id] as const,
  grades: (courseId: string) => ['grades', courseId] as const,
  ranking: (courseId: string) => ['ranking', courseId] as const,
  appeals: (courseId: string) => ['appeals', courseId] as const,
};


export function useExercises(courseId: string) {
  return useQuery({
    queryKey: assessmentKeys.exercises(courseId),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/v1/courses/{id}/exercises', { params: { path: { id: courseId }, query: pageQuery(cursor) } })),
      ),
  });
}

// An exercise's due date and my attempts change while I am away: read them afresh on every visit.
const FRESH = { staleTime: 0 };

export function useExercise(courseId: string, id: string) {
  return useQuery({
    ...FRESH,
    queryKey: assessmentKeys.exercise(courseId, id),
    queryFn: () =>
      unwrap(api.GET('/v1/courses/{id}/exercises/{eid}', { params: { path: { id: courseId, eid: id } } })),
  });
}

/** My attempts at an exercise, oldest first (the correct answers appear in them once it is due). */
export function useMySubmissions(courseId: string, id: string) {
  return useQuery({
    ...FRESH,
    queryKey: assessmentKeys.submissions(courseId, id),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(
          api.GET('/v1/courses/{id}/exercises/{eid}/submissions', {
            params: { path: { id: courseId, eid: id }, query: pageQuery(cursor) },
          }),
        ),
      ),
  });
}

/** Submits an attempt; a retry of the same attempt reuses its Idempotency-Key, so it uses no attempt. */
export function useSubmit(courseId: string, id: string) {
  const queryClient = useQueryClient();
  const attempt = useRef(new IdempotentAttempt()).current;
  return useMutation({
    mutationFn: (body: SubmitBody) =>
      attempt.run((key) =>
        unwrap(
          api.POST('/v1/courses/{id}/exercises/{eid}/submit', {
            params: { path: { id: courseId, eid: id }, header: { 'Idempotency-Key': key } },
            body,
          }),
        ),
      ),
    onSuccess: (submission) => {
      queryClient.setQueryData<Submission[]>(assessmentKeys.submissions(courseId, id), (list) => [
        ...(list ?? []),
        submission,
      ]);
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.grades(courseId) });
      void queryClient.invalidateQueries({ queryKey: assessmentKeys.ranking(courseId) });
    },
  });
}

/** My course grade (a learner gets one entry, or none before a graded submission). */
export function useGrades(courseId: string) {
  return useQuery({
    queryKey: assessmentKeys.grades(courseId),
    queryFn: () =>
      unwrap(api.GET('/v1/courses/{id}/grades', { params: { path: { id: courseId }, query: { limit: 100 } } })),
  });
}

/** The leaderboard, 20 at a time (a course may have many learners). */
export function useRanking(courseId: string) {
  return useInfiniteQuery({
    queryKey: assessmentKeys.ranking(courseId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/courses/{id}/ranking', {
          params: { path: { id: courseId }, query: { limit: 20, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

/** My appeals in a course; `poll` says how often to ask again (while one is open, say). */
export function useAppeals(courseId: string, poll: (list: Appeal[] | undefined) => number | false = () => false) {
  return useQuery({
    queryKey: assessmentKeys.appeals(courseId),
    refetchInterval: (query) => poll(query.state.data),
    queryFn: () =>
      allPages((cursor) =>
        unwrap(api.GET('/v1/courses/{id}/appeals', { params: { path: { id: courseId }, query: pageQuery(cursor) } })),
      ),
  });
}

export function useFileAppeal(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ gradeItemId, reason }: { gradeItemId: string; reason: string }) =>
      unwrap(api.POST('/v1/grade-items/{id}/appeals', { params: { path: { id: gradeItemId } }, body: { reason } })),
    onSuccess: (appeal) =>
      queryClient.setQueryData<Appeal[]>(assessmentKeys.appeals(courseId), (list) => [...(list ?? []), appeal]),
    // A conflict (an appeal already open, filed elsewhere) means this page is behind: read the appeals again.
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: assessmentKeys.appeals(courseId) });
      }
    },
  });
}
