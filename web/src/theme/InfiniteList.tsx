import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './Button';
import { Spinner } from './Spinner';

/**
 * A list over cursor pages: the next page loads when the end of the list
 * scrolls into view, or by the "Load more" button (keyboard and no-JS-observer
 * friendly).
 */
export function InfiniteList<T>({
  label,
  items,
  render,
  keyOf,
  hasMore,
  loadingMore,
  onLoadMore,
  className,
}: {
  label: string;
  items: T[];
  render: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  className?: string;
}) {
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && !loadingMore) onLoadMore();
      },
      { rootMargin: '400px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loadingMore, onLoadMore]);
  return (
    <div>
      <ul aria-label={label} className={className}>
        {items.map((item) => (
          <li key={keyOf(item)}>{render(item)}</li>
        ))}
      </ul>
      <div ref={sentinel} className="flex justify-center py-6">
        {loadingMore ? (
          <Spinner label="Loading more" />
        ) : (
          hasMore && (
            <Button variant="secondary" onClick={onLoadMore}>
              Load more
            </Button>
          )
        )}
      </div>
    </div>
  );
}
