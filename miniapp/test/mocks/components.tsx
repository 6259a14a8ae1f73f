/**
 * `@tarojs/components` for jest: plain DOM elements with Taro's event shapes
 * (onInput/onConfirm/onBlur → `{detail: {value}}`, Switch/Checkbox onChange → `{detail: {value}}`).
 * Taro-only props (hoverClass, openType, …) are dropped so React does not warn.
 */
import { createElement, Fragment, type ChangeEvent, type CSSProperties, type ReactNode } from 'react';

type Props = Record<string, unknown> & { children?: ReactNode };

const DOM_EVENTS = [
  'onClick',
  'onTouchStart',
  'onTouchMove',
  'onTouchEnd',
  'onTouchCancel',
  'onFocus',
  'onLoad',
  'onError',
  'onScroll',
];

/** Keeps what a DOM element understands: ids, classes, style, aria/data attributes and DOM events. */
function domProps(props: Props): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) {
    if (key === 'children') continue;
    if (
      ['className', 'id', 'role', 'title', 'src', 'alt', 'placeholder', 'disabled', 'type', 'name', 'href'].includes(
        key,
      )
    )
      result[key] = value;
    else if (key === 'style') result.style = typeof value === 'string' ? undefined : (value as CSSProperties);
    else if (key.startsWith('aria-') || key.startsWith('data-')) result[key] = value;
    else if (DOM_EVENTS.includes(key)) result[key] = value;
    else if (key === 'onLongPress') result.onContextMenu = value;
  }
  return result;
}

const element = (tag: string, displayName: string) => {
  const Component = (props: Props) => createElement(tag, domProps(props), props.children);
  Component.displayName = displayName;
  return Component;
};

type Handler = (event: { detail: { value: unknown } }) => void;
const call = (handler: unknown, value: unknown) => {
  if (typeof handler === 'function') (handler as Handler)({ detail: { value } });
};

function textField(tag: 'input' | 'textarea', displayName: string) {
  const Component = (props: Props) =>
    createElement(tag, {
      ...domProps(props),
      value: props.value ?? undefined,
      maxLength: typeof props.maxlength === 'number' && props.maxlength >= 0 ? props.maxlength : undefined,
      type: tag === 'input' ? (props.password ? 'password' : 'text') : undefined,
      onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => call(props.onInput, event.target.value),
      onBlur: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => call(props.onBlur, event.target.value),
      onKeyDown: (event: { key: string; currentTarget: { value: string } }) => {
        if (event.key === 'Enter') call(props.onConfirm, event.currentTarget.value);
      },
    });
  Component.displayName = displayName;
  return Component;
}

function checkable(displayName: string, role: string) {
  const Component = (props: Props) =>
    createElement('input', {
      ...domProps(props),
      type: 'checkbox',
      role,
      checked: Boolean(props.checked),
      onChange: (event: ChangeEvent<HTMLInputElement>) => call(props.onChange, event.target.checked),
    });
  Component.displayName = displayName;
  return Component;
}

export const View = element('div', 'View');
export const Text = element('span', 'Text');
export const Button = element('button', 'Button');
export const Image = element('img', 'Image');
export const ScrollView = element('div', 'ScrollView');
export const Swiper = element('div', 'Swiper');
export const SwiperItem = element('div', 'SwiperItem');
export const Navigator = element('a', 'Navigator');
export const Form = element('form', 'Form');
export const Label = element('label', 'Label');
export const Icon = element('i', 'Icon');
export const Progress = (props: Props) =>
  createElement('progress', { ...domProps(props), value: Number(props.percent ?? 0), max: 100 });
export const Video = element('video', 'Video');
export const Audio = element('audio', 'Audio');
export const Map = element('div', 'Map');
export const Canvas = element('canvas', 'Canvas');
export const Picker = element('div', 'Picker');
export const PickerView = element('div', 'PickerView');
export const PickerViewColumn = element('div', 'PickerViewColumn');
export const MovableArea = element('div', 'MovableArea');
export const MovableView = element('div', 'MovableView');
export const CoverView = element('div', 'CoverView');
export const CoverImage = element('img', 'CoverImage');
export const RadioGroup = element('div', 'RadioGroup');
export const CheckboxGroup = element('div', 'CheckboxGroup');
export const Radio = checkable('Radio', 'radio');
export const Checkbox = checkable('Checkbox', 'checkbox');
export const Switch = checkable('Switch', 'switch');
export const Input = textField('input', 'Input');
export const Textarea = textField('textarea', 'Textarea');
export const Slider = (props: Props) =>
  createElement('input', {
    ...domProps(props),
    type: 'range',
    value: Number(props.value ?? 0),
    onChange: (event: ChangeEvent<HTMLInputElement>) => call(props.onChange, Number(event.target.value)),
  });
/** Renders string `nodes` as HTML (as the real RichText does). */
export const RichText = (props: Props) =>
  createElement('div', {
    ...domProps(props),
    dangerouslySetInnerHTML: { __html: typeof props.nodes === 'string' ? props.nodes : '' },
  });
export const Block = (props: Props) => createElement(Fragment, null, props.children);
