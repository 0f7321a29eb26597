import { Badge, Card } from '../../theme';
import type { Appeal, GradeItem } from './api';
import { formatDate, formatScore } from './format';

const statusWords: Record<Appeal['status'], string> = { open: 'Open', accepted: 'Accepted', rejected: 'Rejected' };

/** My appeals in this course, newest first, with how each was resolved. */
export function AppealsList({ appeals, items }: { appeals: Appeal[]; items: GradeItem[] }) {
  const title = (a: Appeal) => items.find((g) => g.id === a.grade_item_id)?.exercise_title ?? 'An exercise';
  return (
    <ul aria-label="My appeals" className="flex flex-col gap-3">
      {[...appeals].reverse().map((a) => (
        <li key={a.id}>
          <Card className="flex flex-col gap-1">
            <p className="flex flex-wrap items-center gap-2 font-semibold">
              {title(a)} <Badge tone={a.status === 'accepted' ? 'success' : 'neutral'}>{statusWords[a.status]}</Badge>
            </p>
            <p>
              <span className="text-muted">Your reason: </span>
              {a.reason}
            </p>
            {a.status === 'accepted' && a.new_score !== null && <p>New score: {formatScore(a.new_score)}</p>}
            {a.resolution_note && (
              <p>
                <span className="text-muted">Grader's note: </span>
                {a.resolution_note}
              </p>
            )}
            <p className="text-sm text-muted">
              Filed {formatDate(a.created_at)}
              {a.resolved_at && ` · resolved ${formatDate(a.resolved_at)}`}
            </p>
          </Card>
        </li>
      ))}
    </ul>
  );
}
