// Course Q&A on the API: questions, answers, votes and the accepted answer.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';
import type { Schemas } from '../../api/types';

export type Question = Schemas['Question'];
export type QuestionDetail = Schemas['QuestionDetail'];
export type Answer = Schemas['Answer'];
export type VoteTarget = 'question' | 'answer';

export const qaKeys = {
  list: (courseId: string) => ['questions', courseId] as const,
  one: (id: string) => ['question', id] as const,
};

/** A course's questions, newest first, page by page. */
export function useQuestions(courseId: string) {
  return useInfiniteQuery({
    queryKey: qaKeys.list(courseId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/courses/{id}/questions', {
          params: { path: { id: courseId }, query: pageParam ? { cursor: pageParam } : {} },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
  });
}

export function useQuestion(id: string) {
  return useQuery({
    queryKey: qaKeys.one(id),
    queryFn: () => unwrap(api.GET('/v1/questions/{id}', { params: { path: { id } } })),
  });
}

export function useAskQuestion(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { title: string; body: string }) =>
      unwrap(api.POST('/v1/courses/{id}/questions', { params: { path: { id: courseId } }, body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: qaKeys.list(courseId) }),
  });
}

export function useAnswerQuestion(question: Pick<Question, 'id' | 'course_id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) =>
      unwrap(api.POST('/v1/questions/{id}/answers', { params: { path: { id: question.id } }, body: { body } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: qaKeys.one(question.id) });
      await queryClient.invalidateQueries({ queryKey: qaKeys.list(question.course_id) });
    },
  });
}

/** Accepts an answer; the API answers with the whole question, which replaces the cached one. */
export function useAcceptAnswer(question: Pick<Question, 'id' | 'course_id'>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answerId: string) => unwrap(api.POST('/v1/answers/{id}/accept', { params: { path: { id: answerId } } })),
    onSuccess: async (detail) => {
      queryClient.setQueryData(qaKeys.one(question.id), detail);
      await queryClient.invalidateQueries({ queryKey: qaKeys.list(question.course_id) });
    },
  });
}

/**
 * Casts (+1 / -1) or withdraws (0) my vote. The API does not say how I voted
 * before, so the caller keeps the value this answer returns; the new total
 * goes straight into the cached question.
 */
export function useVote(questionId: string, target: VoteTarget, targetId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (value: 1 | -1 | 0) =>
      unwrap(
        value === 0
          ? api.DELETE('/v1/votes', { body: { target_type: target, target_id: targetId } })
          : api.PUT('/v1/votes', { body: { target_type: target, target_id: targetId, value } }),
      ),
    onSuccess: (vote) => {
      queryClient.setQueryData<QuestionDetail>(qaKeys.one(questionId), (q) => q && withVoteTotal(q, vote));
    },
  });
}

/** The question with one target's new vote total. */
export function withVoteTotal(q: QuestionDetail, vote: Schemas['Vote']): QuestionDetail {
  if (vote.target_type === 'question') return q.id === vote.target_id ? { ...q, vote_total: vote.vote_total } : q;
  return {
    ...q,
    answers: q.answers.map((a) => (a.id === vote.target_id ? { ...a, vote_total: vote.vote_total } : a)),
  };
}
