import { Link } from 'react-router-dom';
import { Button, Card, EmptyState, ErrorBanner, Spinner } from '../../theme';
import { formatPrice } from '../course/format';
import { useRemoveFromWishlist, useWishlist } from './DashboardApi';

/** Courses I saved for later (GET /v1/wishlist), each removable. */
export function DashboardWishlist() {
  const wishlist = useWishlist();
  const remove = useRemoveFromWishlist();
  const items = wishlist.data?.items ?? [];
  return (
    <section aria-labelledby="dashboard-wishlist">
      <h2 id="dashboard-wishlist" className="mb-3 text-xl">
        Wishlist
      </h2>
      <ErrorBanner error={wishlist.error ?? remove.error} title={remove.error ? 'Could not remove the course' : 'Your wishlist could not be loaded'} />
      {wishlist.isPending ? (
        <Spinner label="Loading your wishlist" />
      ) : items.length === 0 && !wishlist.error ? (
        <EmptyState title="Your wishlist is empty">
          <Link to="/catalog" className="text-link underline">
            Save courses from the catalog
          </Link>
        </EmptyState>
      ) : (
        <ul aria-label="Wishlist" className="flex flex-col gap-2">
          {items.map((w) => (
            <li key={w.id}>
              <Card className="flex items-center justify-between gap-3">
                <div>
                  <Link to={`/courses/${w.course_id}`} className="font-semibold text-link hover:underline">
                    {w.course.title}
                  </Link>
                  <p className="text-sm text-muted">{formatPrice(w.course.price)}</p>
                </div>
                <Button
                  variant="ghost"
                  busy={remove.isPending && remove.variables === w.course_id}
                  onClick={() => remove.mutate(w.course_id)}
                  aria-label={`Remove ${w.course.title} from the wishlist`}
                >
                  Remove
                </Button>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
