export default definePageConfig({
  navigationBarTitleText: '街坊议事',
  enablePullDownRefresh: true,
});
