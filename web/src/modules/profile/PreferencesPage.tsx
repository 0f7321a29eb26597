import { usePageTitle } from '../../app/usePageTitle';
import { ErrorBanner, Spinner } from '../../theme';
import { usePreferences } from './api';
import { PreferencesForm } from './PreferencesForm';
import { ProfileNav } from './ProfileNav';

/** My preferences (GET /v1/users/me/preferences), edited and saved as a whole. */
export default function PreferencesPage() {
  usePageTitle('Preferences');
  const prefs = usePreferences();
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl">Preferences</h1>
      <ProfileNav />
      <ErrorBanner error={prefs.error} title="Your preferences could not be loaded" />
      {prefs.isPending ? (
        <Spinner label="Loading your preferences" />
      ) : (
        prefs.data && <PreferencesForm key={prefs.data.updated_at ?? 'new'} saved={prefs.data} />
      )}
    </div>
  );
}
