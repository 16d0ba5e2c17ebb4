import type { PropsWithChildren } from 'react';
import { makePagesFocusable } from './services/a11y';
import { applyElderMode, readElderMode } from './services/elder-mode';
import './app.scss';

// 大字模式 is remembered on the phone and applies from the first page.
applyElderMode(readElderMode());
makePagesFocusable();

function App({ children }: PropsWithChildren) {
  // `children` is the page being rendered.
  return children;
}

export default App;
