/**
 * Where the problem is — optional: pick it on the map (WeChat) or use where the phone is now.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { Location } from '@minqing/shared';

import './index.scss';

export interface LocationPickerProps {
  value: Location | null;
  onChange(value: Location | null): void;
  disabled?: boolean;
  error?: string;
}

const ADDRESS_MAX = 200;

/** chooseLocation's answer as a report location (address: the place's name and street address). */
export function locationFromChoice(choice: {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}): Location {
  const name = (choice.name ?? '').trim();
  const address = (choice.address ?? '').trim();
  const text = address && name && !address.includes(name) ? `${address} ${name}` : address || name;
  return { lat: choice.latitude, lng: choice.longitude, ...(text ? { address: text.slice(0, ADDRESS_MAX) } : {}) };
}

export function describeLocation(location: Location): string {
  return location.address || '已记录您现在所在的位置';
}

const errMsgOf = (error: unknown): string => (error as { errMsg?: string } | null)?.errMsg ?? '';
const isCancel = (error: unknown) => /cancel/i.test(errMsgOf(error));
const isDenied = (error: unknown) => /auth|deny|denied|permission/i.test(errMsgOf(error));

/** Picking on a map needs WeChat (in H5 it needs a Tencent map key this app does not have). */
const canPickOnMap = (): boolean => process.env.TARO_ENV === 'weapp';

export default function LocationPicker({ value, onChange, disabled, error }: LocationPickerProps) {
  const [busy, setBusy] = useState<'map' | 'here' | null>(null);
  const [problem, setProblem] = useState<{ message: string; denied: boolean } | null>(null);

  const fail = (failure: unknown, fallback: string) => {
    if (isCancel(failure)) return;
    setProblem(
      isDenied(failure) ? { message: '请允许使用位置信息后再试', denied: true } : { message: fallback, denied: false },
    );
  };

  const pickOnMap = async () => {
    setProblem(null);
    setBusy('map');
    try {
      const choice = await Taro.chooseLocation({});
      onChange(locationFromChoice(choice));
    } catch (failure) {
      fail(failure, '没能打开地图，请稍后再试');
    } finally {
      setBusy(null);
    }
  };

  const takeCurrent = async () => {
    setProblem(null);
    setBusy('here');
    try {
      // WeChat maps use GCJ-02; the browser only knows GPS (WGS-84) coordinates.
      const here = await Taro.getLocation({ type: process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02' });
      onChange({ lat: here.latitude, lng: here.longitude });
    } catch (failure) {
      fail(failure, '没能获取您的位置，请稍后再试');
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="location-picker">
      {value ? (
        <View className="location-picker__value">
          <Text className="location-picker__address">📍 {describeLocation(value)}</Text>
          <Button className="location-picker__clear" onClick={() => onChange(null)} disabled={disabled || undefined}>
            不填位置
          </Button>
        </View>
      ) : null}
      <View className="location-picker__actions">
        {canPickOnMap() ? (
          <Button
            className="location-picker__button"
            onClick={() => void pickOnMap()}
            disabled={disabled || busy !== null || undefined}
          >
            {busy === 'map' ? '正在打开地图…' : '选择位置'}
          </Button>
        ) : null}
        <Button
          className="location-picker__button"
          onClick={() => void takeCurrent()}
          disabled={disabled || busy !== null || undefined}
        >
          {busy === 'here' ? '正在定位…' : '使用当前位置'}
        </Button>
      </View>
      {problem ? <Text className="location-picker__error">{problem.message}</Text> : null}
      {problem?.denied && process.env.TARO_ENV === 'weapp' ? (
        <Button className="location-picker__button" onClick={() => void Taro.openSetting()}>
          去设置
        </Button>
      ) : null}
      {error ? <Text className="location-picker__error">{error}</Text> : null}
    </View>
  );
}
