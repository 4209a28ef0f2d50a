"use client";
import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

// False in the server's HTML and while React hydrates it, true from then on: until then the page's
// handlers are not attached, so a control that needs them must not act natively (a form would be
// submitted as a GET with its fields, a password among them, in the address).
export function useHydrated(): boolean {
  return useSyncExternalStore(noSubscription, () => true, () => false);
}
