import { useState, type FormEvent } from 'react';
import { Button, Card, ErrorBanner, Select, useToast } from '../../theme';
import { useSavePreferences, type NotificationSettings, type Preferences, type PreferencesInput, type PrivacySettings } from './api';
import { Checkbox, ChoiceGroup, Radio } from './Choices';
import { applyTheme, type ThemeChoice } from './theme';

const languages = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'Deutsch' },
  { value: 'es', label: 'Español' },
  { value: 'fr', label: 'Français' },
  { value: 'it', label: 'Italiano' },
  { value: 'nl', label: 'Nederlands' },
  { value: 'pt', label: 'Português' },
];

const digests = [
  { value: 'never', label: 'Never' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
];

/** Only the keys the PUT accepts: it refuses unknown fields, and the GET may carry more. */
function pick<T extends object>(from: object, keys: Array<keyof T>): T {
  const source = from as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (source[k as string] !== undefined) out[k as string] = source[k as string];
  return out as T;
}

function initial(p: Preferences): PreferencesInput {
  return {
    theme: p.theme,
    language: p.language,
    notifications: pick<NotificationSettings>(p.notifications, ['email', 'push', 'sms', 'digest']),
    privacy: pick<PrivacySettings>(p.privacy, ['profile_visible', 'show_progress', 'allow_messages']),
  };
}

/** Theme, language, notification and privacy settings (PUT /v1/users/me/preferences). */
export function PreferencesForm({ saved }: { saved: Preferences }) {
  const toast = useToast();
  const save = useSavePreferences();
  const [form, setForm] = useState(() => initial(saved));
  const notify = (patch: NotificationSettings) => setForm((f) => ({ ...f, notifications: { ...f.notifications, ...patch } }));
  const privacy = (patch: PrivacySettings) => setForm((f) => ({ ...f, privacy: { ...f.privacy, ...patch } }));
  // A language saved elsewhere stays choosable even if this list lacks it.
  const languageOptions = languages.some((l) => l.value === form.language)
    ? languages
    : [...languages, { value: form.language, label: form.language }];

  function submit(e: FormEvent) {
    e.preventDefault();
    save.mutate(form, {
      onSuccess: (p) => {
        applyTheme(p.theme);
        toast('Your preferences are saved.');
      },
    });
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-6" noValidate>
      <ErrorBanner error={save.error} title="Could not save your preferences" />
      <Card className="flex flex-col gap-4">
        <ChoiceGroup legend="Theme" hint="System follows your device's light or dark setting.">
          {(['system', 'light', 'dark'] as ThemeChoice[]).map((t) => (
            <Radio key={t} name="theme" value={t} current={form.theme} label={t[0]!.toUpperCase() + t.slice(1)} onChange={(v) => setForm((f) => ({ ...f, theme: v as ThemeChoice }))} />
          ))}
        </ChoiceGroup>
        <Select
          label="Language"
          options={languageOptions}
          value={form.language}
          onChange={(e) => setForm((f) => ({ ...f, language: e.target.value }))}
        />
        <p className="-mt-2 text-sm text-muted">Saved with your account for emails and content; this web app is in English for now.</p>
      </Card>
      <Card className="flex flex-col gap-4">
        <ChoiceGroup legend="Notify me by">
          <Checkbox label="Email" checked={form.notifications.email ?? false} onChange={(v) => notify({ email: v })} />
          <Checkbox label="Push notification" checked={form.notifications.push ?? false} onChange={(v) => notify({ push: v })} />
          <Checkbox label="Text message (SMS)" checked={form.notifications.sms ?? false} onChange={(v) => notify({ sms: v })} />
        </ChoiceGroup>
        <Select
          label="Email digest"
          options={digests}
          value={form.notifications.digest ?? 'weekly'}
          onChange={(e) => notify({ digest: e.target.value as NotificationSettings['digest'] })}
        />
      </Card>
      <Card className="flex flex-col gap-4">
        <ChoiceGroup legend="Privacy">
          <Checkbox label="Others can see my profile" checked={form.privacy.profile_visible ?? false} onChange={(v) => privacy({ profile_visible: v })} />
          <Checkbox label="Show my course progress to others" checked={form.privacy.show_progress ?? false} onChange={(v) => privacy({ show_progress: v })} />
          <Checkbox label="Others can message me" checked={form.privacy.allow_messages ?? false} onChange={(v) => privacy({ allow_messages: v })} />
        </ChoiceGroup>
      </Card>
      <div>
        <Button type="submit" busy={save.isPending}>
          Save preferences
        </Button>
      </div>
    </form>
  );
}
