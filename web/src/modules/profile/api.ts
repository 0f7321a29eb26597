// The profile module's API calls: my profile (PATCH /v1/users/me) and my
// preferences (GET/PUT /v1/users/me/preferences), my password and sessions.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, tokens, unwrap } from '../../api';
import type { components } from '../../api';

export type Preferences = components['schemas']['Preferences'];
export type PreferencesInput = Omit<Preferences, 'updated_at' | 'notifications' | 'privacy'> & {
  notifications: NotificationSettings;
  privacy: PrivacySettings;
};
export interface NotificationSettings {
  email?: boolean;
  push?: boolean;
  sms?: boolean;
  digest?: 'never' | 'daily' | 'weekly';
}
export interface PrivacySettings {
  profile_visible?: boolean;
  show_progress?: boolean;
  allow_messages?: boolean;
}
export interface ProfileInput {
  first_name: string;
  last_name: string;
  username: string | null;
}

export const preferencesKey = ['preferences'] as const;

export function usePreferences(enabled = true) {
  return useQuery({
    queryKey: preferencesKey,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/v1/users/me/preferences')),
  });
}

export function useSavePreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesInput) => unwrap(api.PUT('/v1/users/me/preferences', { body })),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfileInput) => unwrap(api.PATCH('/v1/users/me', { body })),
    // The session reads the profile from the ['me', ...] query.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}

/**
 * Changes my password with the current one. The server ends every session and
 * answers a new token pair, which keeps this page signed in.
 */
export function useChangePassword() {
  return useMutation({
    mutationFn: async (body: { current_password: string; new_password: string }) => {
      const pair = await unwrap(api.POST('/v1/auth/change-password', { body }));
      tokens.set({ accessToken: pair.access_token, refreshToken: pair.refresh_token });
    },
  });
}

/** Ends every session of mine, this one included (sign out everywhere). */
export function useSignOutEverywhere() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/v1/auth/logout-all')) });
}
