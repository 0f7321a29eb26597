import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Button, Card, EmptyState, ErrorBanner, Select, Spinner, useToast, Textarea } from '../../theme';
import { useRequestSponsorship, useSponsors, useSponsorshipRequests, type SponsorshipRequest } from './api';
import { CourseTitle, PaidCourseSelect } from './courses';
import { formatDateTime } from './OrderStatus';
import { ProblemNotice } from './ProblemNotice';

/** Ask a sponsor to cover a paid course, and follow my requests (/v1/sponsorship-requests). */
export default function SponsorshipsPage() {
  usePageTitle('Sponsorships');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl">Sponsorships</h1>
      <p className="max-w-prose text-muted">
        A sponsor (an employer, a foundation, a person) can pay for a course for you. When they approve, you are enrolled
        at no cost.
      </p>
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <Card>
          <RequestForm />
        </Card>
        <MyRequests />
      </div>
    </div>
  );
}

function RequestForm() {
  const sponsors = useSponsors();
  const send = useRequestSponsorship();
  const toast = useToast();
  const [sponsorId, setSponsorId] = useState('');
  const [courseId, setCourseId] = useState('');
  const [message, setMessage] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    send.mutate(
      { sponsor_id: sponsorId, course_id: courseId, message: message.trim() },
      {
        onSuccess: () => {
          toast('Your sponsorship request is sent.');
          setMessage('');
        },
      },
    );
  }

  const fieldError = (f: string) => (send.error instanceof ApiError ? send.error.fieldMessage(f) : undefined);
  const options = [
    { value: '', label: sponsors.isPending ? 'Loading sponsors…' : 'Choose a sponsor' },
    ...(sponsors.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-labelledby="sponsor-form-heading">
      <h2 id="sponsor-form-heading" className="text-xl">Ask a sponsor</h2>
      <ErrorBanner error={sponsors.error} title="Sponsors could not be loaded" />
      <Select label="Sponsor" value={sponsorId} onChange={(e) => setSponsorId(e.target.value)} options={options} error={fieldError('sponsor_id')} required />
      <PaidCourseSelect value={courseId} onChange={setCourseId} error={fieldError('course_id')} />
      <Textarea label="Message to the sponsor (optional)" value={message} onChange={(e) => setMessage(e.target.value)} maxLength={2000} error={fieldError('message')} />
      <ProblemNotice error={send.error} title="The request was not sent" />
      <div>
        <Button type="submit" busy={send.isPending} disabled={!sponsorId || !courseId}>
          Send the request
        </Button>
      </div>
    </form>
  );
}

const statusWords: Record<SponsorshipRequest['status'], string> = {
  requested: 'Waiting for the sponsor',
  approved: 'Approved',
  rejected: 'Declined',
};

function MyRequests() {
  const requests = useSponsorshipRequests();
  const sponsors = useSponsors();
  const sponsorName = (id: string) => sponsors.data?.items.find((s) => s.id === id)?.name ?? 'A sponsor';
  const items = requests.data?.items ?? [];
  return (
    <section aria-labelledby="my-sponsorships" className="flex flex-col gap-3">
      <h2 id="my-sponsorships" className="text-xl">My requests</h2>
      <ErrorBanner error={requests.error} title="Your requests could not be loaded" />
      {requests.isPending && <Spinner label="Loading your requests" />}
      {requests.data && items.length === 0 && <EmptyState title="You have not asked a sponsor yet" />}
      {items.length > 0 && (
        <Card className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">My sponsorship requests, newest first</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="py-2 pr-3">Course</th>
                <th scope="col" className="py-2 pr-3">Sponsor</th>
                <th scope="col" className="py-2 pr-3">Sent</th>
                <th scope="col" className="py-2">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id} className="border-b border-line align-top">
                  <th scope="row" className="py-3 pr-3 font-normal">
                    <CourseTitle id={r.course_id} />
                    {r.message && <span className="block text-sm text-muted">“{r.message}”</span>}
                  </th>
                  <td className="py-3 pr-3">{sponsorName(r.sponsor_id)}</td>
                  <td className="py-3 pr-3">{formatDateTime(r.created_at)}</td>
                  <td className="py-3">
                    <Badge tone={r.status === 'approved' ? 'success' : 'neutral'}>{statusWords[r.status]}</Badge>
                    {r.order_id && (
                      <Link to={`/orders/${r.order_id}`} className="mt-1 block text-link underline">
                        Its order
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </section>
  );
}
