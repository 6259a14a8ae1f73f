import { Empty, Tag, Typography } from 'antd';
import { NOTICE_CATEGORY_NAMES, ARTICLE_CATEGORY_NAMES } from '@minqing/shared';
import type { ArticleCategory, ContentFile, NoticeCategory } from '@minqing/shared';
import dayjs from 'dayjs';
import { paragraphs } from './plainText';

export interface PreviewContent {
  kind: 'notice' | 'article';
  title: string;
  body: string;
  category?: NoticeCategory | ArticleCategory;
  regionName: string;
  pinned?: boolean;
  summary?: string;
  publishedAt: string | null;
  readCount: number;
  /** Object URLs of the notice's pictures, in order. */
  images: string[];
  files: ContentFile[];
}

const categoryName = (kind: PreviewContent['kind'], category: PreviewContent['category']) =>
  category
    ? kind === 'notice'
      ? NOTICE_CATEGORY_NAMES[category as NoticeCategory]
      : ARTICLE_CATEGORY_NAMES[category as ArticleCategory]
    : '未选栏目';

const formatKb = (size: number) =>
  size >= 1024 * 1024 ? `${(size / 1024 / 1024).toFixed(1)}MB` : `${Math.max(1, Math.round(size / 1024))}KB`;

/**
 * The page as the mini-program shows it (miniapp/src/packages/notices/detail and articles/detail):
 * the same order, the same line splitting, pictures after the text, the attachments below.
 */
export function CitizenPreview({ content }: { content: PreviewContent }) {
  const lines = paragraphs(content.body);
  const published = content.publishedAt ? dayjs(content.publishedAt).format('YYYY年M月D日 HH:mm') : '发布后显示';
  return (
    <section className="citizen-preview" aria-label="群众看到的样子">
      <div>
        {content.kind === 'notice' && content.pinned && <Tag color="red">置顶</Tag>}
        <Tag color="blue">{categoryName(content.kind, content.category)}</Tag>
      </div>
      <Typography.Title level={4} style={{ marginTop: 8 }}>
        {content.title || '（无标题）'}
      </Typography.Title>
      {content.kind === 'notice' ? (
        <Typography.Paragraph type="secondary">
          发布单位：{content.regionName}
          <br />
          发布时间：{published}
        </Typography.Paragraph>
      ) : (
        <Typography.Paragraph type="secondary">
          {published}　{content.readCount} 次阅读
        </Typography.Paragraph>
      )}
      {content.kind === 'article' && content.summary && (
        <Typography.Paragraph italic>{content.summary}</Typography.Paragraph>
      )}
      {lines.length === 0 ? <Empty description="正文为空" /> : lines.map((line, index) => <p key={index}>{line}</p>)}
      {content.images.map((src, index) => (
        <img key={index} src={src} alt={`公告图片 ${index + 1}`} style={{ width: '100%', marginBottom: 8 }} />
      ))}
      {content.files.length > 0 && (
        <div>
          <Typography.Text strong>附件</Typography.Text>
          <ul>
            {content.files.map((file) => (
              <li key={file.id}>
                {file.fileName}（{formatKb(file.size)}）
              </li>
            ))}
          </ul>
        </div>
      )}
      {content.kind === 'notice' && <Typography.Text type="secondary">{content.readCount} 人看过</Typography.Text>}
    </section>
  );
}

export { formatKb };
