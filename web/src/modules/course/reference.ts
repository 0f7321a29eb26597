import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api';

/** Categories, levels and instructors: small lists, read once per session. */
export function useReference() {
  const categories = useQuery({
    queryKey: ['course-categories'],
    queryFn: () => unwrap(api.GET('/v1/course-categories', { params: { query: { limit: 100 } } })),
    staleTime: 10 * 60_000,
  });
  const levels = useQuery({
    queryKey: ['course-levels'],
    queryFn: () => unwrap(api.GET('/v1/course-levels', { params: { query: { limit: 100 } } })),
    staleTime: 10 * 60_000,
  });
  const instructors = useQuery({
    queryKey: ['instructors'],
    queryFn: () => unwrap(api.GET('/v1/instructors', { params: { query: { limit: 100 } } })),
    staleTime: 10 * 60_000,
  });
  const levelName = (id: string) => levels.data?.items?.find((l) => l.id === id)?.name;
  return {
    categories: categories.data?.items ?? [],
    levels: levels.data?.items ?? [],
    instructors: instructors.data?.items ?? [],
    levelName,
    error: categories.error ?? levels.error ?? instructors.error,
  };
}
