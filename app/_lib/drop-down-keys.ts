/**
 * Keyboard for the drop-downs built on `<details class="multi">` (the 机关/机关类型/层级 MultiSelect,
 * the 地区 tree, the 规则/级别 checklists): Escape closes the open drop-down and returns the focus to
 * its button (the `<summary>`), as the WAI-ARIA disclosure and listbox patterns expect
 * (issue 10, "drop-downs close on Escape and return focus").
 */
import type { KeyboardEvent } from 'react';

/**
 * The `onKeyDown` of a drop-down's `<details>`: on Escape while it is open, closes it, focuses its
 * `<summary>` and stops the key (an outer drop-down or dialog stays open). Other keys pass through.
 */
export function closeDropDownOnEscape(e: KeyboardEvent<HTMLDetailsElement>): void {
  const details = e.currentTarget;
  if (e.key !== 'Escape' || !details.open) return;
  e.preventDefault();
  e.stopPropagation();
  details.open = false;
  details.querySelector<HTMLElement>(':scope > summary')?.focus();
}

/** The resize listeners of the open drop-downs (removed when one closes). */
const onResize = new WeakMap<HTMLDetailsElement, () => void>();

/**
 * Keeps an open drop-down's options box on the screen: when it would stick out on the right (a
 * filter at the end of a row, a 390 px phone), it is shifted left by as much, never past the
 * screen's left edge (the box's width is capped by globals.css at the screen's width less 16 px).
 * Without this the page became wider than the screen while a drop-down was open.
 */
export function placeDropDown(details: HTMLDetailsElement): void {
  const box = details.querySelector<HTMLElement>(':scope > .multi-options');
  if (!box) return;
  box.style.left = '';
  if (!details.open) return;
  const r = box.getBoundingClientRect();
  const over = r.right - (document.documentElement.clientWidth - 8);
  if (over > 0) box.style.left = `${-Math.max(0, Math.min(over, r.left - 8))}px`;
}

/**
 * The `onToggle` of a drop-down's `<details>`: places its box on opening (after the options were
 * rendered, next frame) and again whenever the window is resized while it is open.
 */
export function placeDropDownOnToggle(e: { currentTarget: HTMLDetailsElement }): void {
  const details = e.currentTarget;
  const old = onResize.get(details);
  if (old) window.removeEventListener('resize', old);
  onResize.delete(details);
  if (!details.open) return;
  const place = () => placeDropDown(details);
  onResize.set(details, place);
  window.addEventListener('resize', place);
  requestAnimationFrame(place);
}
