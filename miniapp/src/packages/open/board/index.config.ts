export default definePageConfig({
  navigationBarTitleText: '本村动态',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});
