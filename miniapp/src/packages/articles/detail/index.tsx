import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { Article } from '@minqing/shared';
import ContentFiles from '../../../components/ContentFiles';
import { ErrorBlock, LoadingBlock } from '../../../components/EmptyState';
import { formatDateTime, paragraphs } from '../../../components/NoticeCard/format';
import { withPageHeader } from '../../../components/PageHeader';
import ReadAloud from '../../../components/ReadAloud';
import { getArticle } from '../../../services/api';
import { useCareMode } from '../../../stores/careMode';
import { useAsync } from '../../../pages/home/useAsync';

import './index.scss';

/** 文章详情: title, category, date, 读给我听, summary and body. */
function ArticleDetailPage() {
  const care = useCareMode();
  const { params } = useRouter();
  const id = params.id ?? '';
  const article = useAsync<Article>(`article:${id}`, () => getArticle(id), Boolean(id));

  useEffect(() => {
    if (article.data) void Taro.setNavigationBarTitle({ title: article.data.categoryName });
  }, [article.data]);

  let body: ReactNode;
  if (!id) body = <ErrorBlock message="没有找到这篇文章" />;
  else if (article.loading && !article.data) body = <LoadingBlock />;
  else if (article.error) body = <ErrorBlock message={article.error} onRetry={() => void article.reload()} />;
  else if (article.data) {
    const item = article.data;
    body = (
      <View>
        <Text className="article-detail__category">{item.categoryName}</Text>
        <Text className="article-detail__title">{item.title}</Text>
        <Text className="article-detail__meta">
          {formatDateTime(item.publishedAt)}　{item.readCount} 次阅读
        </Text>
        <ReadAloud text={`${item.title}。${item.body}`} />
        {item.summary ? <Text className="article-detail__summary">{item.summary}</Text> : null}
        <View className="article-detail__body">
          {paragraphs(item.body).map((paragraph, index) => (
            <Text key={index} className="article-detail__paragraph" userSelect>
              {paragraph}
            </Text>
          ))}
        </View>
        <ContentFiles kind="articles" id={item.id} />
      </View>
    );
  }
  return <View className={`page article-detail ${care.className}`}>{body}</View>;
}

export default withPageHeader(ArticleDetailPage, '文章详情');
