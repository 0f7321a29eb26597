import { Link } from 'react-router-dom';
import { cx } from '../../theme';
import type { ContentItem, Section } from './api';
import { statusLabel, type ItemStatus } from './content';

const mark: Record<string, string> = { completed: '✓', started: '◐' };

/** The course's sections and their items; the open item is marked as the current page. */
export function CourseOutline({
  sections,
  items,
  current,
  status,
}: {
  sections: Section[];
  items: Map<string, ContentItem[]>;
  current: string | undefined;
  status: (id: string) => ItemStatus;
}) {
  return (
    <nav aria-label="Course outline">
      <ol className="flex flex-col gap-4">
        {sections.map((s, i) => (
          <li key={s.id}>
            <h2 className="mb-1 text-base">
              <span className="text-muted">{i + 1}.</span> {s.title}
            </h2>
            <ul className="flex flex-col">
              {(items.get(s.id) ?? []).map((item) => {
                const st = status(item.id);
                return (
                  <li key={item.id}>
                    <Link
                      to={`?item=${item.id}`}
                      aria-current={item.id === current ? 'page' : undefined}
                      className={cx(
                        'flex items-center gap-2 rounded-lg px-2 py-2 hover:bg-accent-soft',
                        item.id === current && 'bg-accent-soft font-semibold',
                      )}
                    >
                      <span aria-hidden="true" className="w-4 text-success">
                        {st ? mark[st] : ''}
                      </span>
                      <span className="flex-1">{item.title}</span>
                      <span className="sr-only">({statusLabel(st)})</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </nav>
  );
}
