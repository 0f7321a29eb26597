import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { usePageTitle } from '../../app/usePageTitle';
import { Badge, Card, EmptyState, ErrorBanner, InfiniteList, Spinner } from '../../theme';
import { formatMoney } from '../commerce/money';
import { useLabSearch, type Lab, type LabSearch } from './api';
import { windowValid, type FilterValues } from './filters';
import { LabFilters } from './LabFilters';
import { dateInputToIso } from './time';

const empty: FilterValues = { text: '', equipment: '', organizationId: '', from: '', to: '' };

/** The filters as a search, text fields settled for 250 ms. */
function useSearch(values: FilterValues): LabSearch {
  const [typed, setTyped] = useState({ q: '', equipment: '' });
  useEffect(() => {
    const t = setTimeout(() => setTyped({ q: values.text.trim(), equipment: values.equipment.trim() }), 250);
    return () => clearTimeout(t);
  }, [values.text, values.equipment]);
  return useMemo(() => {
    const from = dateInputToIso(values.from);
    const to = dateInputToIso(values.to, true);
    return {
      ...typed,
      organizationId: values.organizationId,
      availableFrom: from,
      // A window that ends before it starts is not asked for (the field says why).
      availableTo: windowValid(values) ? to : undefined,
    };
  }, [typed, values]);
}

/** Labs to book, searched by text, equipment, organization and time window (GET /v1/labs). */
export default function LabsPage() {
  usePageTitle('Labs');
  const [values, setValues] = useState(empty);
  const search = useSearch(values);
  const list = useLabSearch(search);
  const items = list.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-3xl">Labs</h1>
        <Link to="/bookings" className="text-link underline">
          My bookings
        </Link>
      </div>
      <LabFilters values={values} onChange={setValues} />
      <ErrorBanner error={list.error} title="Labs could not be loaded" />
      <p role="status" className="sr-only">
        {list.isFetching ? 'Searching labs' : `${items.length} ${items.length === 1 ? 'lab' : 'labs'} found`}
      </p>
      {list.isPending ? (
        <Spinner label="Loading labs" />
      ) : items.length === 0 && !list.error ? (
        <EmptyState title="No labs match">Try fewer words, other equipment or a wider time window.</EmptyState>
      ) : (
        <InfiniteList
          label="Labs"
          items={items}
          keyOf={(l) => l.id}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
          className="grid gap-4 sm:grid-cols-2"
          render={(l) => <LabCard lab={l} />}
        />
      )}
    </div>
  );
}

function LabCard({ lab }: { lab: Lab }) {
  return (
    <Card className="flex h-full flex-col gap-2">
      <h2 className="text-lg">
        <Link to={`/labs/${lab.id}`} className="text-link underline">
          {lab.name}
        </Link>
      </h2>
      <p className="text-muted">{lab.location}</p>
      {lab.equipment.length > 0 && <p className="text-sm">Equipment: {lab.equipment.join(', ')}</p>}
      <div className="flex flex-wrap gap-2">
        <Badge tone={lab.price.amount_minor === 0 ? 'success' : 'neutral'}>
          {lab.price.amount_minor === 0 ? 'Free' : `${formatMoney(lab.price)} per seat`}
        </Badge>
        {lab.requires_approval && <Badge>Needs approval</Badge>}
      </div>
    </Card>
  );
}
