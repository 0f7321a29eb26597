import { forwardRef, type InputHTMLAttributes } from 'react';
import { controlClass, Field } from './Field';

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled text input showing its error (e.g. the API's per-field detail) below it. */
export const Input = forwardRef<HTMLInputElement, InputProps>(function Input(
  { label, error, hint, className, ...rest },
  ref,
) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <input
          ref={ref}
          id={id}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={className ? `${controlClass} ${className}` : controlClass}
          {...rest}
        />
      )}
    </Field>
  );
});
