export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/report/index',
    'pages/my-concerns/index',
    'pages/concern/index',
    'pages/messages/index',
    'pages/me/index',
    'pages/board/index',
  ],
  subPackages: [
    {
      // Committee staff and the town admin only; residents never download it.
      root: 'staff',
      pages: [
        'pages/inbox/index',
        'pages/handle/index',
        'pages/dashboard/index',
        'pages/templates/index',
        'pages/moderation/index',
        'pages/feedback-list/index',
        'pages/audit/index',
        'pages/calendar/index',
        // 街坊议事 (yishi): the committee's topic management.
        'pages/topics/index',
        // Admin (issue 19).
        'pages/roster/index',
        'pages/categories/index',
        'pages/team-setup/index',
        'pages/open-api/index',
        // 街坊议事 (issue 21): the committee's roster of residents to verify.
        'pages/residents/index',
        // Admin (issue 19): the grid editor and the district's towns.
        'pages/grid/index',
        'pages/towns/index',
        // Points (issue 20): 积分设置 and 积分核销.
        'pages/points-settings/index',
        'pages/redeem/index',
        // Admin (issue 19, h19): the town's settings.
        'pages/town-settings/index',
      ],
    },
    {
      // Volunteer teams and events; only the entry buttons live in the main package.
      root: 'volunteer',
      pages: ['pages/teams/index', 'pages/team/index', 'pages/event/index', 'pages/create-event/index', 'pages/attendance/index', 'pages/mine/index', 'pages/points/index', 'pages/rewards/index'],
    },
    {
      // The person's own data (export, account deletion) and feedback about the app.
      root: 'account',
      pages: ['pages/privacy/index', 'pages/feedback/index'],
    },
    {
      // 街坊议事 (yishi): topics of the resident's place, a topic's discussion, vote and result.
      root: 'yishi',
      pages: ['pages/topics/index', 'pages/topic/index'],
    },
  ],
  // The report page reads the location once, when the resident asks, to find the grid; never in the background.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  // Components' code is injected when a page first renders one (WeChat's 用时注入), not at launch.
  lazyCodeLoading: 'requiredComponents',
  permission: {
    'scope.userLocation': { desc: '用于确定您反映的问题属于哪个网格' },
  },
  window: {
    backgroundTextStyle: 'dark',
    backgroundColor: '#f5f6f7',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '街坊',
    navigationBarTextStyle: 'black',
    // Issue 17: H5 draws its navigation bar (title, and back on pages below a tab) only when this says 'default'.
    navigationStyle: 'default',
  },
  // Issue 17, item 5: the four tabs of a WeChat service. Tab pages are opened with switchTab only (services/nav.ts).
  tabBar: {
    color: '#595959',
    selectedColor: '#1f7a4d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/report/index', text: '反映', iconPath: 'assets/tab/report.png', selectedIconPath: 'assets/tab/report-active.png' },
      { pagePath: 'pages/messages/index', text: '消息', iconPath: 'assets/tab/messages.png', selectedIconPath: 'assets/tab/messages-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tab/me.png', selectedIconPath: 'assets/tab/me-active.png' },
    ],
  },
});
