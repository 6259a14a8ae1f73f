export default definePageConfig({
  navigationBarTitleText: '我发布的公告',
  enablePullDownRefresh: true,
});
