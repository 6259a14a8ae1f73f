/**
 * 联系电话: so staff can call back. With a bound phone the report shows it (masked) and uses it,
 * unless the villager gives another number; without one — as in the H5 build — the field is
 * offered, filled with the number typed last time.
 */
import { useState } from 'react';
import { Button, Input, Text, View } from '@tarojs/components';
import { STORAGE_KEYS, readStored, writeStored } from '../../../services/storage';

import './ContactPhone.scss';

export const CONTACT_PHONE_LABEL = '联系电话（方便工作人员联系您）';
const PHONE_DIGITS = 11;

/** The number typed on the last report, to fill the field again. */
export const rememberedContactPhone = (): string | null => readStored<string>(STORAGE_KEYS.contactPhone);

export function rememberContactPhone(phone: string | null): void {
  if (phone) writeStored(STORAGE_KEYS.contactPhone, phone);
}

export interface ContactPhoneProps {
  /** A number typed for this report; null: the bound phone is used. */
  value: string | null;
  /** The profile's bound phone, masked (138****5678), or null. */
  boundPhone: string | null;
  onChange(phone: string | null): void;
  disabled?: boolean;
  error?: string;
}

export default function ContactPhone({ value, boundPhone, onChange, disabled, error }: ContactPhoneProps) {
  const [typing, setTyping] = useState(value !== null || !boundPhone);
  const takeBound = () => {
    setTyping(false);
    onChange(null);
  };
  return (
    <View className="contact-phone">
      <Text className="contact-phone__label">{CONTACT_PHONE_LABEL}</Text>
      {boundPhone && !typing ? (
        <View className="contact-phone__bound">
          <Text className="contact-phone__number">{boundPhone}</Text>
          <Text className="contact-phone__note">您绑定的手机号</Text>
          <Button className="contact-phone__switch" onClick={() => setTyping(true)} disabled={disabled || undefined}>
            换一个号码
          </Button>
        </View>
      ) : (
        <View>
          <Input
            className="contact-phone__input"
            type="number"
            maxlength={PHONE_DIGITS}
            value={value ?? ''}
            placeholder="手机号，可不填"
            aria-label="联系电话"
            disabled={disabled || undefined}
            onInput={(event) => onChange(event.detail.value.trim() || null)}
          />
          {boundPhone ? (
            <Button className="contact-phone__switch" onClick={takeBound} disabled={disabled || undefined}>
              用绑定的 {boundPhone}
            </Button>
          ) : null}
        </View>
      )}
      {error ? <Text className="contact-phone__error">{error}</Text> : null}
    </View>
  );
}
