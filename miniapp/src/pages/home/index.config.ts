export default definePageConfig({
  navigationBarTitleText: '321 民情在线',
  enablePullDownRefresh: true,
});
