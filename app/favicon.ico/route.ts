/**
 * GET /favicon.ico — browsers ask for it on any document that names no icon (an SVG or a CSV opened
 * directly, the review chain's version-1 store page). The app's icon is app/icon.svg (Next serves it
 * at /icon.svg and names it in every page): this answers with a permanent redirect there, instead
 * of a 404 that the browser reports as a console error.
 */
export const dynamic = 'force-static';

/** 308 to /icon.svg, as a relative Location (the host the browser used; the favicon loader follows it). */
export function GET(): Response {
  return new Response(null, { status: 308, headers: { location: '/icon.svg' } });
}
