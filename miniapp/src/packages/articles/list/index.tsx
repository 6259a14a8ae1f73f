import { useRef, useState } from 'react';
import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom, useRouter } from '@tarojs/taro';
import { ARTICLE_CATEGORIES, ARTICLE_CATEGORY_NAMES, type Article, type ArticleCategory } from '@minqing/shared';
import ArticleCard from '../../../components/ArticleCard';
import CategoryTabs, { tabsFrom } from '../../../components/CategoryTabs';
import FollowButton from '../../../components/FollowButton';
import { withPageHeader } from '../../../components/PageHeader';
import EmptyState from '../../../components/EmptyState';
import PagedListBody from '../../../components/PagedListBody';
import { getArticles } from '../../../services/api';
import { useCareMode } from '../../../stores/careMode';
import { ROUTES, go } from '../../../pages/home/routes';
import { usePagedList } from '../../../pages/notices/usePagedList';

import './index.scss';

export const ARTICLE_TABS = tabsFrom(ARTICLE_CATEGORIES, ARTICLE_CATEGORY_NAMES);

const isCategory = (value: string | undefined): value is ArticleCategory =>
  (ARTICLE_CATEGORIES as readonly string[]).includes(value ?? '');

/** 消息推送: policy information, 办事指南 and news from the county, newest first. */
function ArticlesListPage() {
  const care = useCareMode();
  const { params } = useRouter();
  const [category, setCategory] = useState<ArticleCategory | ''>(isCategory(params.category) ? params.category : '');
  const list = usePagedList<Article>(
    category,
    (page, pageSize) => getArticles({ page, pageSize, ...(category ? { category } : {}) }),
    { pageSize: 10 },
  );

  const latest = useRef(list);
  latest.current = list;
  usePullDownRefresh(() => {
    void latest.current.refresh().finally(() => Taro.stopPullDownRefresh());
  });
  useReachBottom(() => {
    void latest.current.loadMore();
  });

  const categoryName = category ? ARTICLE_CATEGORY_NAMES[category] : '';
  return (
    <View className={`page articles ${care.className}`}>
      <CategoryTabs tabs={ARTICLE_TABS} value={category} onChange={setCategory} label="文章栏目" />
      {category ? (
        <FollowButton
          key={category}
          topic={`article_${category}`}
          subscribeTopic="article"
          label={`「${categoryName}」`}
        />
      ) : null}
      <View className="articles__list">
        <PagedListBody
          list={list}
          empty={
            <EmptyState
              icon="📰"
              title={categoryName ? `暂时没有${categoryName}` : '暂时没有文章'}
              hint="有新文章时会显示在这里，也可以下拉刷新"
              action={categoryName ? { label: '看全部文章', onClick: () => setCategory('') } : undefined}
            />
          }
        >
          {(items) =>
            items.map((article) => (
              <ArticleCard
                key={article.id}
                article={article}
                showCategory={!category}
                onClick={() => go(ROUTES.article(article.id))}
              />
            ))
          }
        </PagedListBody>
      </View>
    </View>
  );
}

export default withPageHeader(ArticlesListPage, '政策指南');
