import { Text, View } from '@tarojs/components';
import type { Article } from '@minqing/shared';
import { excerpt, formatDate } from '../NoticeCard/format';

import './index.scss';

export interface ArticleCardProps {
  article: Article;
  onClick?: (article: Article) => void;
  /** Hide the category tag when the list is already one category. */
  showCategory?: boolean;
}

/** One 消息推送 article in a list: category, title, summary (or first words), date, readers. */
export default function ArticleCard({ article, onClick, showCategory = true }: ArticleCardProps) {
  const summary = article.summary.trim() || excerpt(article.body, 40);
  return (
    <View
      className="article-card"
      role="link"
      aria-label={`${article.categoryName}，${article.title}`}
      hoverClass="article-card--pressed"
      onClick={() => onClick?.(article)}
    >
      {showCategory ? (
        <Text className={`article-card__category article-card__category--${article.category}`}>
          {article.categoryName}
        </Text>
      ) : null}
      <Text className="article-card__title">{article.title}</Text>
      {summary ? <Text className="article-card__summary">{summary}</Text> : null}
      <View className="article-card__meta">
        <Text className="article-card__date">{formatDate(article.publishedAt)}</Text>
        <Text>{article.readCount} 次阅读</Text>
      </View>
    </View>
  );
}
