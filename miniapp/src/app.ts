import type { PropsWithChildren } from 'react';
import Taro, { useLaunch, usePageNotFound } from '@tarojs/taro';
import { ROUTES } from './pages/home/routes';
import { startDraftSync } from './services/drafts';
import { initCareMode, reflectCareModeOnDocument } from './stores/careMode';

import './app.scss';

/** The app shell; `children` is the page being shown. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCareMode();
    reflectCareModeOnDocument();
    // Reports saved offline are sent as soon as possible, never lost, never duplicated.
    startDraftSync();
  });
  // A stale link or a mistyped address shows 页面不存在 with the way home, never a blank page.
  usePageNotFound(() => void Taro.redirectTo({ url: ROUTES.notFound }).catch(() => undefined));
  return children;
}

export default App;
