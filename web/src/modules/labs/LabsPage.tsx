import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Card, EmptyState, ErrorBanner, InfiniteList, Input, Spinner } from '../../theme';
import { formatPrice } from '../course/format';

/** Labs to book, searched by text (GET /v1/labs). */
export default function LabsPage() {
  usePageTitle('Labs');
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(t);
  }, [text]);
  const list = useInfiniteQuery({
    queryKey: ['labs', q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/v1/labs', {
          params: { query: { ...(q ? { q } : {}), ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    placeholderData: (previous) => previous,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <h1 className="mb-6 text-3xl">Labs</h1>
      <div className="mb-6 max-w-md">
        <Input label="Search labs" type="search" value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <ErrorBanner error={list.error} title="Labs could not be loaded" />
      {list.isPending ? (
        <Spinner label="Loading labs" />
      ) : items.length === 0 && !list.error ? (
        <EmptyState title="No labs match" />
      ) : (
        <InfiniteList
          label="Labs"
          items={items}
          keyOf={(l) => l.id}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          className="grid gap-4 sm:grid-cols-2"
          render={(l) => (
            <Card className="flex flex-col gap-2">
              <h2 className="text-lg">{l.name}</h2>
              <p className="text-muted">{l.location}</p>
              <div className="flex flex-wrap gap-2">
                <Badge tone={l.price.amount_minor === 0 ? 'success' : 'neutral'}>{formatPrice(l.price)}</Badge>
                {l.requires_approval && <Badge>Needs approval</Badge>}
              </div>
            </Card>
          )}
        />
      )}
    </div>
  );
}
