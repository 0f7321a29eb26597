import { Input, Select } from '../../theme';
import { useLabOrganizations } from './api';
import { windowValid, type FilterValues } from './filters';

/** The lab search's fields: text, equipment, organization and a window with a free seat. */
export function LabFilters({ values, onChange }: { values: FilterValues; onChange: (v: FilterValues) => void }) {
  const orgs = useLabOrganizations();
  const set = (patch: Partial<FilterValues>) => onChange({ ...values, ...patch });
  const options = [
    { value: '', label: 'Any organization' },
    ...(orgs.data ?? []).map((o) => ({ value: o.id, label: o.name })),
  ];
  return (
    <form role="search" aria-label="Search labs" onSubmit={(e) => e.preventDefault()} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      <Input label="Search labs" type="search" value={values.text} onChange={(e) => set({ text: e.target.value })} />
      <Input
        label="Equipment"
        type="search"
        value={values.equipment}
        onChange={(e) => set({ equipment: e.target.value })}
        hint="e.g. oscilloscope"
      />
      <Select label="Organization" value={values.organizationId} onChange={(e) => set({ organizationId: e.target.value })} options={options} />
      <Input label="Free seat from" type="date" value={values.from} onChange={(e) => set({ from: e.target.value })} />
      <Input
        label="Free seat until"
        type="date"
        value={values.to}
        min={values.from || undefined}
        error={windowValid(values) ? undefined : 'Choose a day on or after “Free seat from”.'}
        onChange={(e) => set({ to: e.target.value })}
      />
    </form>
  );
}
