import type { PublicationStatus } from '@minqing/shared';

export const PUBLICATION_STATUS_NAMES: Record<PublicationStatus, string> = {
  draft: '草稿',
  published: '已发布',
  withdrawn: '已撤回',
};
export const PUBLICATION_STATUS_COLORS: Record<PublicationStatus, string> = {
  draft: 'default',
  published: 'green',
  withdrawn: 'orange',
};

export const KIND_NAMES = { notice: '公告', article: '文章' } as const;
