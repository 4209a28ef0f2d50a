import type { Metadata, Viewport } from "next";
import { THEME_SCRIPT } from "@/components/theme/theme-script";
import { connection } from "next/server";
import { headers } from "next/headers";
import "./globals.css";

const description = "Keep a table in step with your own system: POST CSV, get a typed, synced table.";

// Images and robots.txt live in public/ (see its README). Every page also asks not to be indexed:
// robots.txt only stops crawling, a page linked from elsewhere could still be listed.
export const metadata: Metadata = {
  ...(process.env.PUBLIC_URL ? { metadataBase: new URL(process.env.PUBLIC_URL) } : {}),
  title: "Tablesync",
  description,
  robots: { index: false, follow: false },
  icons: {
    icon: [{ url: "/favicon.ico", sizes: "48x48" }, { url: "/icon.svg", type: "image/svg+xml" }],
    apple: "/apple-touch-icon.png",
  },
  manifest: "/site.webmanifest",
  openGraph: { title: "Tablesync", description, images: [{ url: "/social-preview.png", width: 1200, height: 630 }] },
  twitter: { card: "summary_large_image", images: ["/social-preview.png"] },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f9fafb" },
    { media: "(prefers-color-scheme: dark)", color: "#030712" },
  ],
};

// Every page renders per request: Next puts the request's CSP nonce (proxy.ts) on its scripts
// only while rendering, so a page prerendered at build time would have its scripts blocked.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  // The theme script runs inline before the first paint, so it carries the page's CSP nonce.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // data-theme is set by the inline script before React hydrates.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-screen bg-gray-50 text-gray-900 antialiased">{children}</body>
    </html>
  );
}
