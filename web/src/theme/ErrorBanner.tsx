import { ApiError } from '../api/errors';

/** Explains a failure in plain words, with the request id to quote to support. */
export function ErrorBanner({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  if (!error) return null;
  const text =
    error instanceof ApiError ? error.explanation : error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="rounded-lg border border-danger bg-danger-soft p-3 text-ink">
      <p className="font-semibold text-danger">{title}</p>
      <p>{text}</p>
    </div>
  );
}
