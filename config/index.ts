import { relative, resolve } from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { Configuration } from 'webpack';
import devConfig from './dev';
import prodConfig from './prod';

const isH5 = process.env.TARO_ENV === 'h5';
const root = resolve(__dirname, '..');
// A tool may build other sources or into another folder (scripts/bench-size.ts builds a bare app
// beside ours, and never into dist/ or dist-h5/, which the tests rebuild concurrently). Taro's kernel
// joins rather than resolves sourceRoot onto the project, so both are given relative to it.
const fromEnv = (name: string) => (process.env[name] ? relative(root, resolve(process.env[name])) : undefined);
// The shared contract lives outside src/ and must be compiled like the app's own code.
const compile = { include: [resolve(__dirname, '..', 'types')] };

type ProjectConfig = Extract<UserConfigExport<'webpack5'>, { h5?: unknown }>;
type H5Chain = Parameters<NonNullable<NonNullable<ProjectConfig['h5']>['webpackChain']>>[0];
type SplitChunks = Exclude<NonNullable<Configuration['optimization']>['splitChunks'], false | undefined>;

/**
 * Taro's H5 splitChunks only looks at `initial` chunks (webpack5-runner's H5Combination), and every page
 * is an async chunk (`import()` in the router's page list), so whatever pages share but the app entry
 * does not (zod, the Taro components, Taro.request, our services and page shell) was copied into every
 * page chunk. One chunk now holds all that two or more pages share. One, not split by which pages use
 * what: on Slow 3G each request waits 2 s and a browser opens 6 connections to a host, so the home
 * screen's 4 requests (shared and own, JS and CSS) leave room for its cloud calls, while the few KB it
 * gets that only forms use (the toast and modal APIs) cost ~0.15 s. Its own name, never Taro's
 * dev-mode `vendors`/`common`, which are initial chunks.
 */
function sharePageChunks(chain: H5Chain): void {
  const splitChunks = chain.optimization.get('splitChunks') as SplitChunks | false | undefined;
  if (!splitChunks) return;
  chain.optimization.splitChunks({
    ...splitChunks,
    cacheGroups: {
      ...splitChunks.cacheGroups,
      pageShared: { name: 'page-shared', chunks: 'async', minChunks: 2, priority: 15 },
    },
  });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'warm-village',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: fromEnv('BUILD_SOURCE_ROOT') ?? 'src',
    // Separate output folders so one build never overwrites the other.
    outputRoot: fromEnv('BUILD_OUTPUT_ROOT') ?? (isH5 ? 'dist-h5' : 'dist'),
    plugins: [],
    defineConstants: {
      // The CloudBase environment id for WeChat builds. npm run build:weapp refuses to build without
      // one (config/cloud-env.ts); only local/dev builds (the tests) leave it empty.
      CLOUD_ENV: JSON.stringify((process.env.TARO_APP_CLOUD_ENV ?? '').trim()),
      // The template the functions send subscription messages with, so the app can ask people to
      // accept one at the moments something will happen to their wish ('' asks for nothing).
      SUBSCRIBE_TEMPLATE_ID: JSON.stringify((process.env.TARO_APP_SUBSCRIBE_TEMPLATE_ID ?? '').trim()),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      webpackChain: sharePageChunks,
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, base, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
