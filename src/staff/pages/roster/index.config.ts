export default definePageConfig({
  navigationBarTitleText: '人员名单',
});
