// Keeps the notification stream open while someone is signed in, feeding the
// React Query cache and telling the caller about each new notification.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { notificationKeys, receiveNotification } from './notificationsApi';
import { followNotifications, type Notification } from './notificationsStream';

/** Follows the stream while `active`; returns whether it is connected now. */
export function useNotificationStream(active: boolean, onNew: (n: Notification) => void): boolean {
  const queryClient = useQueryClient();
  const [connected, setConnected] = useState(false);
  // The latest callback, read at delivery time: a new one is no reason to reconnect.
  const onNewRef = useRef(onNew);
  onNewRef.current = onNew;
  useEffect(() => {
    if (!active) return;
    const stop = new AbortController();
    void followNotifications(stop.signal, {
      onNotification: (n) => {
        receiveNotification(queryClient, n);
        onNewRef.current(n);
      },
      onConnected: (open) => {
        setConnected(open);
        // What arrived while no stream was open is only in the lists: read them again.
        if (open) void queryClient.invalidateQueries({ queryKey: notificationKeys.all });
      },
    });
    return () => {
      stop.abort();
      setConnected(false);
    };
  }, [active, queryClient]);
  return connected;
}
