import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Button, ErrorBanner, Input, Spinner } from '../../theme';
import { useSession } from '../auth/session';
import { ChatLog } from './ChatLog';
import { useChat } from './chat';

/**
 * The assistant, reachable from every page for signed-in users: a button in
 * the bottom corner opens a side panel beside the page (not modal, so the
 * page it changes stays usable). Escape or Close shuts it and focus goes back
 * to the button; opening it puts focus in the message box.
 */
export function AssistantPanel() {
  const { signedIn, user } = useSession();
  // Each person has their own conversation, so it waits for the profile.
  if (!signedIn || !user) return null;
  return <Assistant key={user.id} userId={user.id} />;
}

function Assistant({ userId }: { userId: string }) {
  const [open, setOpen] = useState(false);
  // The conversation outlives the panel: closing and opening it again keeps it.
  const chat = useChat(userId, open);
  const panelId = useId();
  const launcher = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) launcher.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      {/* A round icon button in the corner: at desktop widths it sits beside the
          page's content column, never over it. */}
      <button
        ref={launcher}
        type="button"
        aria-label={open ? 'Hide the assistant' : 'Ask the assistant'}
        title={open ? 'Hide the assistant' : 'Ask the assistant'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
        className="fixed bottom-4 left-4 z-40 inline-flex h-12 w-12 items-center justify-center rounded-full bg-primary text-white shadow-lg hover:bg-primary-strong"
      >
        <ChatIcon />
      </button>
      {open && <ChatPanel id={panelId} chat={chat} onClose={() => setOpen(false)} />}
    </>
  );
}

function ChatPanel({ id, chat, onClose }: { id: string; chat: ReturnType<typeof useChat>; onClose: () => void }) {
  const titleId = useId();
  const { exchanges, send, restart, restoring } = chat;
  const [prompt, setPrompt] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const end = useRef<HTMLDivElement>(null);
  // Block bodies: newer browsers return a promise from scrollIntoView, which
  // React would take for a cleanup function.
  useEffect(() => {
    input.current?.focus();
  }, []);
  useEffect(() => {
    void end.current?.scrollIntoView?.({ block: 'end' });
  }, [exchanges, send.isPending]);

  function submit(e: FormEvent) {
    e.preventDefault();
    const text = prompt.trim();
    // Not while the earlier turns load: the answer would land before them.
    if (!text || send.isPending || restoring) return;
    setPrompt('');
    send.mutate(text, { onSettled: () => input.current?.focus() });
  }
  function onKeyDown(e: KeyboardEvent) {
    if (e.key === 'Escape') {
      e.stopPropagation();
      onClose();
    }
  }

  return (
    // A region, not a dialog: the page beside it stays usable (issue 20 names
    // it: the region "Assistant").
    <section
      id={id}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      className="fixed inset-y-0 right-0 z-40 flex w-full max-w-md flex-col border-l border-line bg-surface text-ink shadow-2xl"
    >
      <div className="flex items-center justify-between gap-2 border-b border-line p-4">
        <h2 id={titleId} className="text-xl">
          Assistant
        </h2>
        <div className="flex gap-2">
          <Button variant="ghost" onClick={restart} disabled={exchanges.length === 0 || send.isPending}>
            New conversation
          </Button>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
        </div>
      </div>
      <div className="flex-1 overflow-y-auto p-4">
        {restoring ? <Spinner label="Loading the conversation" /> : <ChatLog exchanges={exchanges} />}
        {send.isPending && (
          <p className="mt-3">
            <Spinner size="sm" label="The assistant is answering" />
          </p>
        )}
        <div ref={end} />
      </div>
      <div className="border-t border-line p-4">
        <ErrorBanner error={send.error} title="The assistant could not answer" />
        <form onSubmit={submit} className="mt-2 flex items-end gap-2">
          <div className="flex-1">
            <Input
              ref={input}
              label="Message"
              value={prompt}
              onChange={(e) => setPrompt(e.target.value)}
              autoComplete="off"
              maxLength={4000}
            />
          </div>
          <Button type="submit" busy={send.isPending}>
            Send
          </Button>
        </form>
      </div>
    </section>
  );
}

function ChatIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 24 24" width="24" height="24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
      <path d="M21 12a8 8 0 0 1-11.6 7.1L4 20l1-4.6A8 8 0 1 1 21 12z" />
      <path d="M8.5 11h.01M12 11h.01M15.5 11h.01" />
    </svg>
  );
}
