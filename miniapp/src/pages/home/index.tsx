import { useRef, type ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { Article } from '@minqing/shared';
import ArticleCard from '../../components/ArticleCard';
import BigButton from '../../components/BigButton';
import EmptyState, { ErrorBlock, SkeletonRows } from '../../components/EmptyState';
import NoticeCard, { newestNotice, pinnedFirst, spokenNotice } from '../../components/NoticeCard';
import ReadAloud from '../../components/ReadAloud';
import { getArticles, getNotices } from '../../services/api';
import { useCareMode } from '../../stores/careMode';
import { refreshUser, useUser } from '../../stores/user';
import PrivacySheet from '../me/PrivacySheet';
import { checkPrivacyOnLaunch } from '../me/privacyGate';
import { ROUTES, go } from './routes';
import { useAsync, type AsyncValue } from './useAsync';

import './index.scss';

const QUICK_ENTRIES = [
  { icon: '🎤', label: '我要反映', url: ROUTES.reportTab },
  { icon: '📋', label: '我的反映', url: ROUTES.myReports },
  { icon: '📢', label: '政务村务', url: ROUTES.noticesTab },
  { icon: '📰', label: '政策指南', url: ROUTES.articles() },
] as const;

/** What is open to everyone: how departments did, and what neighbours reported and were answered. */
const OPEN_ENTRIES = [
  { icon: '🏆', label: '排行榜', hint: '各部门办得怎么样', url: ROUTES.ranking },
  { icon: '🗂️', label: '本村动态', hint: '邻居反映的事办了没', url: ROUTES.villageBoard },
] as const;

function Section({ title, moreUrl, children }: { title: string; moreUrl?: string; children: ReactNode }) {
  return (
    <View className="home__section">
      <View className="home__section-head">
        <Text className="home__section-title">{title}</Text>
        {moreUrl ? (
          <View className="home__more" role="link" onClick={() => go(moreUrl)}>
            更多 ›
          </View>
        ) : null}
      </View>
      {children}
    </View>
  );
}

function ArticleSection({
  title,
  category,
  articles,
}: {
  title: string;
  category: 'policy' | 'guide';
  articles: AsyncValue<Article[]>;
}) {
  return (
    <Section title={title} moreUrl={ROUTES.articles(category)}>
      {articles.loading && !articles.data ? <SkeletonRows rows={1} /> : null}
      {articles.error ? <ErrorBlock message={articles.error} onRetry={() => void articles.reload()} /> : null}
      {articles.data && articles.data.length === 0 ? (
        <EmptyState icon="📰" title={`暂时没有${title}`} hint="有新内容时会显示在这里" />
      ) : null}
      {(articles.data ?? []).map((article) => (
        <ArticleCard
          key={article.id}
          article={article}
          showCategory={false}
          onClick={() => go(ROUTES.article(article.id))}
        />
      ))}
    </Section>
  );
}

let profileChecked = false;

/**
 * 首页 (消息推送). Standard: quick entries, the latest notices of my village, policy articles and
 * 办事指南. 关怀模式: only 「说一说」, 「拍一拍」 and 「听通知」, in very large type.
 * Everything but the lists shows at once; the lists are grey rows until the server answers (the
 * H5 build paints the same frame from index.html before its scripts arrive).
 */
export default function HomePage() {
  const care = useCareMode();
  const { user, loading: userLoading } = useUser();
  const villageCode = user?.villageCode ?? null;

  const notices = useAsync(
    `notices:${villageCode}`,
    async () => pinnedFirst((await getNotices({ pageSize: 3 })).items),
    Boolean(villageCode),
  );
  const policy = useAsync(
    'articles:policy',
    async () => (await getArticles({ category: 'policy', pageSize: 3 })).items,
    !care.enabled,
  );
  const guide = useAsync(
    'articles:guide',
    async () => (await getArticles({ category: 'guide', pageSize: 3 })).items,
    !care.enabled,
  );

  useDidShow(() => {
    checkPrivacyOnLaunch();
    // Once per app session (or until it works): the stored profile may be stale.
    if (!profileChecked && !userLoading) {
      profileChecked = true;
      void refreshUser().then((fresh) => {
        if (!fresh) profileChecked = false;
      });
    }
  });

  const reloadAll = useRef<() => Promise<unknown>>(() => Promise.resolve());
  reloadAll.current = () =>
    Promise.all([user ? Promise.resolve() : refreshUser(), notices.reload(), policy.reload(), guide.reload()]);
  usePullDownRefresh(() => {
    void reloadAll.current().finally(() => Taro.stopPullDownRefresh());
  });

  const latest = newestNotice(notices.data ?? []);

  if (care.enabled) {
    let listen: ReactNode;
    if (latest) {
      listen = <ReadAloud big label="听通知" hint={`最新通知：${latest.title}`} text={spokenNotice(latest)} />;
    } else {
      const why = !villageCode
        ? { hint: '请先选择您所在的村', act: () => go(ROUTES.noticesTab) }
        : notices.loading
          ? { hint: '正在查找最新通知…', act: () => undefined }
          : notices.error
            ? { hint: '没有查到通知，点一下再试', act: () => void notices.reload() }
            : { hint: '本村暂时没有新通知', act: () => void Taro.showToast({ title: '暂时没有新通知', icon: 'none' }) };
      listen = <BigButton icon="🔊" label="听通知" hint={why.hint} size="huge" variant="primary" onClick={why.act} />;
    }
    return (
      <View className={`page home home--care ${care.className}`}>
        <Text className="home__greeting">您好！有事您说话</Text>
        <BigButton
          icon="🎤"
          label="说一说"
          hint="说出您遇到的问题"
          size="huge"
          variant="primary"
          onClick={() => go(ROUTES.compose('voice'))}
        />
        <BigButton
          icon="📷"
          label="拍一拍"
          hint="拍张照片反映问题"
          size="huge"
          variant="secondary"
          onClick={() => go(ROUTES.compose('photo'))}
        />
        {listen}
        <PrivacySheet />
      </View>
    );
  }

  return (
    <View className={`page home ${care.className}`}>
      {care.suggested ? (
        <View className="home__suggest" role="region" aria-label="关怀模式建议">
          <Text className="home__suggest-text">字太小看不清？开启关怀模式，字更大、操作更简单。</Text>
          <View className="home__suggest-actions">
            <View className="home__suggest-yes" role="button" onClick={() => care.setEnabled(true)}>
              开启关怀模式
            </View>
            <View className="home__suggest-no" role="button" onClick={care.dismissSuggestion}>
              不用了
            </View>
          </View>
        </View>
      ) : null}

      <View className="home__banner">
        <Text className="home__banner-title">321 民情在线</Text>
        <Text className="home__banner-text">有事您说话，我们马上办</Text>
      </View>

      <View className="home__entries">
        {QUICK_ENTRIES.map((entry) => (
          <View
            key={entry.label}
            className="home__entry"
            role="button"
            aria-label={entry.label}
            hoverClass="home__entry--pressed"
            onClick={() => go(entry.url)}
          >
            <Text className="home__entry-icon" aria-hidden="true">
              {entry.icon}
            </Text>
            <Text className="home__entry-label">{entry.label}</Text>
          </View>
        ))}
      </View>

      <View className="home__open">
        {OPEN_ENTRIES.map((entry) => (
          <View
            key={entry.label}
            className="home__open-entry"
            role="button"
            aria-label={entry.label}
            hoverClass="home__entry--pressed"
            onClick={() => go(entry.url)}
          >
            <Text className="home__open-title">
              {entry.icon} {entry.label}
            </Text>
            <Text className="home__open-hint">{entry.hint}</Text>
          </View>
        ))}
      </View>

      <Section title="最新通知" moreUrl={ROUTES.noticesTab}>
        {!villageCode && !userLoading ? (
          <EmptyState
            icon="🏠"
            title="还没有选择您所在的村"
            hint="选好后，这里会显示本村的最新通知"
            action={{ label: '去选择', onClick: () => go(ROUTES.noticesTab) }}
          />
        ) : null}
        {(notices.loading && !notices.data) || (!villageCode && userLoading) ? <SkeletonRows /> : null}
        {notices.error ? <ErrorBlock message={notices.error} onRetry={() => void notices.reload()} /> : null}
        {notices.data && notices.data.length === 0 ? (
          <EmptyState icon="📢" title="本村暂时没有新通知" hint="有新通知时会显示在这里" />
        ) : null}
        {(notices.data ?? []).map((notice) => (
          <NoticeCard key={notice.id} notice={notice} compact onClick={() => go(ROUTES.notice(notice.id))} />
        ))}
      </Section>

      <ArticleSection title="政策信息" category="policy" articles={policy} />
      <ArticleSection title="办事指南" category="guide" articles={guide} />
      <PrivacySheet />
    </View>
  );
}
