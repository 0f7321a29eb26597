import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { api, unwrap } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { EmptyState, ErrorBanner, InfiniteList, Select, Spinner } from '../../theme';
import { controlClass } from '../../theme/Field';
import { CourseCard } from './CourseCard';
import { useReference } from './reference';

type Sort = 'relevance' | 'newest' | 'popular' | 'price';
const sorts: Array<{ value: string; label: string }> = [
  { value: '', label: 'Best match' },
  { value: 'newest', label: 'Newest' },
  { value: 'popular', label: 'Most popular' },
  { value: 'price', label: 'Price: low to high' },
];
const prices = [
  { value: '', label: 'Any price' },
  { value: 'free', label: 'Free only' },
  { value: '2000', label: 'Up to 20' },
  { value: '5000', label: 'Up to 50' },
  { value: '10000', label: 'Up to 100' },
];

/** The catalog: full-text search, filters and sort in the URL, cursor pages scrolled in. */
export default function CatalogPage() {
  usePageTitle('Catalog');
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const ref = useReference();
  const q = params.get('q') ?? '';
  const category = params.get('category') ?? '';
  const level = params.get('level') ?? '';
  const instructor = params.get('instructor') ?? '';
  const price = params.get('price') ?? '';
  const sort = params.get('sort') ?? '';

  const update = useCallback(
    (key: string, value: string) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  // The search runs 150 ms after the last keystroke: longer than the pause
  // between keys of someone typing a word, short enough that the list has
  // answered within 300 ms of the last one (bench/web-browser.sh).
  useEffect(() => {
    if (text.trim() === q) return;
    const t = setTimeout(() => update('q', text.trim()), 150);
    return () => clearTimeout(t);
  }, [text, q, update]);

  const courses = useInfiniteQuery({
    queryKey: ['courses', 'catalog', { q, category, level, instructor, price, sort }],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/courses', {
          params: {
            query: {
              limit: 20,
              ...(pageParam ? { cursor: pageParam } : {}),
              ...(q ? { q } : {}),
              ...(category ? { category } : {}),
              ...(level ? { level } : {}),
              ...(instructor ? { instructor_id: instructor } : {}),
              ...(price === 'free' ? { free: true } : price ? { price_max: Number(price) } : {}),
              ...(sort ? { sort: sort as Sort } : {}),
            },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: (previous) => previous,
  });
  const items = courses.data?.pages.flatMap((p) => p.items) ?? [];
  const loadMore = useCallback(() => {
    if (courses.hasNextPage && !courses.isFetchingNextPage) void courses.fetchNextPage();
  }, [courses]);

  return (
    <div>
      <h1 className="mb-6 text-3xl">Catalog</h1>
      <form role="search" aria-label="Courses" onSubmit={(e) => e.preventDefault()} className="mb-6 flex flex-col gap-4">
        <div className="flex flex-col gap-1">
          <label htmlFor="catalog-search" className="font-semibold">
            Search courses
          </label>
          <input
            id="catalog-search"
            type="search"
            className={controlClass}
            placeholder="Title, topic or keyword"
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
          <Select
            label="Category"
            value={category}
            onChange={(e) => update('category', e.target.value)}
            options={[{ value: '', label: 'All categories' }, ...ref.categories.map((c) => ({ value: c.slug, label: c.name }))]}
          />
          <Select
            label="Level"
            value={level}
            onChange={(e) => update('level', e.target.value)}
            options={[{ value: '', label: 'All levels' }, ...ref.levels.map((l) => ({ value: l.slug, label: l.name }))]}
          />
          <Select
            label="Instructor"
            value={instructor}
            onChange={(e) => update('instructor', e.target.value)}
            options={[{ value: '', label: 'All instructors' }, ...ref.instructors.map((i) => ({ value: i.id, label: i.name }))]}
          />
          <Select label="Price" value={price} onChange={(e) => update('price', e.target.value)} options={prices} />
          <Select label="Sort by" value={sort} onChange={(e) => update('sort', e.target.value)} options={sorts} />
        </div>
      </form>
      <ErrorBanner error={courses.error ?? ref.error} title="The catalog could not be loaded" />
      <p role="status" className="mb-4 text-muted">
        {courses.isPending ? '' : items.length === 0 ? '' : `Showing ${items.length}${courses.hasNextPage ? '+' : ''} courses`}
      </p>
      {courses.isPending ? (
        <Spinner label="Loading courses" />
      ) : items.length === 0 && !courses.error ? (
        <EmptyState title="No courses match">Try fewer words or clear a filter.</EmptyState>
      ) : (
        <InfiniteList
          label="Courses"
          items={items}
          keyOf={(c) => c.id}
          render={(c) => <CourseCard course={c} levelName={ref.levelName(c.level_id)} />}
          hasMore={Boolean(courses.hasNextPage)}
          loadingMore={courses.isFetchingNextPage}
          onLoadMore={loadMore}
          className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
        />
      )}
    </div>
  );
}
