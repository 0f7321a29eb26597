import { Badge } from '../../theme';
import { toolLabel, toolSummary, type ToolCall } from './tools';

/** One tool the assistant ran for this turn: what, whether it worked, its result in words and in full. */
export function ToolCallView({ call }: { call: ToolCall }) {
  return (
    <div className="rounded-lg border border-line bg-page p-2 text-sm">
      <p className="flex flex-wrap items-center gap-2">
        <span className="font-semibold">{toolLabel(call.name)}</span>
        {call.ok ? <Badge tone="success">Done</Badge> : <Badge>Refused</Badge>}
      </p>
      <p className={call.ok ? 'mt-1' : 'mt-1 text-danger'}>{toolSummary(call)}</p>
      <details className="mt-1">
        <summary className="cursor-pointer text-link">Details of {toolLabel(call.name).toLowerCase()}</summary>
        <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap break-all rounded bg-surface p-2 text-xs">
          {JSON.stringify({ tool: call.name, arguments: call.arguments, result: call.result }, null, 2)}
        </pre>
      </details>
    </div>
  );
}
