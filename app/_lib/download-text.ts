/**
 * Saves text as a file the user downloads (a Blob URL clicked through a temporary link), e.g. a
 * view's CSV (lib/csv rowsToCsv, UTF-8 with BOM) or the review decisions. `type` is the Blob's
 * MIME type, CSV by default. Browser only; never throws for ordinary text.
 */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  downloadParts([text], fileName, type);
}

/**
 * Saves the concatenation of `parts` as a file the user downloads, e.g. a view's CSV as UTF-8 bytes
 * in parts (lib/csv viewColumnsToCsvBytes: BOM first), so the whole text is never one string.
 * `type` is the Blob's MIME type, CSV by default. Browser only.
 */
export function downloadParts(parts: readonly BlobPart[], fileName: string, type = 'text/csv;charset=utf-8'): void {
  downloadBlob(new Blob(parts as BlobPart[], { type }), fileName);
}

/** Saves a Blob (e.g. a chart's PNG) as a file the user downloads, through a temporary Blob URL. Browser only. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
