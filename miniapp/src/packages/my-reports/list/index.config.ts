export default definePageConfig({
  navigationBarTitleText: '我反映的问题',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});
