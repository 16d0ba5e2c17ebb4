export default definePageConfig({
  navigationBarTitleText: '镇街管理',
});
