import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { Button, ErrorBanner, Input, Textarea } from '../../theme';

export interface PostValues {
  title: string;
  body: string;
}

/**
 * A form to write something (a question, an answer, a thread, a reply): an
 * optional title and a body. The API's per-field problems show at their
 * fields, anything else above the button; success is announced and clears it.
 */
export function PostForm({
  heading,
  titleLabel,
  bodyLabel,
  submitLabel,
  doneText,
  onSubmit,
}: {
  heading: string;
  titleLabel?: string;
  bodyLabel: string;
  submitLabel: string;
  doneText: string;
  onSubmit: (values: PostValues) => Promise<unknown>;
}) {
  const headingId = useId();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState('');
  const apiError = error instanceof ApiError ? error : undefined;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone('');
    try {
      await onSubmit({ title: title.trim(), body: body.trim() });
      setTitle('');
      setBody('');
      setDone(doneText);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="rounded-card border border-line bg-surface p-4">
      <h2 id={headingId} className="mb-3 text-xl">
        {heading}
      </h2>
      <form onSubmit={(e) => void submit(e)} className="flex flex-col gap-4">
        {titleLabel && (
          <Input
            label={titleLabel}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={apiError?.fieldMessage('title')}
            required
          />
        )}
        <Textarea
          label={bodyLabel}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={apiError?.fieldMessage('body')}
          required
        />
        <ErrorBanner error={error} title={`Could not ${submitLabel.toLowerCase()}`} />
        <div className="flex items-center gap-4">
          <Button type="submit" busy={busy} className="shrink-0">
            {submitLabel}
          </Button>
          <p role="status" className="font-semibold text-success">
            {done}
          </p>
        </div>
      </form>
    </section>
  );
}
