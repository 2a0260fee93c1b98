/**
 * JSON over the browser's own fetch, for the H5 build, which only ever talks to the local stand-in.
 * Not Taro.request: its H5 flavour bundles fetch, AbortController and JSONP polyfills (22 KB minified,
 * on the home screen's critical path) for browsers that cannot run the rest of the H5 build anyway.
 */
export interface HttpAnswer {
  status: number;
  /** The parsed JSON body; null when there was none or it was not JSON. */
  data: unknown;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  body?: unknown;
  headers?: Record<string, string>;
  /** Aborts the fetch itself after this long, so a stalled connection is not left open. */
  timeoutMs?: number;
}

export async function httpJson(url: string, req: HttpRequest): Promise<HttpAnswer> {
  const abort = new AbortController();
  const timer = req.timeoutMs === undefined ? undefined : setTimeout(() => abort.abort(), req.timeoutMs);
  try {
    const res = await fetch(url, {
      method: req.method,
      headers: req.body === undefined ? req.headers : { 'content-type': 'application/json', ...req.headers },
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      signal: abort.signal,
    });
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      // Not JSON (a proxy's error page): the status says what happened.
    }
    return { status: res.status, data };
  } finally {
    clearTimeout(timer);
  }
}
