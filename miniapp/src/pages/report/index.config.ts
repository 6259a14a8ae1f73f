export default definePageConfig({
  navigationBarTitleText: '民情直达',
});
