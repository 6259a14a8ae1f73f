/**
 * Tab pages live in the main package; everything else in sub-packages by domain
 * (WeChat: main package ≤ 2 MB, our budget 400 KB — `npm run bench:miniapp`; a sub-package cannot
 * require another's JS). Code used by no tab page lands in the sub-packages that use it.
 */
const isWeapp = process.env.TARO_ENV === 'weapp';

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/report/index', 'pages/notices/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/report-flow', pages: ['compose/index', 'success/index'] },
    { root: 'packages/my-reports', pages: ['list/index', 'detail/index'] },
    { root: 'packages/articles', pages: ['list/index', 'detail/index'] },
    { root: 'packages/notices', pages: ['detail/index'] },
    { root: 'packages/profile', pages: ['edit/index', 'messages/index', 'privacy/index', 'care-mode/index'] },
    { root: 'packages/points', pages: ['balance/index', 'shop/index', 'redemptions/index', 'rewards/index'] },
    { root: 'packages/errors', pages: ['not-found/index'] },
    // Open by default: the public ranking and the village board (本村动态).
    { root: 'packages/open', pages: ['ranking/index', 'board/index'] },
    // 工作台: grid workers, cadres and handlers in the field.
    {
      root: 'packages/workbench',
      pages: [
        'login/index',
        'home/index',
        'report/index',
        'notices/index',
        'notice-compose/index',
        'households/index',
        'household/index',
        'visits/index',
        'onbehalf/index',
      ],
    },
  ],
  // What a tab opens next downloads while the villager looks at the tab (WeChat: ≤ 2 MB per page).
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['packages/report-flow'] },
    'pages/report/index': { network: 'all', packages: ['packages/report-flow'] },
    'pages/notices/index': { network: 'all', packages: ['packages/notices'] },
    'pages/me/index': { network: 'all', packages: ['packages/my-reports'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#c8102e',
    navigationBarTitleText: '321 民情在线',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#555555',
    selectedColor: '#c8102e',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/report/index',
        text: '民情直达',
        iconPath: 'assets/tabbar/report.png',
        selectedIconPath: 'assets/tabbar/report-active.png',
      },
      {
        pagePath: 'pages/notices/index',
        text: '政务村务',
        iconPath: 'assets/tabbar/notices.png',
        selectedIconPath: 'assets/tabbar/notices-active.png',
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        iconPath: 'assets/tabbar/me.png',
        selectedIconPath: 'assets/tabbar/me-active.png',
      },
    ],
  },
  // 同声传译 (speech-to-text, text-to-speech): WeChat only, and optional — code must work without it.
  ...(isWeapp ? { plugins: { WechatSI: { version: '0.3.5', provider: 'wx069ba97219f66d99' } } } : {}),
  requiredPrivateInfos: ['chooseLocation', 'getLocation'],
  __usePrivacyCheck__: true,
  permission: {
    'scope.userLocation': { desc: '用于标记您反映问题的位置，方便工作人员尽快找到现场' },
  },
  lazyCodeLoading: 'requiredComponents',
});
