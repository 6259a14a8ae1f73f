import '@testing-library/jest-dom';
import { resetTaroMock, wechatLimitProblems } from './mocks/taro';

// Every test starts with empty storage, fresh jest.fn()s and the H5 platform.
beforeEach(() => {
  process.env.TARO_ENV = 'h5';
  resetTaroMock();
});

// A dialog WeChat would refuse (a 5-character button, a 7-item action sheet) fails the test that opened it.
afterEach(() => {
  const problems = wechatLimitProblems();
  if (problems.length > 0) throw new Error(`WeChat would refuse or cut off:\n${problems.join('\n')}`);
});
