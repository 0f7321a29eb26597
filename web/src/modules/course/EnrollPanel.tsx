import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { api, IdempotentAttempt, unwrap } from '../../api';
import type { Course } from '../../api/types';
import { Button, ErrorBanner, useToast } from '../../theme';
import { useSession } from '../auth/session';
import { ProgressBar } from '../learn/ProgressBar';
import { CourseLinks } from './CourseLinks';

/**
 * What a learner can do with a course: enroll in a free one (one
 * Idempotency-Key per attempt), add a paid one to the cart; anonymous
 * visitors are sent to sign in and back. An enrolled learner gets the ways
 * into the course: the player, roadmap, grades, Q&A, community and events.
 */
export function EnrollPanel({ course }: { course: Course }) {
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const attempt = useRef(new IdempotentAttempt());
  const free = course.price.amount_minor === 0;

  const enrollments = useQuery({
    queryKey: ['enrollments', 'first-page'],
    queryFn: () => unwrap(api.GET('/v1/enrollments', { params: { query: { limit: 100 } } })),
    enabled: signedIn,
  });
  const cart = useQuery({ queryKey: ['cart'], queryFn: () => unwrap(api.GET('/v1/cart')), enabled: signedIn && !free });
  const mine = enrollments.data?.items.find((e) => e.course_id === course.id && e.status !== 'cancelled');
  const enrolled = Boolean(mine);
  const inCart = cart.data?.items.some((i) => i.item_type === 'course' && i.item_id === course.id);

  const enroll = useMutation({
    mutationFn: () =>
      attempt.current.run((key) =>
        unwrap(
          api.POST('/v1/enrollments', {
            params: { header: { 'Idempotency-Key': key } },
            body: { course_id: course.id },
          }),
        ),
      ),
    onSuccess: async () => {
      toast(`You are enrolled in ${course.title}.`);
      await queryClient.invalidateQueries({ queryKey: ['enrollments'] });
      await queryClient.invalidateQueries({ queryKey: ['course-intro', course.id] });
    },
  });
  const addToCart = useMutation({
    mutationFn: () =>
      unwrap(api.POST('/v1/cart/items', { body: { item_type: 'course', item_id: course.id } })),
    onSuccess: (data) => {
      queryClient.setQueryData(['cart'], data);
      toast(`${course.title} is in your cart.`);
    },
  });

  if (!signedIn) {
    const signIn = () => navigate(`/sign-in?next=${encodeURIComponent(location.pathname)}`);
    return (
      <Button onClick={signIn}>{free ? 'Enroll' : 'Add to cart'}</Button>
    );
  }
  if (enrolled) {
    return (
      <div className="flex flex-col gap-3">
        <p role="status" className="font-semibold text-success">
          You are enrolled.
        </p>
        {mine && <ProgressBar label={`Progress in ${course.title}`} percent={mine.progress_percent} />}
        <Link
          to={`/learn/${course.id}`}
          className="inline-flex min-h-10 items-center justify-center rounded-lg bg-primary px-4 py-2 font-semibold text-white hover:bg-primary-strong"
        >
          Start learning
        </Link>
        <CourseLinks courseId={course.id} skip={['intro', 'player']} />
      </div>
    );
  }
  const error = enroll.error ?? addToCart.error;
  return (
    <div className="flex flex-col gap-3">
      <ErrorBanner
        error={error}
        title={free ? 'Could not enroll' : 'Could not add to the cart'}
      />
      {free ? (
        <Button onClick={() => enroll.mutate()} busy={enroll.isPending}>
          Enroll
        </Button>
      ) : inCart ? (
        <p role="status">
          In your cart.{' '}
          <Link to="/cart" className="text-link underline">
            Go to the cart
          </Link>
        </p>
      ) : (
        <Button onClick={() => addToCart.mutate()} busy={addToCart.isPending}>
          Add to cart
        </Button>
      )}
    </div>
  );
}
