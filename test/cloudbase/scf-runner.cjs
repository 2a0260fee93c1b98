'use strict';
/*
 * One warm CloudBase function container: loads a built bundle once (like SCF's
 * `index.main`), then runs one invocation per message from the parent. For each
 * invocation it sets the per-call variables in process.env, where node-sdk reads
 * TRIGGER_SRC and the cloud-call token (src/utils/wxCloudToken.ts), and passes them as
 * the context's `environment` JSON, where getCloudbaseContext(context) reads
 * WX_OPENID and TRIGGER_SRC (src/utils/tcbcontext.ts).
 */
const started = process.hrtime.bigint();
const { main } = require(process.argv[2]);
const loadMs = Number(process.hrtime.bigint() - started) / 1e6;

let previous = [];
let n = 0;
process.on('message', async ({ id, event, environment }) => {
  for (const key of previous) delete process.env[key];
  Object.assign(process.env, environment);
  previous = Object.keys(environment);
  const context = {
    request_id: `req-${++n}`,
    function_name: process.env.SCF_FUNCTIONNAME || 'fn',
    namespace: process.env.SCF_NAMESPACE,
    memory_limit_in_mb: 256,
    time_limit_in_ms: 60000,
    environment: JSON.stringify(environment),
  };
  try {
    process.send({ id, result: await main(event, context) });
  } catch (e) {
    process.send({ id, thrown: String((e && e.stack) || e) });
  }
});
process.send({ ready: true, loadMs });
