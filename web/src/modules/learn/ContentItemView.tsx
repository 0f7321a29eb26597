import { Link } from 'react-router-dom';
import { Badge, Button, ErrorBanner } from '../../theme';
import type { ContentItem } from './api';
import { formatDuration, readItem, statusLabel, typeLabel, type ItemStatus } from './content';

const external = 'font-semibold text-link underline';

/** The body of one content item, by its type (text, video link, file, link, exercise). */
function ItemBody({ item, courseId }: { item: ContentItem; courseId: string }) {
  const view = readItem(item);
  const note = view.text && view.kind !== 'text' && <p className="whitespace-pre-line">{view.text}</p>;
  switch (view.kind) {
    case 'text':
      // Plain text with its line breaks: the body is authored text, never HTML.
      return <p className="whitespace-pre-line">{view.text ?? 'This reading has no text yet.'}</p>;
    case 'video':
      return (
        <div className="flex flex-col gap-2">
          {note}
          {view.url ? (
            <a href={view.url} target="_blank" rel="noreferrer" className={external}>
              Watch the video{view.seconds ? ` (${formatDuration(view.seconds)})` : ''}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            <p className="text-muted">The video is not available.</p>
          )}
        </div>
      );
    case 'file':
    case 'link':
      return (
        <div className="flex flex-col gap-2">
          {note}
          {view.url ? (
            <a href={view.url} target="_blank" rel="noreferrer" className={external}>
              {view.kind === 'file' ? `Download ${view.label ?? 'the file'}` : `Open ${view.label ?? 'the link'}`}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            <p className="text-muted">The {view.kind} is not available.</p>
          )}
        </div>
      );
    case 'exercise':
      return (
        <div className="flex flex-col gap-2">
          {note}
          {view.exerciseId ? (
            <Link to={`/courses/${courseId}/exercises/${view.exerciseId}`} className={external}>
              Open the exercise
            </Link>
          ) : (
            <p className="text-muted">The exercise is not available.</p>
          )}
        </div>
      );
    default:
      return note || <p className="text-muted">Nothing to show for this item.</p>;
  }
}

/** One content item in the player: its type, body, status and the "completed" action. */
export function ContentItemView({
  item,
  courseId,
  status,
  onComplete,
  completing,
  error,
}: {
  item: ContentItem;
  courseId: string;
  status: ItemStatus;
  onComplete: () => void;
  completing: boolean;
  error: unknown;
}) {
  return (
    <section aria-labelledby="item-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-2">
        <Badge>{typeLabel[item.item_type] ?? item.item_type}</Badge>
        {!item.is_required && <Badge>Optional</Badge>}
        <Badge tone={status === 'completed' ? 'success' : 'neutral'}>{statusLabel(status)}</Badge>
      </div>
      <h2 id="item-title" tabIndex={-1} className="text-2xl">
        {item.title}
      </h2>
      <ItemBody item={item} courseId={courseId} />
      <ErrorBanner error={error} title="Your progress could not be saved" />
      {status === 'completed' ? (
        <p className="font-semibold text-success">You completed this item.</p>
      ) : (
        <div>
          <Button onClick={onComplete} busy={completing}>
            Mark complete
          </Button>
        </div>
      )}
    </section>
  );
}
