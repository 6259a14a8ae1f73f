/**
 * 民情直达: the five services as large cards (icon, word, one line). Tapping one opens the report
 * form for it. Reports still on the phone (begun, refused or waiting for a signal) are shown on top.
 */
import { useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { Service } from '@minqing/shared';
import UnsentDrafts from '../../components/UnsentDrafts';
import { useCareMode } from '../../stores/careMode';
import { FALLBACK_SERVICES, SERVICE_ICONS, cachedServices, composeUrl, loadServices } from './services';

import './index.scss';

export const MY_REPORTS_URL = '/packages/my-reports/list/index';

export default function ReportPage() {
  const care = useCareMode();
  const [services, setServices] = useState<Service[] | null>(cachedServices());
  const [offline, setOffline] = useState(false);

  useDidShow(() => {
    loadServices()
      .then((loaded) => {
        setServices(loaded);
        setOffline(false);
      })
      .catch(() => {
        if (!cachedServices()) setOffline(true);
      });
  });

  const shown = services ?? (offline ? FALLBACK_SERVICES : null);

  return (
    <View className={`page report-tab ${care.className}`}>
      <Text className="report-tab__title">有事您说话</Text>
      <Text className="report-tab__subtitle">选一项，按住按钮说一说，或写几句、拍张照</Text>
      <UnsentDrafts />
      {!shown ? <Text className="report-tab__info">正在加载…</Text> : null}
      {offline && !services ? <Text className="report-tab__info">网络不太好，也可以先反映，联网后自动提交</Text> : null}
      <View className="report-tab__cards">
        {(shown ?? []).map((service) => {
          const icon = SERVICE_ICONS[service.code] ?? { glyph: service.name.slice(0, 1), tone: 'red' };
          return (
            <View
              key={service.code}
              className="report-tab__card"
              role="button"
              aria-label={service.name}
              hoverClass="report-tab__card--pressed"
              onClick={() => void Taro.navigateTo({ url: composeUrl(service.code) })}
            >
              <View className={`report-tab__icon report-tab__icon--${icon.tone}`}>{icon.glyph}</View>
              <View className="report-tab__card-body">
                <Text className="report-tab__name">{service.name}</Text>
                {service.description ? <Text className="report-tab__desc">{service.description}</Text> : null}
              </View>
              <Text className="report-tab__arrow">›</Text>
            </View>
          );
        })}
      </View>
      <View className="report-tab__mine" role="button" onClick={() => void Taro.navigateTo({ url: MY_REPORTS_URL })}>
        <Text>我反映过的问题</Text>
        <Text className="report-tab__arrow">›</Text>
      </View>
    </View>
  );
}
