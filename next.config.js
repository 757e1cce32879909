/** @type {import('next').NextConfig} */
const nextConfig = {
  // Next would gzip every response on the fly (a second per load for DuckDB's 34 MB wasm). The big
  // static files and data files are compressed once instead (lib/pipeline/precompress-assets.ts)
  // and served as .br/.gz by app/static-precompressed and the data routes (issue 15).
  compress: false,
  reactStrictMode: true,
  poweredByHeader: false,
  // The type check is not repeated inside `next build` (14.5 s of a 45.5 s first `npm start`):
  // `npm test` runs `tsc --noEmit -p .` and fails on any type error (tests/run-all-tests.ts).
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
