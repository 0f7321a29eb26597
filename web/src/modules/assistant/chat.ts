// One conversation with the assistant (POST /v1/ai/chat, a plain JSON answer
// per turn): the turns so far, sending a prompt, and what the answer changes
// in the app (stale queries read again, a page to open).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, unwrap } from '../../api';
import type { Schemas } from '../../api/types';
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

export function useChat() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [conversationId, setConversationId] = useState<string | undefined>();
  const [exchanges, setExchanges] = useState<Exchange[]>([]);

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
      const opened = turn.navigate ? webRoute(turn.navigate) : null;
      setExchanges((list) => list.map((x) => (x.id === context.id ? { ...x, turn, opened } : x)));
      if (opened) navigate(opened);
      await Promise.all(staleKeys(turn.tool_calls).map((queryKey) => queryClient.invalidateQueries({ queryKey })));
    },
  });

  const restart = useCallback(() => {
    setConversationId(undefined);
    setExchanges([]);
    send.reset();
  }, [send]);

  return { exchanges, send, restart };
}
