import { Link } from 'react-router-dom';
import { ApiError } from '../../api';
import { ErrorBanner } from '../../theme';
import { problemHint, problemOrderId } from './problems';

/**
 * A failed action explained: the API's message and request id (ErrorBanner),
 * what to do next, the fields it named, and the order it is about.
 */
export function ProblemNotice({ error, title }: { error: unknown; title: string }) {
  if (!error) return null;
  const hint = problemHint(error);
  const orderId = problemOrderId(error);
  const details = error instanceof ApiError ? error.details.filter((d) => d.message) : [];
  return (
    <div className="flex flex-col gap-2">
      <ErrorBanner error={error} title={title} />
      {(hint || details.length > 0 || orderId) && (
        <div className="rounded-lg border border-line bg-surface p-3">
          {hint && <p>{hint}</p>}
          {details.length > 0 && (
            <ul className="list-disc pl-5">
              {details.map((d) => (
                <li key={`${d.field}-${d.message}`}>
                  {d.field ? <span className="font-semibold">{fieldLabel(d.field)}: </span> : null}
                  {d.message}
                </li>
              ))}
            </ul>
          )}
          {orderId && (
            <Link to={`/orders/${orderId}`} className="font-semibold text-link underline">
              {error instanceof ApiError && error.code === 'ORDER_PENDING' ? 'View the waiting order' : 'View the order'}
            </Link>
          )}
        </div>
      )}
    </div>
  );
}

const labels: Record<string, string> = {
  provider: 'Payment method',
  payment_method: 'Card payment token',
  coupon_code: 'Coupon code',
};

function fieldLabel(field: string): string {
  return labels[field] ?? field;
}
