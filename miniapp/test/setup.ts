/** Before each test file: the build-time globals Taro would define. */
process.env.TARO_ENV = 'h5';
(globalThis as { API_BASE?: string }).API_BASE = 'http://localhost:3210/api/v1';
(globalThis as { defineAppConfig?: <T>(config: T) => T }).defineAppConfig = (config) => config;
(globalThis as { definePageConfig?: <T>(config: T) => T }).definePageConfig = (config) => config;
