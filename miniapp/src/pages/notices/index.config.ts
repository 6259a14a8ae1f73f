export default definePageConfig({
  navigationBarTitleText: '政务村务',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});
