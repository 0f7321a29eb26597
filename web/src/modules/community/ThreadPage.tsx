import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Card, InfiniteList, Spinner } from '../../theme';
import { useMembers } from './course';
import { counted, formatWhen } from './format';
import { ListError } from './ListError';
import { PostForm } from './PostForm';
import { useReply, useThread, useThreadPosts } from './threads';
import type { Schemas } from '../../api/types';

type ThreadDetail = Schemas['DiscussionThreadDetail'];

/** One discussion thread with its replies, oldest first, and replying to it. */
export default function ThreadPage() {
  const { id = '' } = useParams();
  const thread = useThread(id);
  usePageTitle(thread.data?.title ?? 'Discussion');
  if (thread.isPending) return <Spinner label="Loading the discussion" />;
  if (thread.error) return <ListError error={thread.error} title="This discussion could not be loaded" />;
  return <ThreadView thread={thread.data} />;
}

function ThreadView({ thread: t }: { thread: ThreadDetail }) {
  const members = useMembers(t.course_id);
  const reply = useReply(t);
  const posts = useThreadPosts(t.id);
  return (
    <article className="flex flex-col gap-6">
      <p>
        <Link to={`/courses/${t.course_id}/community`} className="text-link underline">
          Back to the course's discussions
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl">{t.title}</h1>
        <p className="text-sm text-muted">
          Started by {members.nameOf(t.author_id, t.author_name)} on{' '}
          <time dateTime={t.created_at}>{formatWhen(t.created_at)}</time>
        </p>
      </header>
      <p className="whitespace-pre-line">{t.body}</p>
      <section aria-labelledby="replies-heading" className="flex flex-col gap-3">
        <h2 id="replies-heading" className="text-2xl">
          {counted(t.post_count, 'reply', 'replies')}
        </h2>
        <ListError error={posts.error} title="The replies could not be loaded" />
        {posts.isPending ? (
          <Spinner label="Loading the replies" />
        ) : (
          <InfiniteList
            label="Replies"
            items={posts.data?.pages.flatMap((p) => p.items) ?? []}
            keyOf={(p) => p.id}
            hasMore={Boolean(posts.hasNextPage)}
            loadingMore={posts.isFetchingNextPage}
            onLoadMore={() => void posts.fetchNextPage()}
            className="flex flex-col gap-3"
            render={(p) => (
              <Card className="flex flex-col gap-2">
                <p className="whitespace-pre-line">{p.body}</p>
                <p className="text-sm text-muted">
                  {members.nameOf(p.author_id, p.author_name)} · <time dateTime={p.created_at}>{formatWhen(p.created_at)}</time>
                </p>
              </Card>
            )}
          />
        )}
      </section>
      <PostForm
        heading="Reply"
        bodyLabel="Your reply"
        submitLabel="Post reply"
        doneText="Your reply is posted."
        onSubmit={(v) => reply.mutateAsync(v.body)}
      />
    </article>
  );
}
