import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
import { startDraftSync } from './services/drafts'
import { initCareMode } from './stores/careMode'

import './app.scss'

/** The app shell; `children` is the page being shown. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCareMode()
    // Reports saved offline are sent as soon as possible, never lost, never duplicated.
    startDraftSync()
  })
  return children
}

export default App
