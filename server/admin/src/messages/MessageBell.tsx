import { Badge, Button, message as toast } from 'antd';
import type { Message, MessagePage } from '@minqing/shared';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { PAGE_SIZE, messagesApi } from './messagesApi';

// The list's code (a drawer, a paged list) is fetched when the bell is first opened.
const MessageCentre = lazy(() => import('./MessageCentre').then((module) => ({ default: module.MessageCentre })));

/** The badge refreshes this often while the panel is open in a tab. */
const REFRESH_MS = 60_000;

/** A bell drawn inline: no icon font or emoji the machine may lack. */
function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" style={{ verticalAlign: '-3px' }}>
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

export interface MessageBellProps {
  /** Opens a message's report; null when the member has no work queue (sysadmins). */
  onOpenReport: ((reportId: string) => void) | null;
  /** Default to the real API; tests pass fakes. */
  load?: (page: number, pageSize: number) => Promise<MessagePage>;
  markRead?: (id: string) => Promise<unknown>;
}

/**
 * 消息中心 in the header: a bell with the unread count; the drawer lists the messages (催办,
 * 督办 …) newest first. Opening one marks it read and opens its report over the queue.
 */
export function MessageBell({
  onOpenReport,
  load = messagesApi.list,
  markRead = messagesApi.markRead,
}: MessageBellProps) {
  const [open, setOpen] = useState(false);
  // Once opened, the centre stays mounted so its drawer can slide shut.
  const [centreWanted, setCentreWanted] = useState(false);
  const [page, setPage] = useState(1);
  const [answer, setAnswer] = useState<MessagePage | null>(null);
  const [loading, setLoading] = useState(false);

  const refresh = useCallback(
    (wanted: number) => {
      setLoading(true);
      load(wanted, PAGE_SIZE)
        .then(setAnswer, () => undefined)
        .finally(() => setLoading(false));
    },
    [load],
  );

  useEffect(() => {
    refresh(page);
    const timer = window.setInterval(() => refresh(page), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh, page]);

  async function choose(item: Message) {
    try {
      if (!item.readAt) {
        await markRead(item.id);
        const readAt = new Date().toISOString();
        setAnswer(
          (current) =>
            current && {
              ...current,
              unread: Math.max(0, current.unread - 1),
              items: current.items.map((candidate) =>
                candidate.id === item.id ? { ...candidate, readAt } : candidate,
              ),
            },
        );
      }
    } catch (error) {
      toast.error(error instanceof Error ? error.message : '操作失败');
      return;
    }
    if (item.reportId && onOpenReport) {
      setOpen(false);
      onOpenReport(item.reportId);
    }
  }

  const unread = answer?.unread ?? 0;
  return (
    <>
      <Badge count={unread} size="small" overflowCount={99}>
        <Button
          aria-label={unread ? `消息中心，${unread} 条未读` : '消息中心'}
          onClick={() => (setOpen(true), setCentreWanted(true), refresh(page))}
        >
          <BellIcon /> 消息
        </Button>
      </Badge>
      {centreWanted && (
        <Suspense fallback={null}>
          <MessageCentre
            open={open}
            answer={answer}
            loading={loading}
            page={page}
            onPage={setPage}
            onClose={() => setOpen(false)}
            onChoose={(item) => void choose(item)}
            canOpenReport={onOpenReport !== null}
          />
        </Suspense>
      )}
    </>
  );
}
