import type { ReactNode } from 'react';

/** A group of related controls with its legend (radios, checkboxes). */
export function ChoiceGroup({ legend, children, hint }: { legend: string; children: ReactNode; hint?: string }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 font-semibold">{legend}</legend>
      {hint && <p className="text-sm text-muted">{hint}</p>}
      {children}
    </fieldset>
  );
}

/** A checkbox with its label beside it. */
export function Checkbox({ label, checked, onChange }: { label: string; checked: boolean; onChange: (v: boolean) => void }) {
  return (
    <label className="flex min-h-10 items-center gap-3">
      <input type="checkbox" className="h-5 w-5 accent-primary" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** One radio button of a named group. */
export function Radio({ name, label, value, current, onChange }: { name: string; label: string; value: string; current: string; onChange: (v: string) => void }) {
  return (
    <label className="flex min-h-10 items-center gap-3">
      <input type="radio" className="h-5 w-5 accent-primary" name={name} value={value} checked={current === value} onChange={() => onChange(value)} />
      {label}
    </label>
  );
}
