"use client";
// The top bar's page links, with the current section marked for screen readers and the eye.
import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/", short: "Bases", long: "Bases", current: (p: string) => p === "/" || p.startsWith("/bases") },
  { href: "/syncs", short: "Syncs", long: "Syncs", current: (p: string) => p.startsWith("/syncs") },
  { href: "/tokens", short: "Tokens", long: "Personal access tokens", current: (p: string) => p.startsWith("/tokens") },
];

export function MainNavLinks() {
  const pathname = usePathname();
  return LINKS.map((link) => {
    const current = link.current(pathname);
    return (
      <Link
        key={link.href}
        href={link.href}
        aria-current={current ? "page" : undefined}
        aria-label={link.short === link.long ? undefined : link.long}
        className={`rounded-md px-2 py-1.5 text-sm hover:bg-gray-100 ${current ? "bg-gray-100 font-medium text-gray-900" : "text-gray-700"}`}
      >
        {link.short === link.long ? (
          link.long
        ) : (
          <>
            <span className="sm:hidden">{link.short}</span>
            <span className="max-sm:hidden">{link.long}</span>
          </>
        )}
      </Link>
    );
  });
}
