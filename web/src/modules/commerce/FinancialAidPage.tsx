import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Button, Card, EmptyState, ErrorBanner, Spinner, useToast, Textarea } from '../../theme';
import { useAidApplications, useApplyForAid, type AidApplication } from './api';
import { CourseTitle, PaidCourseSelect } from './courses';
import { formatDateTime } from './OrderStatus';
import { ProblemNotice } from './ProblemNotice';

/** Apply for financial aid on a paid course, and follow my applications (/v1/financial-aid). */
export default function FinancialAidPage() {
  usePageTitle('Financial aid');
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-3xl">Financial aid</h1>
      <p className="max-w-prose text-muted">
        If a course’s price stands between you and learning, apply for aid. An approved application takes its discount
        off that course in your cart, once.
      </p>
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <Card>
          <ApplyForm />
        </Card>
        <MyApplications />
      </div>
    </div>
  );
}

function ApplyForm() {
  const apply = useApplyForAid();
  const toast = useToast();
  const [courseId, setCourseId] = useState('');
  const [statement, setStatement] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    apply.mutate(
      { course_id: courseId, statement: statement.trim() },
      {
        onSuccess: () => {
          toast('Your application is submitted.');
          setStatement('');
        },
      },
    );
  }

  const fieldError = (f: string) => (apply.error instanceof ApiError ? apply.error.fieldMessage(f) : undefined);
  return (
    <form onSubmit={submit} className="flex flex-col gap-4" aria-labelledby="aid-form-heading">
      <h2 id="aid-form-heading" className="text-xl">Apply</h2>
      <PaidCourseSelect value={courseId} onChange={setCourseId} error={fieldError('course_id')} />
      <Textarea
        label="Your situation"
        hint="Tell the reviewers why you need aid for this course."
        value={statement}
        onChange={(e) => setStatement(e.target.value)}
        maxLength={4000}
        error={fieldError('statement')}
      />
      <ProblemNotice error={apply.error} title="The application was not submitted" />
      <div>
        <Button type="submit" busy={apply.isPending} disabled={!courseId}>
          Submit the application
        </Button>
      </div>
    </form>
  );
}

const statusWords: Record<AidApplication['status'], string> = {
  submitted: 'Under review',
  approved: 'Approved',
  rejected: 'Not approved',
};

function MyApplications() {
  const apps = useAidApplications();
  const items = apps.data?.items ?? [];
  return (
    <section aria-labelledby="my-aid" className="flex flex-col gap-3">
      <h2 id="my-aid" className="text-xl">My applications</h2>
      <ErrorBanner error={apps.error} title="Your applications could not be loaded" />
      {apps.isPending && <Spinner label="Loading your applications" />}
      {apps.data && items.length === 0 && <EmptyState title="You have not applied for aid yet" />}
      {items.length > 0 && (
        <Card className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">My financial aid applications, newest first</caption>
            <thead>
              <tr className="border-b border-line text-sm text-muted">
                <th scope="col" className="py-2 pr-3">Course</th>
                <th scope="col" className="py-2 pr-3">Applied</th>
                <th scope="col" className="py-2">Decision</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id} className="border-b border-line align-top">
                  <th scope="row" className="py-3 pr-3 font-normal">
                    <CourseTitle id={a.course_id} />
                  </th>
                  <td className="py-3 pr-3">{formatDateTime(a.created_at)}</td>
                  <td className="py-3">
                    <Badge tone={a.status === 'approved' ? 'success' : 'neutral'}>{statusWords[a.status]}</Badge>
                    {a.status === 'approved' && a.discount_percent !== null && (
                      <span className="block text-sm">
                        {a.discount_percent}% off{a.used_order_id ? ', used' : ', applied at checkout'}
                      </span>
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
