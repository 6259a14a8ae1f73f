export default definePageConfig({
  navigationBarTitleText: '关怀模式',
});
