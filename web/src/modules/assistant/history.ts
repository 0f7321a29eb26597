// A stored conversation (GET /v1/ai/conversations/:id) back into the panel's
// exchanges: one per turn, its prompt, its tool calls and its answer.
import type { Schemas } from '../../api/types';
import type { Exchange } from './chat';

type Conversation = Schemas['AiConversationDetail'];

export function toExchanges(conversation: Conversation): Exchange[] {
  const turns = new Map<string, Exchange & { turn: NonNullable<Exchange['turn']> }>();
  for (const m of conversation.messages) {
    let x = turns.get(m.turn_id);
    if (!x) {
      x = {
        id: m.turn_id,
        prompt: '',
        turn: {
          answer: '',
          conversation_id: conversation.id,
          turn_id: m.turn_id,
          tool_calls: [],
          navigate: null,
          tokens: 0,
        },
      };
      turns.set(m.turn_id, x);
    }
    x.turn.tokens += m.tokens;
    if (m.role === 'user') x.prompt = m.content;
    else if (m.role === 'assistant') x.turn.answer = m.content;
    else {
      x.turn.tool_calls.push({
        name: m.tool_name ?? '',
        arguments: m.tool_arguments,
        result: m.tool_result ?? {},
        ok: m.tool_ok ?? false,
      });
    }
  }
  return [...turns.values()];
}

/** Where this tab remembers the open conversation, per person (sessionStorage: gone with the tab). */
export function conversationKey(userId: string): string {
  return `deltalabs.assistant.${userId}`;
}
