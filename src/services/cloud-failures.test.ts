import { classifyHttpFailure, classifyWeappFailure, transportMessages } from './cloud-failures';

describe('naming a WeChat callFunction failure', () => {
  it.each([
    // The SDK wraps the service's code: what the service said decides.
    [-404011, 'cloud function service error code -501000, error message FunctionName parameter could not be found.', 'CLOUD.NOT_DEPLOYED'],
    [-404011, 'cloud function service error code -504002, error message ReferenceError: x is not defined', 'CLOUD.CRASHED'],
    [-404011, 'cloud function service error code -504002, error message Invoking task timed out after 3 seconds', 'CLOUD.TIMEOUT'],
    [-404011, 'cloud.callFunction:fail', 'CLOUD.NOT_DEPLOYED'],
    [-504002, 'functions execute fail', 'CLOUD.CRASHED'],
    [-501002, 'cloud.callFunction:fail', 'CLOUD.TIMEOUT'],
    [-404012, 'cloud.callFunction:fail', 'CLOUD.TIMEOUT'],
    [-1, 'cloud.callFunction:fail timeout', 'CLOUD.TIMEOUT'],
    [-601003, 'cloud.callFunction:fail', 'COMMON.NETWORK'],
    [-1, 'cloud.callFunction:fail request:fail', 'COMMON.NETWORK'],
    [undefined, 'cloud.callFunction:fail', 'COMMON.NETWORK'],
    [-501000, 'Environment invalid and please check your parameters', 'CLOUD.UNAVAILABLE'],
    [-501001, 'resource system error', 'CLOUD.UNAVAILABLE'],
    [-501004, 'request concurrency exceeds quota', 'CLOUD.UNAVAILABLE'],
  ] as const)('errCode %s with "%s" is %s', (errCode, errMsg, code) => {
    expect(classifyWeappFailure(errCode, errMsg)).toBe(code);
  });
});

describe('naming an H5 request failure', () => {
  it.each([
    [undefined, 'TypeError: Failed to fetch', 'COMMON.NETWORK'],
    // The request's own timer (set to the call deadline) aborts the fetch: the phone gave up.
    [undefined, 'AbortError: The user aborted a request.', 'CLOUD.GAVE_UP'],
    [404, '', 'CLOUD.NOT_DEPLOYED'],
    [500, '', 'CLOUD.CRASHED'],
    [502, '', 'CLOUD.UNAVAILABLE'],
    [503, '', 'CLOUD.UNAVAILABLE'],
    [504, '', 'CLOUD.TIMEOUT'],
  ] as const)('status %s (%s) is %s', (status, reason, code) => {
    expect(classifyHttpFailure(status, reason)).toBe(code);
  });

  it('leaves answers the function gave itself (200, 400, 413) to the envelope', () => {
    for (const status of [200, 400, 413]) expect(classifyHttpFailure(status)).toBeNull();
  });
});

it('has a distinct Chinese message for every transport failure', () => {
  const messages = Object.values(transportMessages);
  expect(new Set(messages).size).toBe(messages.length);
  for (const m of messages) expect(m).toMatch(/^[^A-Za-z]*[\u4e00-\u9fa5]/);
});
