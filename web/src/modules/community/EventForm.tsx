import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { Button, ErrorBanner, Input, Textarea } from '../../theme';
import { useCreateEvent, type NewEvent } from './events';
import { toRfc3339 } from './format';

/** For the course's teaching staff: open an event with a number of seats. */
export function EventForm({ courseId }: { courseId: string }) {
  const headingId = useId();
  const create = useCreateEvent(courseId);
  const [title, setTitle] = useState('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [capacity, setCapacity] = useState('10');
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [done, setDone] = useState('');
  const problem = create.error instanceof ApiError ? create.error : undefined;

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone('');
    const body: NewEvent = { title: title.trim(), capacity: Number(capacity), starts_at: toRfc3339(startsAt) ?? '' };
    const ends = toRfc3339(endsAt);
    if (ends) body.ends_at = ends;
    if (location.trim()) body.location = location.trim();
    if (description.trim()) body.description = description.trim();
    create.mutate(body, {
      onSuccess: (event) => {
        setTitle('');
        setStartsAt('');
        setEndsAt('');
        setLocation('');
        setDescription('');
        setDone(`${event.title} is open for RSVPs.`);
      },
    });
  }

  return (
    <section aria-labelledby={headingId} className="rounded-card border border-line bg-surface p-4">
      <h2 id={headingId} className="mb-3 text-xl">
        Plan an event
      </h2>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <Input label="Title" value={title} onChange={(e) => setTitle(e.target.value)} error={problem?.fieldMessage('title')} required />
        <Input
          label="Starts"
          type="datetime-local"
          value={startsAt}
          onChange={(e) => setStartsAt(e.target.value)}
          error={problem?.fieldMessage('starts_at')}
          required
        />
        <Input
          label="Ends (optional)"
          type="datetime-local"
          value={endsAt}
          onChange={(e) => setEndsAt(e.target.value)}
          error={problem?.fieldMessage('ends_at')}
        />
        <Input
          label="Seats"
          type="number"
          min={1}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          error={problem?.fieldMessage('capacity')}
          required
        />
        <Input
          label="Where"
          hint="A place or a meeting link"
          value={location}
          onChange={(e) => setLocation(e.target.value)}
          error={problem?.fieldMessage('location')}
        />
        <Textarea
          label="Description"
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          error={problem?.fieldMessage('description')}
        />
        <ErrorBanner error={create.error} title="The event could not be created" />
        <div className="flex items-center gap-4">
          <Button type="submit" busy={create.isPending} className="shrink-0">
            Create event
          </Button>
          <p role="status" className="font-semibold text-success">
            {done}
          </p>
        </div>
      </form>
    </section>
  );
}
