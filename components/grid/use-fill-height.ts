"use client";
import { useEffect, useRef, useState } from "react";

// The grid scrolls inside the page, not with it: the view takes the viewport height below
// wherever the layout (app shell, base header, tabs) put it. Until measured, a close guess.
export function useFillHeight(initialOffset = 150) {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(`calc(100dvh - ${initialOffset}px)`);
  useEffect(() => {
    const measure = () => {
      const top = ref.current ? ref.current.getBoundingClientRect().top + window.scrollY : initialOffset;
      setHeight(`${Math.max(320, window.innerHeight - top)}px`);
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  }, [initialOffset]);
  return { ref, height };
}
