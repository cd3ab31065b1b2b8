import { Box, Group, Text } from '@mantine/core';
import { IconArrowRight, IconArrowsExchange, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../../../store/appStore';

type Side = 'marketing' | 'sales';
const TINT: Record<Side, string> = { marketing: 'indigo', sales: 'teal' };

interface Stage {
  name: string;
  index: number;
}

/**
 * One team's side of the funnel: a tinted band with the team's name and its stages in order. Bands share
 * the row in proportion to their stages and wrap their own pills, so both sides stay side by side.
 */
function Zone({ side, stages, handoffIndex }: { side: Side | null; stages: Stage[]; handoffIndex: number }) {
  const { t } = useTranslation();
  const tint = side ? TINT[side] : 'gray';
  return (
    <Box
      p="xs"
      style={{ borderRadius: 'var(--mantine-radius-md)', background: `var(--mantine-color-${tint}-0)`, border: `1px solid var(--mantine-color-${tint}-2)`, flex: `${stages.length} 1 0`, minWidth: 200 }}
    >
      {side && (
        <Text size="xs" fw={700} tt="uppercase" c={`${tint}.9`} mb={6} style={{ letterSpacing: 0.5 }}>
          {t(`common.teams.${side}`)}
        </Text>
      )}
      <Group component="ol" gap={6} m={0} p={0} preventGrowOverflow={false} style={{ listStyle: 'none' }}>
        {stages.map(({ name, index }, i) => {
          const isHandoff = index === handoffIndex;
          return (
            // The chevron belongs to the stage it points at, so a wrapped line starts with "› Customer".
            <Group key={index} component="li" gap={6} wrap="nowrap">
              {i > 0 && <IconChevronRight size={14} color={`var(--mantine-color-${tint}-4)`} aria-hidden />}
              <Group
                gap={6}
                wrap="nowrap"
                px="sm"
                py={4}
                style={{
                  borderRadius: 'var(--mantine-radius-sm)',
                  background: isHandoff ? 'var(--mantine-color-teal-9)' : 'white',
                  color: isHandoff ? 'white' : `var(--mantine-color-${tint}-9)`,
                  border: `1px solid var(--mantine-color-${isHandoff ? 'teal-9' : `${tint}-2`})`,
                }}
              >
                {isHandoff && <IconArrowsExchange size={16} aria-hidden />}
                <Text span size="sm" fw={isHandoff ? 700 : 500} c="inherit">
                  {name}
                </Text>
                {isHandoff && (
                  <Text span size="xs" fw={600} c="inherit" tt="uppercase">
                    {t('steps.handoff.strip.handoff')}
                  </Text>
                )}
              </Group>
            </Group>
          );
        })}
      </Group>
    </Box>
  );
}

/**
 * The funnel from marketing to sales with the handoff stage marked (presentational only). The sides follow
 * the chosen handoff stage, not each stage's owning team: what the room needs to see is where the lead
 * changes hands.
 */
export function HandoffStrip() {
  const { t } = useTranslation();
  const names = useAppStore(useShallow((s) => (s.session?.draft.lifecycle.stages ?? []).map((st) => st.name)));
  const handoffIndex = useAppStore((s) => {
    const d = s.session?.draft;
    return d ? d.lifecycle.stages.findIndex((st) => st.id === d.handoff.stageId) : -1;
  });
  const stages = names.map((name, index) => ({ name: name.trim() || t('steps.lifecycle.stages.itemN', { n: index + 1 }), index }));
  if (stages.length === 0) return null;

  return (
    <Box role="group" aria-label={t('steps.handoff.strip.label')}>
      {handoffIndex < 0 ? (
        <>
          <Zone side={null} stages={stages} handoffIndex={-1} />
          <Text size="sm" c="dimmed" mt="xs">
            {t('steps.handoff.strip.noStage')}
          </Text>
        </>
      ) : (
        // Without preventGrowOverflow={false} Mantine caps each zone at half the width and the bands wrap early.
        <Group gap="xs" align="center" wrap="wrap" preventGrowOverflow={false}>
          {handoffIndex > 0 && (
            <>
              <Zone side="marketing" stages={stages.slice(0, handoffIndex)} handoffIndex={handoffIndex} />
              <IconArrowRight size={20} color="var(--mantine-color-gray-6)" aria-hidden />
            </>
          )}
          <Zone side="sales" stages={stages.slice(handoffIndex)} handoffIndex={handoffIndex} />
        </Group>
      )}
    </Box>
  );
}
