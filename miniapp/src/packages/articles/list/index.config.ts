export default definePageConfig({
  navigationBarTitleText: '政策指南',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});
