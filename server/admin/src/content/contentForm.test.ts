import type { StaffArticle, StaffNotice } from '@minqing/shared';
import dayjs from 'dayjs';
import { articlePatch, buildArticleInput, buildNoticeInput, noticeFormValues, noticePatch } from './contentForm';

const saved: StaffNotice = {
  id: 'N1',
  title: '村务公开',
  body: '本月开支',
  category: 'finance',
  categoryName: '财务公开',
  regionCode: '610921100201',
  regionName: '五一村',
  pinned: false,
  status: 'published',
  publishedAt: '2026-01-01T00:00:00.000Z',
  expiresAt: null,
  readCount: 3,
  imageUploadIds: ['01J0000000000000000000000P'],
  authorId: 'S1',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  allowedActions: ['edit', 'withdraw'],
};

describe('notice form → request', () => {
  it('maps the fields, trims the title and makes the expiry the end of the chosen day', () => {
    const built = buildNoticeInput(
      {
        title: '  停水通知 ',
        category: 'government',
        regionCode: '610921100',
        pinned: true,
        expiresOn: dayjs('2030-03-05T10:00:00'),
      },
      { body: '明天停水', imageUploadIds: ['01J0000000000000000000000Q'] },
    );
    expect(built).toEqual({
      ok: true,
      request: {
        title: '停水通知',
        body: '明天停水',
        category: 'government',
        regionCode: '610921100',
        pinned: true,
        expiresAt: dayjs('2030-03-05').endOf('day').toISOString(),
        imageUploadIds: ['01J0000000000000000000000Q'],
      },
    });
  });

  it('names each missing field with the shared schema message', () => {
    const built = buildNoticeInput({ title: ' ', pinned: false, expiresOn: null }, { body: '', imageUploadIds: [] });
    expect(built.ok).toBe(false);
    if (built.ok) return;
    expect(built.errors).toEqual([
      { field: 'title', message: '请填写标题' },
      { field: 'body', message: '请填写正文' },
      { field: 'category', message: '请选择公告栏目' },
      { field: 'regionCode', message: '请选择发布范围' },
    ]);
  });

  it('patches only what changed, so an unchanged old expiry is not sent back', () => {
    const old = { ...saved, expiresAt: dayjs('2020-01-01').endOf('day').toISOString() };
    const values = noticeFormValues(old);
    const same = buildNoticeInput(values, { body: old.body, imageUploadIds: old.imageUploadIds });
    if (!same.ok) throw new Error('valid');
    expect(noticePatch(old, same.request)).toEqual({});

    const edited = buildNoticeInput(
      { ...values, title: '村务公开（更正）', expiresOn: null },
      { body: old.body, imageUploadIds: [] },
    );
    if (!edited.ok) throw new Error('valid');
    expect(noticePatch(old, edited.request)).toEqual({
      title: '村务公开（更正）',
      expiresAt: null,
      imageUploadIds: [],
    });
  });
});

describe('article form → request', () => {
  const article: StaffArticle = {
    id: 'A1',
    title: '医保缴费指南',
    summary: '',
    body: '正文',
    category: 'guide',
    categoryName: '办事指南',
    regionCode: '610921',
    status: 'draft',
    publishedAt: null,
    readCount: 0,
    authorId: 'S1',
    createdAt: '',
    updatedAt: '',
    allowedActions: ['edit', 'publish'],
  };

  it('maps summary and category, and patches only changes', () => {
    const built = buildArticleInput(
      { title: '医保缴费指南', summary: ' 一图读懂 ', category: 'guide', regionCode: '610921' },
      { body: '正文', imageUploadIds: [] },
    );
    expect(built).toEqual({
      ok: true,
      request: { title: '医保缴费指南', summary: '一图读懂', body: '正文', category: 'guide', regionCode: '610921' },
    });
    if (built.ok) expect(articlePatch(article, built.request)).toEqual({ summary: '一图读懂' });
  });
});
