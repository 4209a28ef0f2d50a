import type { NextConfig } from "next";
import { FIXED_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Airtable's clients send "/v0/{base}/{table}/" for writes; the API answers it, never a 308.
  skipTrailingSlashRedirect: true,
  // pg and its COPY stream are Node libraries; keep them out of the server bundle.
  serverExternalPackages: ["pg", "pg-copy-streams"],
  async headers() {
    return [{ source: "/:path*", headers: Object.entries(FIXED_SECURITY_HEADERS).map(([key, value]) => ({ key, value })) }];
  },
};

export default nextConfig;
