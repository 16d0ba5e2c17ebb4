export default definePageConfig({
  navigationBarTitleText: '议事管理',
});
