import { useState } from 'react';
import { Button, ErrorBanner } from '../../theme';
import { downloadCalendar } from './api';

/** Saves my pending and confirmed bookings as an iCalendar (.ics) file. */
export function CalendarDownload() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  async function run() {
    setBusy(true);
    setError(null);
    try {
      await downloadCalendar();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="flex flex-col gap-2">
      <div>
        <Button variant="secondary" busy={busy} onClick={() => void run()}>
          Download calendar (.ics)
        </Button>
      </div>
      <ErrorBanner error={error} title="The calendar was not downloaded" />
    </div>
  );
}
