import { relative, resolve } from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import type { Chunk, ChunkGraph, Configuration, Module } from 'webpack';
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
 * does not (zod, the Taro components, our services and page shell) was copied into every page chunk.
 * Two chunks now hold what two or more pages share: `page-shared`, what the home page shares with
 * others, and `form-shared`, the rest (inputs, the image picker and its user-agent sniffing, drafts).
 * On Slow 3G each request waits 2 s and all share ~60 KB/s, so the home screen fetches only the bytes
 * it draws with; a form page's extra request runs alongside its others. Our own names, never Taro's
 * dev-mode `vendors`/`common`, which are initial chunks.
 */
function sharePageChunks(homePage: string) {
  return (chain: H5Chain): void => {
    const splitChunks = chain.optimization.get('splitChunks') as SplitChunks | false | undefined;
    if (!splitChunks) return;
    const shared = { chunks: 'async', minChunks: 2 } as const;
    chain.optimization.splitChunks({
      ...splitChunks,
      cacheGroups: {
        ...splitChunks.cacheGroups,
        pageShared: { ...shared, name: 'page-shared', priority: 16, test: usedByPage(homePage) },
        formShared: { ...shared, name: 'form-shared', priority: 15 },
      },
    });
  };
}

type SplitTest = (module: Module, context: { chunkGraph: ChunkGraph }) => boolean;

/** Whether a module goes into a chunk that holds the page module at `pagePath` (no extension). */
function usedByPage(pagePath: string): SplitTest {
  const holdsPage = new WeakMap<Chunk, boolean>();
  const isPage = (m: Module) => /^(.*!)?(.*)\.[jt]sx?$/.exec(m.nameForCondition() ?? '')?.[2] === pagePath;
  return (module, { chunkGraph }) =>
    [...chunkGraph.getModuleChunksIterable(module)].some((chunk) => {
      let holds = holdsPage.get(chunk);
      if (holds === undefined) {
        holds = [...chunkGraph.getChunkModulesIterable(chunk)].some(isPage);
        holdsPage.set(chunk, holds);
      }
      return holds;
    });
}

export default defineConfig<'webpack5'>(async (merge) => {
  const sourceRoot = fromEnv('BUILD_SOURCE_ROOT') ?? 'src';
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'warm-village',
    date: '2026-11-24',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot,
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
      // Voice input and reading aloud through the 微信同声传译 plugin, only in a build that declares
      // it (src/app.config.ts): without this the pages never call requirePlugin, plugin or not.
      WECHAT_SI_PLUGIN: JSON.stringify(process.env.TARO_ENV === 'weapp' && process.env.WECHAT_SI_PLUGIN === '1'),
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
      webpackChain: sharePageChunks(resolve(root, sourceRoot, 'pages', 'index', 'index')),
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, base, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
