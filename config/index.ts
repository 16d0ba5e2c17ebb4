import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

/**
 * Build config for both targets. weapp writes to `dist/` (the WeChat DevTools root, see
 * project.config.json); h5 writes to `dist-h5/` so the two builds never overwrite each other.
 */
/** Shared TypeScript outside src/ that the client bundles (core/actions.ts; the rest is type-only). */
const CORE_DIR = path.resolve(__dirname, '..', 'core');

export default defineConfig<'webpack5'>((merge) => {
  const isH5 = process.env.TARO_ENV === 'h5';
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'jiefang',
    date: '2025-01-01',
    // NutUI is designed at 375px; our own styles at 750px. Taro also serialises this function into
    // the runtime (Taro.pxTransform), so it must stay plain ES5 without compiler helpers.
    designWidth(input) {
      const file = input ? (input as { file?: string }).file : undefined;
      return file && file.replace(/\\/g, '/').indexOf('/@nutui/') !== -1 ? 375 : 750;
    },
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    // dist/project.config.json is written from this file: opened from dist/ (WeChat DevTools, miniprogram-ci),
    // the cloud functions are one folder up. project.config.json (the repository root) says the same from there.
    projectConfigName: 'project.weapp.json',
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {},
    // Client env vars (TARO_APP_*). Values from .env files override these; a value in the shell
    // environment at build time is used when no .env file sets it.
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      TARO_APP_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_TEMPLATE_IDS ?? ''),
      TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(process.env.TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS ?? ''),
      // `true` when the templates above are long-term (长期订阅) ones: asked for once, not again on reply or rating.
      TARO_APP_SUBSCRIBE_LONG_TERM: JSON.stringify(process.env.TARO_APP_SUBSCRIBE_LONG_TERM ?? ''),
      // Longest edge, in pixels, photos are shrunk to on the phone before upload.
      TARO_APP_PHOTO_LONG_EDGE: JSON.stringify(process.env.TARO_APP_PHOTO_LONG_EDGE ?? '1280'),
    },
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
    },
    // The map marker is a file of the package (WeChat's Map takes a package path for iconPath, not a data: URI).
    copy: { patterns: isH5 ? [] : [{ from: 'src/assets/marker.png', to: 'dist/assets/marker.png' }], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      compile: { include: [CORE_DIR] },
      // Per-component NutUI styles are imported in page order; the order between them does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      // Staff pages live in a subpackage; keep shared code in the main package only when both use it.
      optimizeMainPackage: { enable: true },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [CORE_DIR] },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      devServer: { host: '127.0.0.1', port: 10086 },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return Promise.resolve(merge({}, baseConfig, devConfig));
  }
  return Promise.resolve(merge({}, baseConfig, prodConfig));
});
