import { useId, type ReactNode } from 'react';

/** A label, the control, and the control's hint or error, wired by ids. */
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const messageId = `${id}-message`;
  const message = error ?? hint;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {children({ id, describedBy: message ? messageId : undefined, invalid: Boolean(error) })}
      {message && (
        <p id={messageId} className={error ? 'text-sm text-danger' : 'text-sm text-muted'}>
          {message}
        </p>
      )}
    </div>
  );
}

export const controlClass =
  'min-h-10 w-full rounded-lg border border-line bg-surface px-3 py-2 text-ink placeholder:text-muted aria-[invalid=true]:border-danger';
