import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Link, useLocation } from './router.js';

export interface NavItem {
  href: string;
  title: string;
  /** Opens outside the console (a new tab). */
  external?: boolean;
  /** The paths this link stands for too (its tabs): it is marked current on each of them. */
  section?: readonly string[];
}

/**
 * The console's main navigation. On a narrow screen (below the `64rem` breakpoint of app.css) the links
 * fold into a menu behind a disclosure button: Escape or a click outside closes it, and Escape gives the
 * focus back to the button; following a link closes it. On a wide screen the button is not rendered
 * (display: none) and the links show in the top bar.
 */
export function MainNav({ items }: { items: NavItem[] }) {
  const [open, setOpen] = useState(false);
  const navRef = useRef<HTMLElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const { pathname } = useLocation();

  // A link followed (or the back button) closes the menu.
  useEffect(() => setOpen(false), [pathname]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!navRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape' || !open) return;
    event.preventDefault();
    setOpen(false);
    buttonRef.current?.focus();
  };

  return (
    <nav ref={navRef} aria-label="Main" className="main-nav" data-state={open ? 'open' : 'closed'} onKeyDown={onKeyDown}>
      <button
        ref={buttonRef}
        type="button"
        className="nav-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((value) => !value)}
      >
        <span aria-hidden="true" className="nav-toggle-icon">
          ☰
        </span>
        Menu
      </button>
      <ul id={listId} className="nav-links">
        {items.map((item) => (
          <li key={item.href}>
            {item.external ? (
              <a href={item.href} target="_blank" rel="noreferrer" onClick={() => setOpen(false)}>
                {item.title}
              </a>
            ) : (
              <Link
                href={item.href}
                {...(item.section?.includes(pathname) && { 'aria-current': pathname === item.href ? 'page' : 'true' })}
              >
                {item.title}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
