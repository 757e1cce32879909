/** @type {import('next').NextConfig} */
const nextConfig = {
  // Serving locally: gzip of the 34 MB DuckDB wasm costs about a second per load.
  compress: false,
  reactStrictMode: true,
  poweredByHeader: false,
};

export default nextConfig;
