/**
 * Loads pages of the real weapp build (dist/) into miniprogram-simulate (jsdom). The build is
 * Taro's: app.js registers the app with `App`, each page with `Page`; miniprogram-simulate only
 * knows `Component`, so `Page` is shimmed onto it here. `wx` is a test double: the test supplies
 * `cloud.callFunction`.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DIST = path.resolve(__dirname, '..', '..', 'dist');

export type CloudCall = { name: string; data: { action: string; data: unknown } };
export type CloudHandler = (call: CloudCall) => unknown;

interface PageInstance {
  route?: string;
  __route__?: string;
  [key: string]: unknown;
}

type AnyFn = (...args: unknown[]) => unknown;
export type PrivacyAnswer = { event: string; buttonId?: string };
type PrivacyListener = (resolve: (answer: PrivacyAnswer) => void, eventInfo: { referrer: string }) => void;

const state: {
  appOptions: Record<string, AnyFn> | null;
  pages: PageInstance[];
  nextQuery: Record<string, string>;
  nextRoute: string;
  cloud: CloudHandler;
  navigations: string[];
  /** Answers wx.getLocation / wx.chooseLocation: the options asked with, and the position (or an errMsg) returned. */
  location: (api: string, opts: Record<string, unknown>) => { latitude: number; longitude: number } | { errMsg: string };
  /** Every listener given to wx.onNeedPrivacyAuthorization, in order. */
  privacyListeners: PrivacyListener[];
} = {
  appOptions: null,
  pages: [],
  nextQuery: {},
  nextRoute: '',
  cloud: () => {
    throw new Error('no cloud handler');
  },
  navigations: [],
  location: (api) => ({ errMsg: `${api}:fail no location handler` }),
  privacyListeners: [],
};

function locationApi(api: string) {
  return (opts: Record<string, unknown> & { success?: AnyFn; fail?: AnyFn; complete?: AnyFn }) => {
    const r = state.location(api, opts);
    setTimeout(() => {
      if ('errMsg' in r) opts.fail?.(r);
      else opts.success?.({ ...r, errMsg: `${api}:ok` });
      opts.complete?.(r);
    }, 0);
  };
}

function fakeSelectorQuery() {
  // NutUI calls wx.createSelectorQuery for layout; jsdom has no layout, so answer zero-sized rects.
  const q = {
    in: () => q,
    select: () => q,
    selectAll: () => q,
    selectViewport: () => q,
    boundingClientRect: (cb?: (r: unknown) => void) => {
      pending.push(cb);
      return q;
    },
    scrollOffset: (cb?: (r: unknown) => void) => {
      pending.push(cb);
      return q;
    },
    fields: (_f: unknown, cb?: (r: unknown) => void) => {
      pending.push(cb);
      return q;
    },
    exec: (cb?: (r: unknown[]) => void) => {
      const rect = { width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, scrollTop: 0, scrollLeft: 0 };
      const results = pending.map(() => rect);
      pending.forEach((p) => p?.(rect));
      pending = [];
      setTimeout(() => cb?.(results), 0);
    },
  };
  let pending: Array<((r: unknown) => void) | undefined> = [];
  return q;
}

