import { Link, useParams } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Button, Card, ErrorBanner, Spinner } from '../../theme';
import { useMembers } from './course';
import { counted, formatWhen } from './format';
import { ListError } from './ListError';
import { PostForm } from './PostForm';
import { useAcceptAnswer, useAnswerQuestion, useQuestion, type Answer, type QuestionDetail } from './qa';
import { VoteButtons } from './VoteButtons';

/** One question with its answers (accepted first): answer it, vote, and accept an answer (the asker or an instructor). */
export default function QuestionPage() {
  const { id = '' } = useParams();
  const question = useQuestion(id);
  usePageTitle(question.data?.title ?? 'Question');
  if (question.isPending) return <Spinner label="Loading the question" />;
  if (question.error) return <ListError error={question.error} title="This question could not be loaded" />;
  return <QuestionView question={question.data} />;
}

function QuestionView({ question: q }: { question: QuestionDetail }) {
  const members = useMembers(q.course_id);
  const answer = useAnswerQuestion(q);
  const accept = useAcceptAnswer(q);
  // The API lets the asker or an instructor of the course accept; it checks again.
  const mayAccept = members.myId === q.author_id || members.iTeach;
  return (
    <article className="flex flex-col gap-6">
      <p>
        <Link to={`/courses/${q.course_id}/questions`} className="text-link underline">
          Back to the course's questions
        </Link>
      </p>
      <header className="flex flex-col gap-2">
        <h1 className="text-3xl">{q.title}</h1>
        <p className="text-sm text-muted">
          Asked by {members.nameOf(q.author_id, q.author_name)} on <time dateTime={q.created_at}>{formatWhen(q.created_at)}</time>
        </p>
      </header>
      <p className="whitespace-pre-line">{q.body}</p>
      <VoteButtons questionId={q.id} target="question" targetId={q.id} total={q.vote_total} label="this question" />
      <section aria-labelledby="answers-heading" className="flex flex-col gap-3">
        <h2 id="answers-heading" className="text-2xl">
          {counted(q.answers.length, 'answer', 'answers')}
        </h2>
        <ErrorBanner error={accept.error} title="The answer could not be accepted" />
        <ul aria-label="Answers" className="flex flex-col gap-3">
          {q.answers.map((a) => (
            <li key={a.id}>
              <AnswerCard
                answer={a}
                author={members.nameOf(a.author_id, a.author_name)}
                onAccept={mayAccept && !a.accepted ? () => accept.mutate(a.id) : undefined}
                accepting={accept.isPending && accept.variables === a.id}
              />
            </li>
          ))}
        </ul>
      </section>
      <PostForm
        heading="Your answer"
        bodyLabel="Answer"
        submitLabel="Post answer"
        doneText="Your answer is posted."
        onSubmit={(v) => answer.mutateAsync(v.body)}
      />
    </article>
  );
}

function AnswerCard({
  answer: a,
  author,
  onAccept,
  accepting,
}: {
  answer: Answer;
  author: string;
  onAccept: (() => void) | undefined;
  accepting: boolean;
}) {
  const label = `the answer by ${author}`;
  return (
    <Card className={a.accepted ? 'flex flex-col gap-3 border-2 border-success' : 'flex flex-col gap-3'}>
      {a.accepted && (
        <p>
          <Badge tone="success">Accepted answer</Badge>
        </p>
      )}
      <p className="whitespace-pre-line">{a.body}</p>
      <p className="text-sm text-muted">
        {author} · <time dateTime={a.created_at}>{formatWhen(a.created_at)}</time>
      </p>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <VoteButtons questionId={a.question_id} target="answer" targetId={a.id} total={a.vote_total} label={label} />
        {onAccept && (
          <Button variant="secondary" onClick={onAccept} busy={accepting}>
            Accept this answer
          </Button>
        )}
      </div>
    </Card>
  );
}
