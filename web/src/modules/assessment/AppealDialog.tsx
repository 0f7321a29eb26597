import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api';
import { Button, ErrorBanner, Modal, useToast } from '../../theme';
import { controlClass, Field } from '../../theme/Field';
import { useFileAppeal, type GradeItem } from './api';

/** Files an appeal against one grade item, with my reason. */
export function AppealDialog({ courseId, item, onClose }: { courseId: string; item: GradeItem | null; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const file = useFileAppeal(courseId);
  const toast = useToast();

  function close() {
    setReason('');
    file.reset();
    onClose();
  }

  function send(e: FormEvent) {
    e.preventDefault();
    if (!item) return;
    file.mutate(
      { gradeItemId: item.id, reason: reason.trim() },
      {
        onSuccess: () => {
          toast(`Your appeal for ${item.exercise_title} is filed.`);
          close();
        },
      },
    );
  }

  const fieldError = file.error instanceof ApiError ? file.error.fieldMessage('reason') : undefined;
  return (
    <Modal open={item !== null} title={item ? `Appeal: ${item.exercise_title}` : 'Appeal'} onClose={close}>
      <form onSubmit={send} className="flex flex-col gap-4">
        <p className="text-muted">Say why the grade should change; a grader reads it and accepts or rejects the appeal.</p>
        <ErrorBanner error={file.error} title="Your appeal could not be filed" />
        <Field label="Reason" error={fieldError}>
          {({ id, describedBy, invalid }) => (
            <textarea
              id={id}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              required
              maxLength={2000}
              rows={4}
              className={controlClass}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
        <div>
          <Button type="submit" busy={file.isPending} disabled={!reason.trim()}>
            File the appeal
          </Button>
        </div>
      </form>
    </Modal>
  );
}
