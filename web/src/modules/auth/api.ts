// The auth module's one-time-token calls: verify an email, ask for a password
// reset link, set a new password with it.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../../api';

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/v1/auth/verify-email', { body: { token } })),
    // A signed-in profile now says "Verified".
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['me'] }),
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) => unwrap(api.POST('/v1/auth/forgot-password', { body: { email } })),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: { token: string; new_password: string }) =>
      unwrap(api.POST('/v1/auth/reset-password', { body: input })),
  });
}
