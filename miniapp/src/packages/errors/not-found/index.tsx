/**
 * Where an unknown address lands (app.ts redirects here on onPageNotFound): a stale link, a page
 * that was removed, a typing mistake. Never a blank screen: say so and offer the way home.
 */
import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import EmptyState from '../../../components/EmptyState';
import { ROUTES } from '../../../pages/home/routes';
import { useCareMode } from '../../../stores/careMode';

import './index.scss';

export default function NotFoundPage() {
  const care = useCareMode();
  const goHome = () => void Taro.reLaunch({ url: ROUTES.homeTab }).catch(() => undefined);
  return (
    <View className={`page not-found ${care.className}`}>
      <EmptyState
        icon="🧭"
        title="页面不存在"
        hint="这个页面可能已经删除，或者链接有误。"
        action={{ label: '返回首页', onClick: goHome }}
      />
    </View>
  );
}
