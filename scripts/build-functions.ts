import { build, type Plugin } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { contracts } from '../types';
import { SECURITY_MSG_SEC_CHECK } from '../cloudfunctions/core/adapters/cloudbase-content-check';
import { SUBSCRIBE_SEND } from '../cloudfunctions/core/adapters/cloudbase-notifier';
import { WXACODE_GET_UNLIMITED } from '../cloudfunctions/core/adapters/cloudbase-qr-codes';

/** The repository, whatever the working directory: the bundle tests build from jest. */
const ROOT = resolve(__dirname, '..');

export const OUT_DIR = join(ROOT, 'build/functions');

/** CloudBase's longest timeout: a timer walks a whole county (100,000 households) and needs all of it. */
export const TIMER_TIMEOUT_S = 60;

/**
 * The cloud-call APIs each function may use: every one may nudge by subscription message (its
 * notifier), users draws the 小程序码 of invites, and wishes, tasks (a reported event's note) and
 * visits (a visit's answers) check user text before others read it (security.msgSecCheck). WeChat refuses an API a function's
 * config.json does not list (-604101).
 */
export const OPENAPI_PERMISSIONS: Record<keyof typeof contracts, readonly string[]> = {
  users: [SUBSCRIBE_SEND, WXACODE_GET_UNLIMITED],
  wishes: [SUBSCRIBE_SEND, SECURITY_MSG_SEC_CHECK],
  inbox: [SUBSCRIBE_SEND],
  tasks: [SUBSCRIBE_SEND, SECURITY_MSG_SEC_CHECK],
  visits: [SUBSCRIBE_SEND, SECURITY_MSG_SEC_CHECK],
  consults: [SUBSCRIBE_SEND, SECURITY_MSG_SEC_CHECK],
  // Every post and reply on the message board is checked (scene 3, 论坛) before the village reads it.
  board: [SUBSCRIBE_SEND, SECURITY_MSG_SEC_CHECK],
  // notices: announcements are checked before villagers read them, and warnings nudge by subscription message.
  notices: [SUBSCRIBE_SEND, SECURITY_MSG_SEC_CHECK],
};

interface Trigger {
  name: string;
  type: 'timer';
  config: string;
}

interface FunctionConfig {
  name: string;
  runtime: string;
  timeout: number;
  memorySize: number;
  triggers?: Trigger[];
  envVariables?: Record<string, string>;
}

export const readCloudbaserc = (file = join(ROOT, 'cloudbaserc.json')) =>
  JSON.parse(readFileSync(file, 'utf8')) as { functions: FunctionConfig[] };

/** The triggers a function's contract declares, as cloudbaserc.json and config.json spell them. */
export const triggersOf = (name: keyof typeof contracts): Trigger[] =>
  ((contracts[name] as { timers?: readonly { name: string; cron: string }[] }).timers ?? []).map((t) => ({
    name: t.name,
    type: 'timer',
    config: t.cron,
  }));

const byName = (ts: Trigger[]) => JSON.stringify([...ts].sort((a, b) => a.name.localeCompare(b.name)));

/**
 * Deployment settings live in cloudbaserc.json; they must agree with the contracts, or a
 * timer would silently never fire (or fire and find no implementation), and a timer
 * needs the whole of CloudBase's time limit.
 */
export function checkDeploymentConfig(config = readCloudbaserc()): FunctionConfig[] {
  const { functions } = config;
  const problems: string[] = [];
  for (const name of Object.keys(contracts) as (keyof typeof contracts)[]) {
    const fn = functions.find((f) => f.name === name);
    if (!fn) {
      problems.push(`cloudbaserc.json does not list function ${name}`);
      continue;
    }
    const declared = triggersOf(name);
    if (byName(fn.triggers ?? []) !== byName(declared)) {
      problems.push(`cloudbaserc.json triggers of ${name} differ from its contract's timers: want ${byName(declared)}`);
    }
    if (declared.length > 0 && fn.timeout !== TIMER_TIMEOUT_S) {
      problems.push(`${name} has timers, so its timeout must be ${TIMER_TIMEOUT_S} s, not ${fn.timeout} s`);
    }
    if (!existsSync(join(ROOT, 'cloudfunctions', name, 'index.ts'))) problems.push(`cloudfunctions/${name}/index.ts is missing`);
  }
  for (const f of functions) if (!(f.name in contracts)) problems.push(`cloudbaserc.json lists ${f.name}, which has no contract`);
  if (problems.length) throw new Error(problems.join('\n'));
  return functions;
}

