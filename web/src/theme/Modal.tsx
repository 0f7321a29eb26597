import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from './Button';

/** A modal dialog on the native <dialog>: focus is trapped, Escape closes it. */
export function Modal({
  open,
  title,
  onClose,
  children,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onClose={onClose}
      className="m-auto max-w-lg rounded-card border border-line bg-surface p-6 text-ink backdrop:bg-black/50"
    >
      <h2 className="mb-4 text-xl">{title}</h2>
      {children}
      <div className="mt-6 flex justify-end">
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </dialog>
  );
}