function storage() {
  const m = new Map<string, unknown>();
  return {
    getStorageSync: (k: string) => (m.has(k) ? m.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void m.set(k, v),
    removeStorageSync: (k: string) => void m.delete(k),
  };
}

function navigate(kind: string) {
  return (opts: { url: string; success?: AnyFn; complete?: AnyFn }) => {
    state.navigations.push(`${kind} ${opts.url}`);
    opts.success?.({ errMsg: `${kind}:ok` });
    opts.complete?.({ errMsg: `${kind}:ok` });
  };
}

/** Installs globals the Taro runtime expects from the mini program host. Call before loading. */
export function installHost(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const wxApi: Record<string, unknown> = {
    ...storage(),
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 667,
      screenWidth: 375,
      screenHeight: 667,
      pixelRatio: 2,
      language: 'zh_CN',
      version: '8.0.0',
      SDKVersion: '3.3.4',
    }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, screenWidth: 375, screenHeight: 667, pixelRatio: 2 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.3.4', language: 'zh_CN', version: '8.0.0' }),
    getDeviceInfo: () => ({ platform: 'devtools', pixelRatio: 2 }),
    canIUse: () => true,
    createSelectorQuery: fakeSelectorQuery,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    showToast: (opts: { title?: string; success?: AnyFn; complete?: AnyFn }) => {
      toasts.push(opts.title ?? '');
      opts.success?.({ errMsg: 'showToast:ok' });
      opts.complete?.({ errMsg: 'showToast:ok' });
    },
    hideToast: () => undefined,
    showLoading: () => undefined,
    hideLoading: () => undefined,
    stopPullDownRefresh: () => undefined,
    navigateTo: navigate('navigateTo'),
    redirectTo: navigate('redirectTo'),
    reLaunch: navigate('reLaunch'),
    switchTab: navigate('switchTab'),
    navigateBack: navigate('navigateBack'),
    // The tab bar's badge (issue 17): recorded, as WeChat would show it on the 消息 tab.
    setTabBarBadge: (opts: { index: number; text: string; success?: AnyFn; complete?: AnyFn }) => {
      wxCalls.push({ api: 'setTabBarBadge', args: { index: opts.index, text: opts.text } });
      opts.success?.({ errMsg: 'setTabBarBadge:ok' });
      opts.complete?.({ errMsg: 'setTabBarBadge:ok' });
    },
    removeTabBarBadge: (opts: { index: number; success?: AnyFn; complete?: AnyFn }) => {
      wxCalls.push({ api: 'removeTabBarBadge', args: { index: opts.index } });
      opts.success?.({ errMsg: 'removeTabBarBadge:ok' });
      opts.complete?.({ errMsg: 'removeTabBarBadge:ok' });
    },
    getLocation: locationApi('getLocation'),
    onNeedPrivacyAuthorization: (listener: PrivacyListener) => void state.privacyListeners.push(listener),
    env: { USER_DATA_PATH: 'wxfile://usr' },
    getFileSystemManager: () => ({
      writeFileSync: (filePath: string, data: string) => void wxCalls.push({ api: 'writeFileSync', args: { filePath, size: data.length } }),
    }),
    shareFileMessage: (opts: Record<string, unknown> & { success?: AnyFn; complete?: AnyFn }) => {
      wxCalls.push({ api: 'shareFileMessage', args: { filePath: opts.filePath, fileName: opts.fileName } });
      opts.success?.({ errMsg: 'shareFileMessage:ok' });
      opts.complete?.({ errMsg: 'shareFileMessage:ok' });
    },
    setClipboardData: (opts: Record<string, unknown> & { success?: AnyFn }) => {
      wxCalls.push({ api: 'setClipboardData', args: {} });
      opts.success?.({ errMsg: 'setClipboardData:ok' });
    },
    openPrivacyContract: (opts: { success?: AnyFn }) => opts.success?.({ errMsg: 'openPrivacyContract:ok' }),
    // Accepts every template asked for, as a person tapping 允许 would.
    requestSubscribeMessage: (opts: { tmplIds: string[]; success?: AnyFn; complete?: AnyFn }) => {
      wxCalls.push({ api: 'requestSubscribeMessage', args: { tmplIds: opts.tmplIds } });
      const answer = { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((t) => [t, 'accept'])) };
      opts.success?.(answer);
      opts.complete?.(answer);
    },
    chooseLocation: locationApi('chooseLocation'),
    // Issue 16: calling the reporter and navigating to the place, recorded as asked.
    makePhoneCall: (opts: Record<string, unknown> & { success?: AnyFn; complete?: AnyFn }) => {
      wxCalls.push({ api: 'makePhoneCall', args: { phoneNumber: opts.phoneNumber } });
      opts.success?.({ errMsg: 'makePhoneCall:ok' });
      opts.complete?.({ errMsg: 'makePhoneCall:ok' });
    },
    openLocation: (opts: Record<string, unknown> & { success?: AnyFn; complete?: AnyFn }) => {
      wxCalls.push({ api: 'openLocation', args: { latitude: opts.latitude, longitude: opts.longitude, name: opts.name, address: opts.address } });
      opts.success?.({ errMsg: 'openLocation:ok' });
      opts.complete?.({ errMsg: 'openLocation:ok' });
    },
    cloud: {
      init: () => undefined,
      callFunction: (opts: { name: string; data: { action: string; data: unknown }; success?: AnyFn; fail?: AnyFn; complete?: AnyFn }) => {
        // The real call crosses the wire: the page gets a fresh object each time, never the handler's own.
        const p = Promise.resolve()
          .then(() => state.cloud({ name: opts.name, data: JSON.parse(JSON.stringify(opts.data)) as CloudCall['data'] }))
          .then((result) => ({ result: result === undefined ? undefined : (JSON.parse(JSON.stringify(result)) as unknown), errMsg: 'cloud.callFunction:ok' }));
        p.then(
          (r) => {
            opts.success?.(r);
            opts.complete?.(r);
          },
          (e) => {
            opts.fail?.(e);
            opts.complete?.(e);
          },
        );
        return p;
      },
    },
  };
  g.wx = wxApi;
  g.App = (options: Record<string, AnyFn>) => {
    state.appOptions = options;
  };
  g.getApp = () => state.appOptions ?? {};
  g.getCurrentPages = () => state.pages;
  g.Page = (options: Record<string, unknown>) => {
    // A Page is a Component whose lifecycles come from the page options; methods stay callable on `this`.
    const methods: Record<string, unknown> = {};
    const data = (options.data ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') methods[k] = v;
    const component = (g.Component as (o: unknown) => void);
    component({
      data,
      methods,
      lifetimes: {
        attached(this: PageInstance) {
          this.route = state.nextRoute;
          this.__route__ = state.nextRoute;
          state.pages.push(this);
          (this.onLoad as AnyFn | undefined)?.call(this, { ...state.nextQuery });
          (this.onShow as AnyFn | undefined)?.call(this);
        },
        ready(this: PageInstance) {
          (this.onReady as AnyFn | undefined)?.call(this);
        },
        detached(this: PageInstance) {
          (this.onUnload as AnyFn | undefined)?.call(this);
          state.pages = state.pages.filter((p) => p !== this);
        },
      },
    });
  };
}

