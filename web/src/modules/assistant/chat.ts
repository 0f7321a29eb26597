// One conversation with the assistant (POST /v1/ai/chat, a plain JSON answer
// per turn): the turns so far, sending a prompt, and what the answer changes
// in the app (stale queries read again, a page to open). The open
// conversation survives a reload of the tab: its id is kept in sessionStorage
// and its turns are read back from GET /v1/ai/conversations/:id.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api';
import type { Schemas } from '../../api/types';
import { conversationKey, toExchanges } from './history';
import { staleKeys, webRoute } from './tools';

export type ChatTurn = Schemas['AiChatTurn'];

export interface Exchange {
  id: string;
  prompt: string;
  /** Absent while the answer is on its way, or when the turn failed. */
  turn?: ChatTurn;
  /** The page of this app the answer opened. */
  opened?: string | null;
}

function stored(key: string): string | undefined {
  try {
    return sessionStorage.getItem(key) ?? undefined;
  } catch {
    return undefined;
  }
}

function store(key: string, id: string | undefined): void {
  try {
    if (id) sessionStorage.setItem(key, id);
    else sessionStorage.removeItem(key);
  } catch {
    // No storage (private mode): the conversation lasts until the reload.
  }
}

/** `active`: the panel is open; a stored conversation is read back only then. */
export function useChat(userId: string, active: boolean) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const key = conversationKey(userId);
  const [conversationId, setConversationId] = useState<string | undefined>(() => stored(key));
  const [exchanges, setExchanges] = useState<Exchange[]>([]);
  const [restoring, setRestoring] = useState(() => Boolean(conversationId));

  const history = useQuery({
    queryKey: ['assistant', 'conversation', conversationId],
    queryFn: () => unwrap(api.GET('/v1/ai/conversations/{id}', { params: { path: { id: conversationId ?? '' } } })),
    enabled: active && restoring && Boolean(conversationId),
    staleTime: Infinity,
  });
  useEffect(() => {
    if (!restoring) return;
    if (history.data) {
      setExchanges(toExchanges(history.data));
      setRestoring(false);
    } else if (history.error) {
      // Gone or not readable: start afresh rather than continue it.
      store(key, undefined);
      setConversationId(undefined);
      setRestoring(false);
    }
  }, [restoring, history.data, history.error, key]);

  const send = useMutation({
    mutationFn: (prompt: string) =>
      unwrap(
        api.POST('/v1/ai/chat', {
          body: conversationId ? { prompt, conversation_id: conversationId } : { prompt },
        }),
      ),
    onMutate: (prompt) => {
      const id = globalThis.crypto.randomUUID();
      setExchanges((list) => [...list, { id, prompt }]);
      return { id };
    },
    onSuccess: async (turn, _prompt, context) => {
      setConversationId(turn.conversation_id);
      store(key, turn.conversation_id);
      const opened = turn.navigate ? webRoute(turn.navigate) : null;
      setExchanges((list) => list.map((x) => (x.id === context.id ? { ...x, turn, opened } : x)));
      if (opened) navigate(opened);
      await Promise.all(staleKeys(turn.tool_calls).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });

  const restart = useCallback(() => {
    store(key, undefined);
    setConversationId(undefined);
    setExchanges([]);
    setRestoring(false);
    send.reset();
  }, [send, key]);

  return { exchanges, send, restart, restoring: restoring && history.isFetching };
}
