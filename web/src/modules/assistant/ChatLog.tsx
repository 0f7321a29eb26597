import { Link } from 'react-router-dom';
import type { Exchange } from './chat';
import { ToolCallView } from './ToolCallView';

/**
 * The conversation as a live log: each prompt, the tools the assistant ran
 * with their results, and its answer. New entries are announced politely.
 */
export function ChatLog({ exchanges }: { exchanges: Exchange[] }) {
  return (
    <div role="log" aria-label="Conversation with the assistant" aria-live="polite" className="flex flex-col gap-4">
      {exchanges.length === 0 && (
        <p className="text-muted">
          Ask me to find a course, enroll you ("enroll me in SQL from the Ground Up"), show your enrollments, or open a page.
        </p>
      )}
      {exchanges.map((x) => (
        <div key={x.id} className="flex flex-col gap-2">
          <p className="self-end rounded-lg bg-primary px-3 py-2 text-white">
            <span className="sr-only">You: </span>
            {x.prompt}
          </p>
          {x.turn && (
            <div className="flex flex-col gap-2 self-start">
              {x.turn.tool_calls.length > 0 && (
                <ul aria-label="Tools used" className="flex flex-col gap-2">
                  {x.turn.tool_calls.map((c, i) => (
                    <li key={i}>
                      <ToolCallView call={c} />
                    </li>
                  ))}
                </ul>
              )}
              <p className="whitespace-pre-line rounded-lg bg-accent-soft px-3 py-2 text-ink">
                <span className="sr-only">Assistant: </span>
                {x.turn.answer}
              </p>
              {x.opened && (
                <p className="text-sm text-muted">
                  Opened{' '}
                  <Link to={x.opened} className="text-link underline">
                    {x.opened}
                  </Link>
                  .
                </p>
              )}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}