export function setCloudHandler(h: CloudHandler): void {
  state.cloud = h;
}

export function setLocationHandler(h: typeof state.location): void {
  state.location = h;
}

/** Titles of the toasts the app showed, in order. */
export const toasts: string[] = [];

/** File and clipboard APIs the app called on `wx`, in order. */
export const wxCalls: Array<{ api: string; args: Record<string, unknown> }> = [];

/** How many listeners the app gave wx.onNeedPrivacyAuthorization (WeChat keeps only the last one). */
export function privacyListenerCount(): number {
  return state.privacyListeners.length;
}

/**
 * What WeChat does when a privacy API is called before the user agreed: it calls the app's (last) listener
 * with a resolve function. Answers every answer the app gives, in order.
 */
export function needPrivacy(api = 'getLocation'): PrivacyAnswer[] {
  const listener = state.privacyListeners[state.privacyListeners.length - 1];
  if (!listener) throw new Error('the app registered no onNeedPrivacyAuthorization listener');
  const answers: PrivacyAnswer[] = [];
  listener((a) => answers.push(a), { referrer: api });
  return answers;
}

export function navigations(): string[] {
  return state.navigations;
}

/** Runs dist/app.js (which pulls in the runtime, vendors and common chunks) and launches the app. */
export function launchApp(): void {
  if (!fs.existsSync(path.join(DIST, 'app.js'))) {
    throw new Error(`No weapp build at ${DIST}: run \`npm run build:weapp\` first.`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- runs the built bundle when the app launches, not at import
  require(path.join(DIST, 'app.js'));
  if (!state.appOptions) throw new Error('dist/app.js did not call App()');
  state.appOptions.onLaunch?.call(state.appOptions, { path: 'pages/index/index', query: {} });
  state.appOptions.onShow?.call(state.appOptions, { path: 'pages/index/index', query: {} });
}

export function prepareRoute(route: string, query: Record<string, string> = {}): void {
  state.nextRoute = route;
  state.nextQuery = query;
}

// ---- driving the rendered page -----------------------------------------------------------------

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS module without typings; the cast gives the part used
const exparser = require('miniprogram-exparser') as {
  Event: { dispatchEvent: (target: unknown, ev: unknown) => void; create: (name: string, detail: unknown, opts: unknown) => unknown };
};

type WxDom = Element & { __wxElement?: unknown };

/** Elements whose own text (trimmed) is exactly `text`, deepest first. */
export function findByText(root: Element, text: string): Element[] {
  const out: Element[] = [];
  root.querySelectorAll('*').forEach((el) => {
    if ((el.textContent ?? '').trim() === text && !Array.from(el.children).some((c) => (c.textContent ?? '').trim() === text)) out.push(el);
  });
  return out;
}

function wxElementOf(el: Element): WxDom {
  let cur: WxDom | null = el;
  while (cur && !cur.__wxElement) cur = cur.parentElement;
  if (!cur) throw new Error('element is not part of the rendered mini program tree');
  return cur;
}

/** Fires a mini program event (e.g. `tap`, `input`) on the element, bubbling like WeChat does. */
export function fire(el: Element, name: string, detail: Record<string, unknown> = {}): void {
  const target = wxElementOf(el);
  exparser.Event.dispatchEvent(
    target.__wxElement,
    exparser.Event.create(name, detail, { bubbles: true, capturePhase: true, composed: true, extraFields: { touches: {}, changedTouches: {} } }),
  );
}

export function tapText(root: Element, text: string): void {
  const found = findByText(root, text);
  if (found.length === 0) throw new Error(`nothing with text 「${text}」 on the page:\n${(root.textContent ?? '').slice(0, 2000)}`);
  fire(found[0], 'tap');
}

/** Waits until `check` passes (React and the Taro runtime update asynchronously). */
export async function until(check: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

// A page's chunk runs (and calls Page()) only once per process, so each page is loaded once per test file.
const loaded = new Map<string, string>();

/** Renders a page of dist/ at `route` (with its query) into a fresh element of the document. */
export function renderPage(route: string, query: Record<string, string> = {}): Element {
  // Required here, after the test file's installHost(): the simulator reads the host's globals when loaded.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only after installHost(), as said above
  const simulate = require('miniprogram-simulate') as typeof import('miniprogram-simulate');
  prepareRoute(route, query);
  const id = loaded.get(route) ?? simulate.load(path.join(DIST, route), { rootPath: DIST });
  loaded.set(route, id);
  const comp = simulate.render(id);
  const parent = document.createElement('div');
  document.body.appendChild(parent);
  comp.attach(parent);
  opened.set(parent, () => {
    comp.detach();
    parent.remove();
  });
  return parent;
}

const opened = new WeakMap<Element, () => void>();

/** Closes a page rendered by renderPage (its onUnload runs, as after navigateBack). */
export function closePage(root: Element): void {
  const close = opened.get(root);
  if (!close) throw new Error('not a page opened by renderPage');
  opened.delete(root);
  close();
}

/** Whether some element under `root` shows `text`. */
export const has = (root: Element, text: string) => findByText(root, text).length > 0;
