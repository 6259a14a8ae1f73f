import type { ComponentType } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROUTES } from '../../pages/home/routes';
import { isH5 } from '../../services/config';
import { useCareMode } from '../../stores/careMode';

import './index.scss';

/** 返回 to the page that opened this one; a page opened straight from a link has none: 返回首页. */
export function wayBack(): { label: '返回' | '返回首页'; go: () => void } {
  if (Taro.getCurrentPages().length > 1)
    return { label: '返回', go: () => void Taro.navigateBack().catch(() => undefined) };
  return { label: '返回首页', go: () => void Taro.reLaunch({ url: ROUTES.homeTab }).catch(() => undefined) };
}

/**
 * The title bar of a page that is not a tab, in the H5 build: WeChat draws its own with a back
 * button, the browser draws none.
 */
export default function PageHeader({ title }: { title: string }) {
  const care = useCareMode();
  if (!isH5()) return null;
  const back = wayBack();
  return (
    <View className={`page-header ${care.enabled ? 'page-header--care' : ''}`} role="banner">
      <View
        className="page-header__back"
        role="button"
        aria-label={back.label}
        hoverClass="page-header__back--pressed"
        onClick={back.go}
      >
        <Text aria-hidden="true">‹ </Text>
        {back.label}
      </View>
      <View className="page-header__title" role="heading">
        {title}
      </View>
    </View>
  );
}

/** A sub-package page with its title bar above it: `export default withPageHeader(ReportDetailPage, '反映详情')`. */
export function withPageHeader<Props extends object>(Page: ComponentType<Props>, title: string): ComponentType<Props> {
  function PageWithHeader(props: Props) {
    return (
      <>
        <PageHeader title={title} />
        <Page {...props} />
      </>
    );
  }
  PageWithHeader.displayName = `withPageHeader(${Page.displayName ?? Page.name})`;
  return PageWithHeader;
}
