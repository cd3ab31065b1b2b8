import { Paper, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  description?: string;
  children: ReactNode;
  /** A tinted panel for the part of a step the group must not skip (the SQL criteria, say). */
  highlight?: boolean;
}

/**
 * One titled part of a step's form. A named <section> is a landmark (role=region), so screen readers and
 * end-to-end tests can jump to "The ideal company" or "Buyer personas" directly. Shared by the steps
 * participants to protocol.
 */
export function StepSection({ title, description, children, highlight }: Props) {
  const id = useId();
  return (
    <Paper
      withBorder
      radius="lg"
      p="lg"
      component="section"
      aria-labelledby={id}
      className="step-section"
      bg={highlight ? 'teal.0' : undefined}
      style={highlight ? { borderColor: 'var(--mantine-color-teal-3)' } : undefined}
    >
      <Stack gap={4} mb="md">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {description && (
          <Text size="sm" c="dimmed">
            {description}
          </Text>
        )}
      </Stack>
      {children}
    </Paper>
  );
}
