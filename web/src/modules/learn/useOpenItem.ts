import { useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { ContentItem } from './api';
import { firstOpenItem, type ItemStatus } from './content';

type Mark = (input: { content_item_id: string; status: 'started' }) => void;

/**
 * Which item the player shows, and what opening it does: ?item= names it;
 * ?section= (from the roadmap or a super-course) opens that section's first
 * open item; otherwise the course's first open item.
 */
export function useOpenItem(
  all: ContentItem[],
  bySection: Map<string, ContentItem[]>,
  statuses: Map<string, ItemStatus>,
  /** Every section's items and my progress are loaded: before that, no item is chosen. */
  ready: boolean,
  markStarted: Mark,
) {
  const [params, setParams] = useSearchParams();
  const status = (id: string) => statuses.get(id);
  const wanted = params.get('item');
  const section = bySection.get(params.get('section') ?? '') ?? [];
  const current = !ready
    ? undefined
    : (all.find((i) => i.id === wanted) ?? firstOpenItem(section, status) ?? firstOpenItem(all, status));

  // The URL names the open item, so completing it never jumps to another "first open" one.
  useEffect(() => {
    if (current && wanted !== current.id) setParams({ item: current.id }, { replace: true });
  }, [current, wanted, setParams]);

  // Opening an item records that I started it (forward only on the server; once per item here).
  const startedHere = useRef(new Set<string>());
  useEffect(() => {
    if (!current || statuses.has(current.id) || startedHere.current.has(current.id)) return;
    startedHere.current.add(current.id);
    markStarted({ content_item_id: current.id, status: 'started' });
  }, [current, statuses, markStarted]);

  // Moving to another item puts the keyboard focus on its title, as a page change would.
  const body = useRef<HTMLDivElement>(null);
  const shown = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (shown.current && current && shown.current !== current.id) body.current?.querySelector('h2')?.focus();
    shown.current = current?.id;
  }, [current]);

  return { current, index: current ? all.indexOf(current) : -1, body };
}
