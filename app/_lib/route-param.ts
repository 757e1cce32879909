/**
 * A dynamic route segment as the app looks it up: URL-decoded (`320813%3A%E4%BA%BA…` →
 * `320813:人民…`). A malformed escape (proxy.ts answers most with 404 first) is kept as written,
 * so the page says the report or agency is unknown instead of failing.
 */
export function decodeRouteParam(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
