import { forwardRef, type TextareaHTMLAttributes } from 'react';
import { controlClass, Field } from './Field';

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** A labelled multi-line text input, the Input primitive's sibling for longer text (a question, a reply). */
export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { label, error, hint, className, rows = 4, ...rest },
  ref,
) {
  return (
    <Field label={label} error={error} hint={hint}>
      {({ id, describedBy, invalid }) => (
        <textarea
          ref={ref}
          id={id}
          rows={rows}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          className={className ? `${controlClass} ${className}` : controlClass}
          {...rest}
        />
      )}
    </Field>
  );
});
