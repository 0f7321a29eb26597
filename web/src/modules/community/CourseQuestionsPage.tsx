import { Link, useParams } from 'react-router-dom';
import { Badge, Card, EmptyState, InfiniteList, Spinner } from '../../theme';
import { useMembers } from './course';
import { CourseHeader } from './CourseHeader';
import { counted, formatWhen } from './format';
import { ListError } from './ListError';
import { PostForm } from './PostForm';
import { useAskQuestion, useQuestions, type Question } from './qa';

/** A course's Q&A: its questions, newest first, and asking a new one (course members). */
export default function CourseQuestionsPage() {
  const { id: courseId = '' } = useParams();
  const list = useQuestions(courseId);
  const members = useMembers(courseId, list.isSuccess);
  const ask = useAskQuestion(courseId);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <CourseHeader courseId={courseId} area="questions" />
      <ListError error={list.error} title="The questions could not be loaded" courseId={courseId} />
      {!list.error && (
        <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
          <section aria-label="Questions">
            {list.isPending ? (
              <Spinner label="Loading the questions" />
            ) : items.length === 0 ? (
              <EmptyState title="No questions yet">Ask the first one.</EmptyState>
            ) : (
              <InfiniteList
                label="Questions"
                items={items}
                keyOf={(q) => q.id}
                hasMore={Boolean(list.hasNextPage)}
                loadingMore={list.isFetchingNextPage}
                onLoadMore={() => void list.fetchNextPage()}
                className="flex flex-col gap-3"
                render={(q) => <QuestionCard question={q} author={members.nameOf(q.author_id, q.author_name)} />}
              />
            )}
          </section>
          <PostForm
            heading="Ask a question"
            titleLabel="Your question"
            bodyLabel="Details"
            submitLabel="Post question"
            doneText="Your question is posted."
            onSubmit={(v) => ask.mutateAsync(v)}
          />
        </div>
      )}
    </div>
  );
}

function QuestionCard({ question: q, author }: { question: Question; author: string }) {
  return (
    <Card className="flex flex-col gap-2">
      <h2 className="text-lg">
        <Link to={`/questions/${q.id}`} className="text-link hover:underline">
          {q.title}
        </Link>
      </h2>
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-muted">
        <span>{counted(q.vote_total, 'vote', 'votes')}</span>
        <span>{counted(q.answer_count, 'answer', 'answers')}</span>
        {q.accepted_answer_id && <Badge tone="success">Answered</Badge>}
        <span>
          Asked by {author} on <time dateTime={q.created_at}>{formatWhen(q.created_at)}</time>
        </span>
      </p>
    </Card>
  );
}
