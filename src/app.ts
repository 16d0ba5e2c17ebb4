import type { PropsWithChildren } from 'react';
import { makePagesFocusable, quietTabBarLinks } from './services/a11y';
import { applyElderMode, readElderMode } from './services/elder-mode';
import { installPrivacyAuthorization } from './services/privacy-auth';
import './app.scss';

// 大字模式 is remembered on the phone and applies from the first page.
applyElderMode(readElderMode());
makePagesFocusable();
quietTabBarLinks();
// One privacy-guide listener for the whole app; each page's PrivacyGate shows it (services/privacy-auth.ts).
installPrivacyAuthorization();

function App({ children }: PropsWithChildren) {
  // `children` is the page being rendered.
  return children;
}

export default App;
