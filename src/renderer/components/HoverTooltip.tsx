import { Tooltip, type TooltipProps } from '@mantine/core';
import { cloneElement, useCallback, useEffect, useState, type ReactElement, type Ref, type RefCallback } from 'react';

type Props = Omit<TooltipProps, 'children' | 'target' | 'opened' | 'defaultOpened' | 'events'> & {
  /** One element that takes a ref (a button, an icon button, a text). */
  children: ReactElement<{ ref?: Ref<HTMLElement> }>;
};

/** As Mantine's tooltips: a mouse or pen opens it, a finger does not (a tap is a click). */
const HOVER_POINTERS = new Set(['mouse', 'pen', '']);

/** Sets a ref as React would; a callback ref may return its own cleanup (React 19). */
function assignRef<T>(ref: Ref<T> | undefined, value: T | null): (() => void) | undefined {
  if (typeof ref === 'function') {
    const cleanup = ref(value);
    return typeof cleanup === 'function' ? cleanup : undefined;
  }
  if (ref) ref.current = value;
  return undefined;
}

/**
 * Mantine's Tooltip, mounted the first time the pointer rests on its element. A Mantine Tooltip costs a
 * floating-ui instance, a transition (with its own media query), a portal and their effects even while
 * closed; a workshop screen has twenty of them (header tools, every list item's move and remove buttons),
 * which made a large share of opening an agreement. Until then the element is rendered alone, in the same
 * place in the tree (never remounted, so focus and state stay), with two listeners. Once mounted the tooltip
 * stays, controlled here: shown while hovered (after `openDelay`), hidden on leaving and on Escape.
 */
export function HoverTooltip({ children, openDelay = 0, ...tooltip }: Props) {
  const [target, setTarget] = useState<HTMLElement | null>(null);
  const [opened, setOpened] = useState(false);
  const childRef = children.props.ref;
  const ref = useCallback<RefCallback<HTMLElement>>(
    (node) => {
      if (!node) return void assignRef(childRef, null);
      const childCleanup = assignRef(childRef, node);
      let timer: number | undefined;
      const enter = (event: PointerEvent) => {
        if (!HOVER_POINTERS.has(event.pointerType)) return;
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          setTarget(node);
          setOpened(true);
        }, openDelay);
      };
      const leave = () => {
        window.clearTimeout(timer);
        setOpened(false);
      };
      node.addEventListener('pointerenter', enter);
      node.addEventListener('pointerleave', leave);
      return () => {
        window.clearTimeout(timer);
        node.removeEventListener('pointerenter', enter);
        node.removeEventListener('pointerleave', leave);
        if (childCleanup) childCleanup();
        else assignRef(childRef, null);
        setTarget((current) => (current === node ? null : current));
      };
    },
    [childRef, openDelay],
  );
  useEffect(() => {
    if (!opened) return;
    // Dismissable without moving the pointer (WCAG 1.4.13), as Mantine's own tooltip is.
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpened(false);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [opened]);
  return (
    <>
      {cloneElement(children, { ref })}
      {target && <Tooltip {...tooltip} target={target} opened={opened} />}
    </>
  );
}
