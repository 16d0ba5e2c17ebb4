/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

declare namespace NodeJS {
  interface ProcessEnv {
    /** Set by Taro at build time. */
    NODE_ENV: 'development' | 'production' | 'test';
    /** Build target; Taro inlines it, so branches on it are removed from the other target's bundle. */
    TARO_ENV: 'weapp' | 'swan' | 'alipay' | 'h5' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** WeChat appid used by Taro for dist/project.config.json, if set. */
    TARO_APP_ID?: string;
    /** H5 only: base URL of the local cloud HTTP API; empty means same origin. */
    TARO_APP_API_BASE?: string;
    /** weapp only: WeChat CloudBase environment id passed to `Taro.cloud.init`. */
    TARO_APP_CLOUD_ENV?: string;
    /** weapp only: subscribe-message template ids (comma-separated, at most 3) asked for on the report submit tap. */
    TARO_APP_SUBSCRIBE_TEMPLATE_IDS?: string;
    TARO_APP_STAFF_SUBSCRIBE_TEMPLATE_IDS?: string;
    /** weapp only: `true` when the configured templates are long-term (长期订阅) ones. */
    TARO_APP_SUBSCRIBE_LONG_TERM?: string;
    /** Longest edge in pixels that photos are shrunk to on the phone before upload (default 1280). */
    TARO_APP_PHOTO_LONG_EDGE?: string;
  }
}
