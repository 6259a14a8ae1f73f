/** What the page tests say about the Taro mock's requests and uploads. */
import { taroMock } from './mocks/taro';

/** One call of Taro.request, as the tests read it. */
export type RequestCall = {
  url: string;
  method?: string;
  data?: Record<string, unknown>;
  header?: Record<string, string>;
};

/** The server's answer to a Taro.request. */
export const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });

/** The POST requests made so far. */
export const posts = (): RequestCall[] =>
  taroMock.request.mock.calls.map(([call]) => call as RequestCall).filter((call) => call.method === 'POST');

/** Every Taro.uploadFile succeeds: the server keeps the photo as upload `id`. */
export function photoUploadsSucceed(id: string): void {
  taroMock.uploadFile.mockImplementation(() =>
    Promise.resolve({
      statusCode: 201,
      data: JSON.stringify({ id, kind: 'photo', contentType: 'image/jpeg', size: 1, durationSeconds: null, url: '/x' }),
    }),
  );
}
