import { ActionIcon, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';

/** An icon-only button: the label is both its accessible name and its tooltip, so they never drift apart. */
export function RowAction({ label, onClick, color, children }: { label: string; onClick: () => void; color?: string; children: ReactNode }) {
  return (
    <Tooltip label={label} openDelay={300} withArrow>
      <ActionIcon variant="subtle" color={color ?? 'gray'} size="lg" aria-label={label} onClick={onClick}>
        {children}
      </ActionIcon>
    </Tooltip>
  );
}
