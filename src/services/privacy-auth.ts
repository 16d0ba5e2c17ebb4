/**
 * WeChat's privacy guide (用户隐私保护指引): when a privacy API (getLocation, chooseLocation, chooseMedia,
 * setClipboardData, shareFileMessage…) is called before the user agreed, WeChat holds the call and asks the
 * app through `onNeedPrivacyAuthorization`. The listener is registered once, at launch; the popup
 * (PrivacyGate) of the page on screen shows the guide. Gates attach when their page mounts or shows and
 * detach when it unmounts, so the request never goes to a page that is gone. Base libraries without the
 * API (before 2.32.3) have no privacy guide to answer: nothing is registered and the calls go through.
 */
import Taro from '@tarojs/taro';

export type PrivacyAnswer = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string };
type Resolve = (answer: PrivacyAnswer) => void;

/** The id of the agree button (open-type agreePrivacyAuthorization) WeChat is told about. */
export const AGREE_BUTTON_ID = 'privacy-agree';

interface Gate {
  show: (open: boolean) => void;
}

/** Attached gates, the most recently shown last (the page on screen). */
let gates: Gate[] = [];
let pending: Resolve[] = [];
let installed = false;

function top(): Gate | undefined {
  return gates[gates.length - 1];
}

function ask(resolve: Resolve): void {
  const gate = top();
  if (!gate) {
    // No page that can show the guide: refuse this call rather than hold it forever (the caller sees a failure).
    resolve({ event: 'disagree' });
    return;
  }
  pending.push(resolve);
  resolve({ event: 'exposureAuthorization' });
  gate.show(true);
}

/** Registers the one app-wide listener (weapp only, when the base library has it). Idempotent. */
export function installPrivacyAuthorization(): boolean {
  if (installed) return true;
  if (process.env.TARO_ENV !== 'weapp') return false;
  if (typeof Taro.onNeedPrivacyAuthorization !== 'function' || !Taro.canIUse('onNeedPrivacyAuthorization')) return false;
  Taro.onNeedPrivacyAuthorization((resolve) => ask(resolve));
  installed = true;
  return true;
}

/** A page's gate takes the guide (on mount and whenever its page shows); the returned function lets go. */
export function attachGate(gate: Gate): () => void {
  gates = [...gates.filter((g) => g !== gate), gate];
  return () => {
    const wasTop = top() === gate;
    gates = gates.filter((g) => g !== gate);
    gate.show(false);
    if (pending.length === 0) return;
    // A guide open on a page that goes away moves to the page now on screen; with no page left, the calls fail.
    if (gates.length === 0) answerPrivacy('disagree');
    else if (wasTop) top()?.show(true);
  };
}

/** The person's answer: every held call goes on (agree) or fails (disagree); every gate closes. */
export function answerPrivacy(event: 'agree' | 'disagree'): void {
  const waiting = pending;
  pending = [];
  for (const resolve of waiting) resolve(event === 'agree' ? { event, buttonId: AGREE_BUTTON_ID } : { event });
  for (const g of gates) g.show(false);
}