/*
 * What of the CloudBase SDK the functions never reach is left out of their bundles: 94% of
 * a bundle was SDK, and compiling it dominated a cold start. Each entry is reachable only
 * through an API the functions do not call; its stand-in throws, naming itself, if one
 * ever is, so a new use fails loudly in the bundle tests (test/cloudbase) instead of
 * silently. Those tests run the bundles against a fake CloudBase over HTTP.
 */
export const LEFT_OUT_PACKAGES: Record<string, string> = {
  '@cloudbase/wx-cloud-client-sdk': 'data models and MySQL (app.models, app.mysql)',
  axios: 'app.requestClient, and the metadata lookup node-sdk makes only outside a cloud function',
  'mime-types': "form-data's content type for files; the cloud call posts strings and a Buffer",
  'http-proxy-agent': 'the proxy option',
  'https-proxy-agent': 'the proxy option',
};

export const LEFT_OUT_FILES: Record<string, string> = {
  '@cloudbase/node-sdk/dist/ai/index.js': 'app.ai() (@cloudbase/ai, @cloudbase/app, web-streams-polyfill)',
  '@cloudbase/node-sdk/dist/auth/index.js': 'app.auth() (jsonwebtoken)',
  '@cloudbase/node-sdk/dist/functions/index.js': 'app.callFunction()',
  '@cloudbase/node-sdk/dist/cloudrun/index.js': 'app.callContainer()',
  '@cloudbase/node-sdk/dist/analytics/index.js': 'app.analytics()',
  '@cloudbase/node-sdk/dist/notification/index.js': 'app.sendTemplateNotification()',
  '@cloudbase/database/dist/commonjs/realtime/websocket-client.js': 'watch() (realtime)',
};

/**
 * Packages one function never reaches although its imports lead there, left out of its bundle the
 * same way. lunar-typescript (about 330 KB minified) dates the festivals; only the tasks timer makes
 * festival tasks, while visits reaches the task engine for what a visit settles.
 */
export const LEFT_OUT_BY_FUNCTION: Partial<Record<keyof typeof contracts, Record<string, string>>> = {
  visits: { 'lunar-typescript': 'festival dates (core/domain/festivals.ts): only the tasks timer makes festival tasks' },
};

/** Stand-ins that throw, naming themselves, for packages a function's bundle leaves out. */
function leaveOut(packages: Record<string, string>): Plugin {
  if (Object.keys(packages).length === 0) return { name: 'leave-out', setup: () => undefined };
  const filter = new RegExp(
    `^(${Object.keys(packages)
      .map((p) => p.replace(/[/.-]/g, '\\$&'))
      .join('|')})$`,
  );
  return {
    name: 'leave-out',
    setup(b) {
      b.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'left-out-here', pluginData: packages[args.path] }));
      b.onLoad({ filter: /.*/, namespace: 'left-out-here' }, (args) => ({
        contents: stub(args.path, args.pluginData as string),
        loader: 'js',
      }));
    },
  };
}

/** @cloudbase/database uses nothing of bson but EJSON, whose module leaves out the binary (de)serialiser. */
const ejsonOnly = () => {
  const ejson = require.resolve('bson/lib/extended_json', { paths: [require.resolve('@cloudbase/database')] });
  return `exports.EJSON = require(${JSON.stringify(ejson)}).EJSON;`;
};

const stub = (name: string, why: string) => `'use strict';
const fail = () => { throw new Error(${JSON.stringify(`${name} is left out of this bundle (scripts/build-functions.ts: ${why})`)}); };
const stub = new Proxy(function () {}, {
  get: (_, key) => (key === '__esModule' || key === 'then' || typeof key === 'symbol' ? undefined : stub),
  apply: fail,
  construct: fail,
});
module.exports = stub;`;

/** node-sdk reads its version from its package.json at run time, which a bundle does not carry: it would say `unknow`. */
const sdkVersion = () => {
  const { version } = JSON.parse(readFileSync(require.resolve('@cloudbase/node-sdk/package.json'), 'utf8')) as { version: string };
  return `exports.version = ${JSON.stringify(version)};`;
};

