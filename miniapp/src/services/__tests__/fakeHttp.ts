import { taroMock } from '../../../test/mocks/taro';

/** A Taro.request answer. */
export const reply = (statusCode: number, data: unknown, header: Record<string, string> = {}) => ({
  statusCode,
  data,
  header,
  errMsg: 'request:ok',
});

export const errorBody = (code: string, message: string, field?: string) => ({
  error: { code, message, ...(field ? { field } : {}) },
});

export const citizen = {
  id: '01JCITIZEN0000000000000000',
  nickname: null,
  villageCode: null,
  phone: null,
  careMode: false,
};

/** What the last (or n-th) Taro.request call was given. */
export function requestCall(index = -1): {
  url: string;
  method: string;
  data?: unknown;
  header: Record<string, string>;
  timeout?: number;
} {
  const calls = taroMock.request.mock.calls;
  return calls[index < 0 ? calls.length + index : index][0];
}
