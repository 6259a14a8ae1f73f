import Taro from '@tarojs/taro';
import type { ArticleCategory } from '@minqing/shared';

/** Every page the citizen side links to, in one place. */
export const ROUTES = {
  homeTab: '/pages/home/index',
  reportTab: '/pages/report/index',
  noticesTab: '/pages/notices/index',
  meTab: '/pages/me/index',
  /** 说一说 / 拍一拍: a 民情直通 report started by voice or by photo. */
  compose: (mode: 'voice' | 'photo') => `/packages/report-flow/compose/index?service=direct&mode=${mode}`,
  myReports: '/packages/my-reports/list/index',
  myReport: (id: string) => `/packages/my-reports/detail/index?id=${encodeURIComponent(id)}`,
  articles: (category?: ArticleCategory) => `/packages/articles/list/index${category ? `?category=${category}` : ''}`,
  article: (id: string) => `/packages/articles/detail/index?id=${encodeURIComponent(id)}`,
  notice: (id: string) => `/packages/notices/detail/index?id=${encodeURIComponent(id)}`,
  profileEdit: '/packages/profile/edit/index',
  messages: '/packages/profile/messages/index',
  careMode: '/packages/profile/care-mode/index',
  privacy: (section?: 'export' | 'delete') => `/packages/profile/privacy/index${section ? `?section=${section}` : ''}`,
  points: '/packages/points/balance/index',
  pointsShop: '/packages/points/shop/index',
  redemptions: '/packages/points/redemptions/index',
  rewards: '/packages/points/rewards/index',
  /** 工作台: staff sign in, then their queue and its reports. */
  workbenchLogin: '/packages/workbench/login/index',
  workbench: '/packages/workbench/home/index',
  workbenchReport: (id: string) => `/packages/workbench/report/index?id=${encodeURIComponent(id)}`,
  workbenchNotices: '/packages/workbench/notices/index',
  workbenchNoticeCompose: '/packages/workbench/notice-compose/index',
  workbenchHouseholds: '/packages/workbench/households/index',
  workbenchVisits: '/packages/workbench/visits/index',
  workbenchOnBehalf: '/packages/workbench/onbehalf/index',
  /** A household's visits and 记录走访; its head, grid and address travel along for the heading and the 代报. */
  workbenchHousehold: (household: { id: string; headName: string; gridCode: string; address: string }) =>
    `/packages/workbench/household/index?id=${encodeURIComponent(household.id)}&name=${encodeURIComponent(household.headName)}&grid=${household.gridCode}&address=${encodeURIComponent(household.address)}`,
  /** 排行榜 and 本村动态: public, no sign-in needed. */
  ranking: '/packages/open/ranking/index',
  villageBoard: '/packages/open/board/index',
  /** Where an unknown address lands (app.ts). */
  notFound: '/packages/errors/not-found/index',
} as const;

const TABS: readonly string[] = [ROUTES.homeTab, ROUTES.reportTab, ROUTES.noticesTab, ROUTES.meTab];

/** Opens a page: switchTab for the four tabs, navigateTo otherwise; a failure says so. */
export function go(url: string): void {
  const path = url.split('?')[0];
  const opened = TABS.includes(path) ? Taro.switchTab({ url: path }) : Taro.navigateTo({ url });
  void Promise.resolve(opened).catch(() => {
    void Taro.showToast({ title: '页面打开失败，请再试一次', icon: 'none' });
  });
}
