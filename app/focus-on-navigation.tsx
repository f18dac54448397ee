'use client';
import { usePathname } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * After a move to another page (sign-in, a link, a redirect) the browser leaves focus on the body,
 * so a keyboard or screen-reader user starts again at the top: focus goes to the new page's heading
 * instead. A page that focused something of its own (the result of an action) keeps that.
 */
export function FocusOnNavigation() {
  const pathname = usePathname();
  const shown = useRef(pathname);
  useEffect(() => {
    if (shown.current === pathname) return;
    shown.current = pathname;
    const frame = requestAnimationFrame(() => {
      const lost = document.activeElement === null || document.activeElement === document.body;
      const heading = document.querySelector<HTMLElement>('#inhalt h1');
      if (!lost || !heading) return;
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
  return null;
}
