export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/report/index',
    'pages/my-concerns/index',
    'pages/concern/index',
    'pages/messages/index',
  ],
  subPackages: [
    {
      // Committee staff only; residents never download it.
      root: 'staff',
      pages: ['pages/inbox/index', 'pages/handle/index', 'pages/dashboard/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '街坊',
    navigationBarTextStyle: 'black',
  },
});
