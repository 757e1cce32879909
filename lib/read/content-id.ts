/**
 * The stable id of a report: a hash of its file's bytes, computed with WebCrypto (`crypto.subtle`,
 * in browsers and in Node 20 alike), so that the ingest and an upload of the same file agree.
 */

/**
 * The first 16 hex digits of the SHA-256 of `bytes` (the report id, see Report.report_id).
 * Rejects only if WebCrypto is unavailable (a non-secure browser context).
 */
export async function contentId(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes as unknown as ArrayBuffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('').slice(0, 16);
}

/**
 * The id of a file that could not be read (too large, unreadable): the hash of its name's UTF-8
 * bytes, so that its record still has a stable id.
 */
export function nameId(name: string): Promise<string> {
  return contentId(new TextEncoder().encode(name));
}
