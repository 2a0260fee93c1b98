/**
 * The environment a CloudBase (SCF) Node.js function runs with, as far as node-sdk
 * 3.18.3 reads it: TENCENTCLOUD_RUNENV=SCF makes it use the platform's temporary keys and
 * skip the metadata lookup (src/utils/cloudplatform.ts), TCB_ENV is the environment that
 * SYMBOL_CURRENT_ENV stands for, and TCB_CONTEXT_CNFG's URL is where every request goes.
 * The keys are fake; only the fake gateway ever sees them.
 */
export const ENV_ID = 'env-test-1a2b3c';

export const functionEnv = (gatewayUrl: string): Record<string, string> => ({
  TENCENTCLOUD_RUNENV: 'SCF',
  SCF_NAMESPACE: ENV_ID,
  TCB_ENV: ENV_ID,
  TENCENTCLOUD_REGION: 'ap-shanghai',
  TENCENTCLOUD_SECRETID: 'AKIDfunctiontemporarykey',
  TENCENTCLOUD_SECRETKEY: 'function-temporary-secret',
  TENCENTCLOUD_SESSIONTOKEN: 'function-session-token',
  TCB_CONTEXT_CNFG: JSON.stringify({ URL: gatewayUrl }),
  // The cloud-call tokens: WX_API_TOKEN for client calls, WX_TRIGGER_API_TOKEN_V0 for timers (src/utils/wxCloudToken.ts).
  WX_API_TOKEN: 'wx-api-token-client',
  WX_TRIGGER_API_TOKEN_V0: 'wx-api-token-timer',
  SILENCE: 'true',
});
