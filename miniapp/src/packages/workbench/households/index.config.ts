export default definePageConfig({
  navigationBarTitleText: '我的住户',
  enablePullDownRefresh: true,
});
