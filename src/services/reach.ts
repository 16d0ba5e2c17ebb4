/**
 * Reaching the resident and the place (issue 16, item 3): a call by makePhoneCall, and navigation by
 * openLocation in WeChat (GCJ-02, the system its maps draw in). The H5 build has no WeChat JS-SDK for
 * openLocation: there 导航 opens the AMap marker page in a new tab, which offers route planning and takes
 * GCJ-02 too.
 */
import Taro from '@tarojs/taro';
import type { LatLng } from '../../core/model';

/** A phone the caller may dial: the full number handlers see, not a masked one (139****0001). */
export const dialable = (phone: string | null): phone is string => phone !== null && /^\d{5,20}$/.test(phone);

export async function callPhone(phone: string): Promise<void> {
  try {
    await Taro.makePhoneCall({ phoneNumber: phone });
  } catch (e) {
    // The person closed the call sheet: nothing to tell them.
    if (!/cancel/i.test(String((e as { errMsg?: unknown })?.errMsg ?? e))) throw e;
  }
}

/** The web map used for 导航 in H5: AMap's marker page at a GCJ-02 point. */
export function webMapUrl(point: LatLng, name: string): string {
  return `https://uri.amap.com/marker?position=${point.lng.toFixed(6)},${point.lat.toFixed(6)}&name=${encodeURIComponent(name)}&coordinate=gaode&callnative=1`;
}

export async function navigateTo(point: LatLng, name: string, address: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(webMapUrl(point, name), '_blank', 'noopener');
    return;
  }
  await Taro.openLocation({ latitude: point.lat, longitude: point.lng, name, address, scale: 17 });
}
