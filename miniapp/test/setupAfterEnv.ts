import '@testing-library/jest-dom'
import { resetTaroMock } from './mocks/taro'

// Every test starts with empty storage, fresh jest.fn()s and the H5 platform.
beforeEach(() => {
  process.env.TARO_ENV = 'h5'
  resetTaroMock()
})
