'use strict';
/*
 * Makes this Node 20 process look like CloudBase's Nodejs16.13 runtime to the code it
 * loads: the globals Node 16 does not have are removed, so a bundle that leans on one
 * fails here as it would in the cloud. (Syntax is lowered by esbuild's node16 target.)
 */
const globals = [
  'fetch',
  'Headers',
  'Request',
  'Response',
  'FormData',
  'File',
  'Blob',
  'WebSocket',
  'EventSource',
  'structuredClone',
  'crypto',
  'Crypto',
  'CryptoKey',
  'SubtleCrypto',
  'DOMException',
  'BroadcastChannel',
  'CustomEvent',
  'ReadableStream',
  'ReadableStreamDefaultReader',
  'ReadableStreamBYOBReader',
  'ReadableStreamBYOBRequest',
  'ReadableByteStreamController',
  'ReadableStreamDefaultController',
  'TransformStream',
  'TransformStreamDefaultController',
  'WritableStream',
  'WritableStreamDefaultWriter',
  'WritableStreamDefaultController',
  'ByteLengthQueuingStrategy',
  'CountQueuingStrategy',
  'TextEncoderStream',
  'TextDecoderStream',
  'CompressionStream',
  'DecompressionStream',
  'navigator',
  'Navigator',
  'PerformanceEntry',
  'PerformanceMark',
  'PerformanceMeasure',
  'PerformanceObserver',
  'PerformanceObserverEntryList',
  'PerformanceResourceTiming',
  'Iterator',
];
for (const name of globals) delete globalThis[name];

// Methods newer than Node 16 (Array.prototype.findLast, toSorted…) stay: Node's own modules
// use them. The bundle tests look for them in the bundles' text instead.

if (typeof fetch !== 'undefined' || typeof structuredClone !== 'undefined') throw new Error('node16-preload: globals still present');

// Tests never reach beyond loopback: a connection anywhere else fails at once.
const net = require('net');
const connect = net.Socket.prototype.connect;
const loopback = new Set(['127.0.0.1', '::1', 'localhost']);
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  const options =
    first !== null && typeof first === 'object' ? first : { port: first, host: typeof args[1] === 'string' ? args[1] : 'localhost' };
  if (typeof options.path !== 'string' && !loopback.has(options.host || 'localhost')) {
    process.nextTick(() => this.destroy(new Error(`node16-preload: no network beyond loopback (${options.host})`)));
    return this;
  }
  return connect.apply(this, args);
};
