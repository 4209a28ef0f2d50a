import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // pg and its COPY stream are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ["pg", "pg-copy-streams"],
};

export default nextConfig;