function resolveRelative(dir: string, path: string): string | null {
  for (const candidate of [`${path}.js`, `${path}/index.js`, path]) {
    const full = resolve(dir, candidate);
    if (existsSync(full) && statSync(full).isFile()) return full;
  }
  return null;
}

export function slimCloudbaseSdk(): Plugin {
  const files = new Map(Object.entries(LEFT_OUT_FILES).map(([m, why]) => [require.resolve(m), { name: m, why }]));
  const packages = new RegExp(
    `^(${Object.keys(LEFT_OUT_PACKAGES)
      .map((p) => p.replace(/[/.-]/g, '\\$&'))
      .join('|')})$`,
  );
  const sdkRelative = /^\.\.?\/(?:\.\.\/)*(ai|auth|functions|cloudrun|analytics|notification|realtime\/websocket-client)$/;
  return {
    name: 'slim-cloudbase-sdk',
    setup(b) {
      b.onResolve({ filter: packages }, (args) => ({ path: args.path, namespace: 'left-out', pluginData: LEFT_OUT_PACKAGES[args.path] }));
      b.onResolve({ filter: sdkRelative }, (args) => {
        const full = resolveRelative(args.resolveDir, args.path);
        const hit = full ? files.get(full) : undefined;
        return hit ? { path: hit.name, namespace: 'left-out', pluginData: hit.why } : undefined;
      });
      b.onResolve({ filter: /^bson$/ }, () => ({ path: 'bson', namespace: 'ejson-only' }));
      b.onResolve({ filter: /^\.\/(utils\/)?version$/ }, (args) =>
        resolveRelative(args.resolveDir, args.path) === require.resolve('@cloudbase/node-sdk/dist/utils/version.js')
          ? { path: 'version', namespace: 'sdk-version' }
          : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({ contents: stub(args.path, args.pluginData as string), loader: 'js' }));
      b.onLoad({ filter: /.*/, namespace: 'sdk-version' }, () => ({ contents: sdkVersion(), loader: 'js' }));
      b.onLoad({ filter: /.*/, namespace: 'ejson-only' }, () => ({ contents: ejsonOnly(), loader: 'js', resolveDir: process.cwd() }));
    },
  };
}

/** WeChat DevTools reads triggers and cloud-call permissions from config.json when it uploads a function. */
export const devtoolsConfig = (name: keyof typeof contracts) => ({
  permissions: { openapi: OPENAPI_PERMISSIONS[name] },
  triggers: triggersOf(name),
});

/**
 * Bundles every function into <outDir>/<name>/: index.js (everything inlined), package.json,
 * config.json. `slim: false` keeps the whole SDK, for the benchmark's comparison only.
 */
export async function buildFunctions({ quiet = false, outDir = OUT_DIR, slim = true } = {}): Promise<{ name: string; bytes: number }[]> {
  const started = Date.now();
  const functions = checkDeploymentConfig();
  rmSync(outDir, { recursive: true, force: true });
  const sizes: { name: string; bytes: number }[] = [];
  for (const fn of functions) {
    const dir = join(outDir, fn.name);
    mkdirSync(dir, { recursive: true });
    await build({
      entryPoints: [join(ROOT, 'cloudfunctions', fn.name, 'index.ts')],
      outfile: join(dir, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // CloudBase runs Nodejs16.13: esbuild lowers syntax, and the bundle tests remove the globals Node 16 lacks.
      target: 'node16',
      minify: true,
      legalComments: 'none',
      logLevel: 'error',
      plugins: slim ? [slimCloudbaseSdk(), leaveOut(LEFT_OUT_BY_FUNCTION[fn.name as keyof typeof contracts] ?? {})] : [],
    });
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: fn.name, version: '1.0.0', private: true, main: 'index.js' }, null, 2));
    writeFileSync(join(dir, 'config.json'), JSON.stringify(devtoolsConfig(fn.name as keyof typeof contracts), null, 2));
    sizes.push({ name: fn.name, bytes: statSync(join(dir, 'index.js')).size });
  }
  if (!quiet) {
    for (const s of sizes) console.log(`${relative(process.cwd(), join(outDir, s.name, 'index.js'))}  ${(s.bytes / 1024).toFixed(1)} KB`);
    console.log(`${sizes.length} functions bundled in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  return sizes;
}

if (require.main === module) {
  buildFunctions().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
