import { useState } from 'react';
import { Button, ErrorBanner } from '../../theme';
import { counted } from './format';
import { useVote, type VoteTarget } from './qa';

/**
 * Up and down votes on a question or an answer. Pressing my current vote
 * again withdraws it. The API does not tell how I voted before this page
 * was opened, so both start unpressed.
 */
export function VoteButtons({
  questionId,
  target,
  targetId,
  total,
  label,
}: {
  questionId: string;
  target: VoteTarget;
  targetId: string;
  total: number;
  label: string;
}) {
  const [mine, setMine] = useState<-1 | 0 | 1>(0);
  const vote = useVote(questionId, target, targetId);
  function cast(value: 1 | -1) {
    const next = mine === value ? 0 : value;
    vote.mutate(next, { onSuccess: (v) => setMine(v.value === 1 ? 1 : v.value === -1 ? -1 : 0) });
  }
  return (
    <div className="flex flex-col gap-2">
      <div role="group" aria-label={`Votes on ${label}`} className="flex items-center gap-2">
        <Button
          variant="secondary"
          aria-pressed={mine === 1}
          aria-label={`Upvote ${label}`}
          disabled={vote.isPending}
          onClick={() => cast(1)}
          className={mine === 1 ? 'border-link' : undefined}
        >
          <span aria-hidden="true">▲</span>
        </Button>
        <span aria-live="polite" className="min-w-16 text-center font-semibold">
          {counted(total, 'vote', 'votes')}
        </span>
        <Button
          variant="secondary"
          aria-pressed={mine === -1}
          aria-label={`Downvote ${label}`}
          disabled={vote.isPending}
          onClick={() => cast(-1)}
          className={mine === -1 ? 'border-link' : undefined}
        >
          <span aria-hidden="true">▼</span>
        </Button>
      </div>
      <ErrorBanner error={vote.error} title="Your vote was not counted" />
    </div>
  );
}
