export default definePageConfig({
  navigationBarTitleText: '镇街设置',
});
