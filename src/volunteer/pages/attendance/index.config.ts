export default definePageConfig({
  navigationBarTitleText: '签到名单与工时',
  enablePullDownRefresh: true,
});
