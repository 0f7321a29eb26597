import { Link, useParams } from 'react-router-dom';
import { Card, EmptyState, InfiniteList, Spinner } from '../../theme';
import { useMembers } from './course';
import { CourseHeader } from './CourseHeader';
import { counted, formatWhen } from './format';
import { ListError } from './ListError';
import { PostForm } from './PostForm';
import { useStartThread, useThreads, type DiscussionThread } from './threads';

/** A course's discussion threads, newest first, and starting a new one (course members). */
export default function CourseCommunityPage() {
  const { id: courseId = '' } = useParams();
  const list = useThreads(courseId);
  const members = useMembers(courseId, list.isSuccess);
  const start = useStartThread(courseId);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div>
      <CourseHeader courseId={courseId} area="community" />
      <ListError error={list.error} title="The discussions could not be loaded" courseId={courseId} />
      {!list.error && (
        <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
          <section aria-label="Discussions">
            {list.isPending ? (
              <Spinner label="Loading the discussions" />
            ) : items.length === 0 ? (
              <EmptyState title="No discussions yet">Start the first one.</EmptyState>
            ) : (
              <InfiniteList
                label="Discussions"
                items={items}
                keyOf={(t) => t.id}
                hasMore={Boolean(list.hasNextPage)}
                loadingMore={list.isFetchingNextPage}
                onLoadMore={() => void list.fetchNextPage()}
                className="flex flex-col gap-3"
                render={(t) => <ThreadCard thread={t} author={members.nameOf(t.author_id, t.author_name)} />}
              />
            )}
          </section>
          <PostForm
            heading="Start a discussion"
            titleLabel="Topic"
            bodyLabel="Message"
            submitLabel="Start discussion"
            doneText="Your discussion is started."
            onSubmit={(v) => start.mutateAsync(v)}
          />
        </div>
      )}
    </div>
  );
}

function ThreadCard({ thread: t, author }: { thread: DiscussionThread; author: string }) {
  return (
    <Card className="flex flex-col gap-2">
      <h2 className="text-lg">
        <Link to={`/threads/${t.id}`} className="text-link hover:underline">
          {t.title}
        </Link>
      </h2>
      <p className="flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
        <span>{counted(t.post_count, 'reply', 'replies')}</span>
        <span>
          Started by {author} on <time dateTime={t.created_at}>{formatWhen(t.created_at)}</time>
        </span>
        {t.last_post_at && (
          <span>
            Last reply <time dateTime={t.last_post_at}>{formatWhen(t.last_post_at)}</time>
          </span>
        )}
      </p>
    </Card>
  );
}
