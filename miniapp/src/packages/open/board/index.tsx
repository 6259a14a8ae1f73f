import { useRef, useState, type ReactNode } from 'react';
import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import type { PublicReport, PublicReportState, ReportStatus } from '@minqing/shared';
import EmptyState, { LoadingBlock } from '../../../components/EmptyState';
import PagedListBody from '../../../components/PagedListBody';
import { formatDate } from '../../../components/NoticeCard/format';
import { withPageHeader } from '../../../components/PageHeader';
import { useVillageLabel } from '../../../components/VillagePicker';
import { ROUTES, go } from '../../../pages/home/routes';
import { usePagedList } from '../../../pages/notices/usePagedList';
import { useCareMode } from '../../../stores/careMode';
import { useUser } from '../../../stores/user';
import { getVillageBoard, mediaUrl } from '../api';

import '../open.scss';

export const BOARD_PAGE_SIZE = 10;

/** A neighbour's report in words for everyone (not the reporter's 「请评价」). */
export const BOARD_STATUS_NAMES: Record<ReportStatus, string> = {
  submitted: '已收到',
  dispatched: '已分派',
  accepted: '处理中',
  reopened: '重新办理',
  resolved: '已办结',
  closed: '已办结',
  rejected: '未受理',
  merged: '已合并处理',
};

const TABS: readonly { key: PublicReportState | ''; label: string }[] = [
  { key: '', label: '全部' },
  { key: 'open', label: '办理中' },
  { key: 'resolved', label: '已办结' },
];

type BoardItem = PublicReport & { id: string };

function BoardCard({ report }: { report: PublicReport }) {
  const [expanded, setExpanded] = useState(false);
  const long = report.text.length > report.excerpt.length;
  const photos = report.photos.map((photo) => mediaUrl(photo.url));
  return (
    <View className="open-board__card" role="listitem" data-testid="board-report">
      <View className="open-board__meta">
        <Text className={`open-board__status open-board__status--${report.state}`}>
          {BOARD_STATUS_NAMES[report.status]}
        </Text>
        {report.category ? <Text className="open-board__category">{report.category.name}</Text> : null}
      </View>
      <Text className="open-board__text" onClick={() => long && setExpanded((value) => !value)}>
        {expanded ? report.text : report.excerpt}
      </Text>
      {long ? (
        <View className="open-board__expand" role="button" onClick={() => setExpanded((value) => !value)}>
          {expanded ? '收起' : '展开全文'}
        </View>
      ) : null}
      {photos.length > 0 ? (
        <View className="open-board__photos">
          {photos.map((url) => (
            <Image
              key={url}
              className="open-board__photo"
              src={url}
              mode="aspectFill"
              aria-label="现场照片"
              onClick={() => void Taro.previewImage({ current: url, urls: photos })}
            />
          ))}
        </View>
      ) : null}
      <Text className="open-board__line">办理部门：{report.department?.name ?? '正在分派'}</Text>
      <Text className="open-board__line">
        {formatDate(report.createdAt)}反映
        {report.resolvedAt ? ` · ${formatDate(report.resolvedAt)}办结` : ''}
        {!report.resolvedAt && report.dueAt ? ` · ${formatDate(report.dueAt)}前办结` : ''}
      </Text>
      {report.answer ? (
        <View className="open-board__answer" data-testid="board-answer">
          <Text className="open-board__answer-title">{report.department?.name ?? '部门'}答复：</Text>
          <Text className="open-board__answer-text">{report.answer.text}</Text>
        </View>
      ) : null}
      <Text className="open-board__serial">编号 {report.serialNo}</Text>
    </View>
  );
}

/**
 * 本村动态: what neighbours reported in the last 90 days through 民情直通 and left public, who has it,
 * and what the department answered — never who reported it. Reached from 政务村务.
 */
function BoardPage() {
  const care = useCareMode();
  const { user, loading: userLoading } = useUser();
  const villageCode = user?.villageCode ?? null;
  const villageName = useVillageLabel(villageCode);
  const [tab, setTab] = useState<PublicReportState | ''>('');

  const list = usePagedList<BoardItem>(
    `${villageCode}|${tab}`,
    async (page, pageSize) => {
      const answer = await getVillageBoard({
        villageCode: villageCode ?? '',
        page,
        pageSize,
        ...(tab ? { status: tab } : {}),
      });
      return { ...answer, items: answer.items.map((item) => ({ ...item, id: item.serialNo })) };
    },
    { pageSize: BOARD_PAGE_SIZE, enabled: Boolean(villageCode) },
  );

  const latest = useRef(list);
  latest.current = list;
  usePullDownRefresh(() => {
    void latest.current.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void latest.current.loadMore();
  });

  let body: ReactNode;
  if (!villageCode) {
    body = userLoading ? (
      <LoadingBlock />
    ) : (
      <EmptyState
        icon="🏠"
        title="请先选择您所在的村（社区）"
        hint="选好后，这里会显示本村群众反映的事和办理情况"
        action={{ label: '去选择', onClick: () => go(ROUTES.profileEdit) }}
      />
    );
  } else {
    const label = TABS.find((candidate) => candidate.key === tab)?.label ?? '';
    body = (
      <View>
        <View className="open-board__tabs" role="tablist" aria-label="办理情况">
          {TABS.map((candidate) => (
            <View
              key={candidate.key || 'all'}
              role="tab"
              aria-selected={tab === candidate.key}
              className={`open-board__tab${tab === candidate.key ? ' open-board__tab--on' : ''}`}
              onClick={() => setTab(candidate.key)}
            >
              {candidate.label}
            </View>
          ))}
        </View>
        <PagedListBody
          list={list}
          empty={
            <EmptyState
              icon="🗂️"
              title={tab ? `近 90 天没有${label}的公开反映` : '本村近 90 天还没有公开的反映'}
              hint="群众通过「民情直通」反映并选择公开的事，会显示在这里"
              action={{ label: '我要反映', onClick: () => go(ROUTES.reportTab) }}
            />
          }
        >
          {(items) => (
            <View className="open-board__list" role="list">
              {items.map((report) => (
                <BoardCard key={report.id} report={report} />
              ))}
            </View>
          )}
        </PagedListBody>
      </View>
    );
  }

  return (
    <View className={`page open-board ${care.className}`}>
      <View className="open-board__head">
        <Text className="open-board__title">{villageName ?? '本村'} 本村动态</Text>
        <Text className="open-board__hint">近 90 天群众反映并公开的事，不显示反映人的姓名和电话</Text>
      </View>
      {body}
    </View>
  );
}

export default withPageHeader(BoardPage, '本村动态');
