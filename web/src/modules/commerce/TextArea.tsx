import type { TextareaHTMLAttributes } from 'react';
import { controlClass, Field } from '../../theme/Field';

/** A labelled multi-line text field, built on the theme's Field. */
export function TextArea({
  label,
  error,
  hint,
  ...rest
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; error?: string | undefined; hint?: string | undefined }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          rows={4}
          className={controlClass}
          {...rest}
        />
      )}
    </Field>
  );
}
