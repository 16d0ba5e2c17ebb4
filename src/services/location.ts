/**
 * The device's position, read once when the resident asks. WeChat reports GCJ-02 (the system its maps
 * use, and the only one chooseLocation returns); the H5 build reads the browser's GPS position, WGS-84.
 * The backend converts GCJ-02 to WGS-84 itself, so positions travel with the system they are in.
 */
import Taro from '@tarojs/taro';
import type { LatLng } from '../../core/model';

export type CoordSystem = 'wgs84' | 'gcj02';

export interface Position {
  location: LatLng;
  coord: CoordSystem;
}

/** Why a position could not be read, in Chinese, with what to do next. */
export class LocationError extends Error {}

function denied(e: unknown): boolean {
  const msg = e && typeof e === 'object' && 'errMsg' in e ? String((e).errMsg) : String(e);
  return /auth|denied|permission/i.test(msg);
}

export async function currentPosition(): Promise<Position> {
  const h5 = process.env.TARO_ENV === 'h5';
  try {
    const res = await Taro.getLocation({ type: h5 ? 'wgs84' : 'gcj02' });
    return { location: { lat: res.latitude, lng: res.longitude }, coord: h5 ? 'wgs84' : 'gcj02' };
  } catch (e) {
    throw new LocationError(
      denied(e) ? '未获得位置权限。您可以在设置中允许使用位置，或直接选择村（社区）。' : '暂时无法获取当前位置，请稍后重试，或直接选择村（社区）。',
    );
  }
}

/** True where a map picker exists (WeChat); H5 offers coordinates typed by hand instead. */
export const canPickOnMap = process.env.TARO_ENV !== 'h5';

export async function pickOnMap(): Promise<Position | null> {
  try {
    const res = await Taro.chooseLocation({});
    return { location: { lat: res.latitude, lng: res.longitude }, coord: 'gcj02' };
  } catch (e) {
    if (/cancel/i.test(String((e as { errMsg?: unknown })?.errMsg ?? e))) return null;
    throw new LocationError(denied(e) ? '未获得位置权限，无法在地图上选点。请直接选择村（社区）。' : '地图选点没有成功，请重试，或直接选择村（社区）。');
  }
}
