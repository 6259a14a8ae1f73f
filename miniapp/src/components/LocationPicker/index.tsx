/**
 * Where the problem is — optional. In WeChat: pick the point on a map (在地图上选点, GCJ-02) or use
 * where the phone is now. In H5: where the browser says it is (WGS-84) and/or a typed 详细地址; an
 * address alone is a location too. Every point says its coordinate system.
 */
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { Location } from '@minqing/shared';

import './index.scss';

export interface LocationPickerProps {
  value: Location | null;
  onChange(value: Location | null): void;
  disabled?: boolean;
  error?: string;
}

const ADDRESS_MAX = 200;

/** chooseLocation's answer (GCJ-02) as a report location (address: the place's street address and name). */
export function locationFromChoice(choice: {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}): Location {
  const name = (choice.name ?? '').trim();
  const address = (choice.address ?? '').trim();
  const text = address && name && !address.includes(name) ? `${address} ${name}` : address || name;
  return {
    lat: choice.latitude,
    lng: choice.longitude,
    coordSystem: 'gcj02',
    ...(text ? { address: text.slice(0, ADDRESS_MAX) } : {}),
  };
}

/** The location with this typed address (empty: none); null when nothing is left. */
export function withTypedAddress(value: Location | null, typed: string): Location | null {
  const address = typed.slice(0, ADDRESS_MAX);
  const point =
    value?.lat !== undefined && value.lng !== undefined
      ? { lat: value.lat, lng: value.lng, ...(value.coordSystem ? { coordSystem: value.coordSystem } : {}) }
      : null;
  if (!point && !address.trim()) return null;
  return { ...point, ...(address.trim() ? { address } : {}) };
}

export function describeLocation(location: Location): string {
  return location.address || '已记录您现在所在的位置';
}

const hasPoint = (location: Location | null) => location?.lat !== undefined && location.lng !== undefined;

const errMsgOf = (error: unknown): string => (error as { errMsg?: string } | null)?.errMsg ?? '';
const isCancel = (error: unknown) => /cancel/i.test(errMsgOf(error));
const isDenied = (error: unknown) => /auth|deny|denied|permission/i.test(errMsgOf(error));

/** Picking on a map needs WeChat (in H5 it needs a Tencent map key this app does not have): H5 types the address. */
const isWeapp = (): boolean => process.env.TARO_ENV === 'weapp';

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
      const coordSystem = isWeapp() ? 'gcj02' : 'wgs84';
      const here = await Taro.getLocation({ type: coordSystem });
      const point: Location = { lat: here.latitude, lng: here.longitude, coordSystem };
      // In H5 the typed address stays beside the position.
      onChange(isWeapp() ? point : withTypedAddress(point, value?.address ?? ''));
    } catch (failure) {
      fail(failure, '没能获取您的位置，请稍后再试');
    } finally {
      setBusy(null);
    }
  };

  return (
    <View className="location-picker">
      {value && (isWeapp() || hasPoint(value)) ? (
        <View className="location-picker__value">
          <Text className="location-picker__address">
            📍 {isWeapp() ? describeLocation(value) : '已记录您现在所在的位置'}
          </Text>
          <Button className="location-picker__clear" onClick={() => onChange(null)} disabled={disabled || undefined}>
            不填位置
          </Button>
        </View>
      ) : null}
      <View className="location-picker__actions">
        {isWeapp() ? (
          <Button
            className="location-picker__button"
            onClick={() => void pickOnMap()}
            disabled={disabled || busy !== null || undefined}
          >
            {busy === 'map' ? '正在打开地图…' : '在地图上选点'}
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
      {isWeapp() ? null : (
        <Input
          className="location-picker__input"
          aria-label="详细地址"
          placeholder="详细地址（如：五一村三组王家院子旁）"
          value={value?.address ?? ''}
          maxlength={ADDRESS_MAX}
          disabled={disabled}
          onInput={(event) => onChange(withTypedAddress(value, event.detail.value))}
        />
      )}
      {problem ? <Text className="location-picker__error">{problem.message}</Text> : null}
      {problem?.denied && isWeapp() ? (
        <Button className="location-picker__button" onClick={() => void Taro.openSetting()}>
          去设置
        </Button>
      ) : null}
      {error ? <Text className="location-picker__error">{error}</Text> : null}
    </View>
  );
}
