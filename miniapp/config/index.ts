import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type WebpackChain from 'webpack-chain';
import devConfig from './dev';
import prodConfig from './prod';

/** `@minqing/shared` is compiled from its TypeScript sources, so no pre-built dist is needed. */
const sharedSrc = path.resolve(__dirname, '../../shared/src');

/** Where the weapp build sends API calls (H5 always uses its own origin's /api/v1). */
const apiBase = process.env.API_BASE || 'http://localhost:3210/api/v1';

/** Subscribe-message template ids (comma-separated) from the mini-program admin site; none hides the prompt. */
const subscribeTemplateIds = process.env.SUBSCRIBE_TEMPLATE_IDS || '';

/**
 * `@minqing/shared` is one barrel: without this, importing `LIMITS` brings every zod schema (and zod)
 * into the main package. Its modules only declare, so webpack may leave out those nothing uses.
 */
function sharedWithoutSideEffects(chain: WebpackChain): void {
  chain.module.rule('shared-without-side-effects').test(/\.ts$/).include.add(sharedSrc).end().set('sideEffects', false);
}

// https://docs.taro.zone/docs/config-detail
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'minqing-321',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {
      API_BASE: JSON.stringify(apiBase),
      SUBSCRIBE_TEMPLATE_IDS: JSON.stringify(subscribeTemplateIds),
    },
    alias: {
      '@minqing/shared': path.join(sharedSrc, 'index.ts'),
      '@': path.resolve(__dirname, '../src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: [sharedSrc] },
      webpackChain(chain) {
        chain.module
          .rule('zod-globalthis')
          .test(/\.c?js$/)
          .include.add(/node_modules[\\/]zod[\\/]/)
          .end()
          .use('globalthis-fallback')
          .loader(path.resolve(__dirname, 'globalThisLoader.js'));
        sharedWithoutSideEffects(chain);
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
    h5: {
      webpackChain: sharedWithoutSideEffects,
      publicPath: '/h5/',
      staticDirectory: 'static',
      compile: { include: [sharedSrc] },
      router: { mode: 'browser', basename: '/h5' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
