import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: "Tablesync",
  description: "Keep a table in step with your own system: POST CSV, get a typed, synced table.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page renders per request: Next puts the request's CSP nonce (proxy.ts) on its scripts
// only while rendering, so a page prerendered at build time would have its scripts blocked.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased">{children}</body>
    </html>
  );
}
