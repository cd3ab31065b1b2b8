import { Box, Group, Text } from '@mantine/core';
import { IconArrowRight, IconArrowsExchange, IconChevronRight } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { TEAMS, type Team } from '../../../../../shared/model/schema';
import { useAppStore } from '../../../../store/appStore';

const TINT: Record<Team, string> = { marketing: 'indigo', sales: 'teal', other: 'gray' };

interface StripStage {
  name: string;
  owner: Team;
  index: number;
}

/** Consecutive stages with the same owner share one band, in lifecycle order. */
function bands(stages: StripStage[]): { owner: Team; stages: StripStage[] }[] {
  const out: { owner: Team; stages: StripStage[] }[] = [];
  for (const stage of stages) {
    const last = out[out.length - 1];
    if (last && last.owner === stage.owner) last.stages.push(stage);
    else out.push({ owner: stage.owner, stages: [stage] });
  }
  return out;
}

/**
 * One team's side of the funnel: a tinted band with the team's name and its stages in order. Bands share
 * the row in proportion to their stages and wrap their own pills, so both sides stay side by side.
 */
function Zone({ side, stages, handoffIndex }: { side: Team; stages: StripStage[]; handoffIndex: number }) {
  const { t } = useTranslation();
  const tint = TINT[side];
  return (
    <Box
      p="xs"
      style={{
        borderRadius: 'var(--mantine-radius-md)',
        background: `var(--mantine-color-${tint}-0)`,
        border: `1px solid var(--mantine-color-${tint}-2)`,
        flex: `${stages.length} 1 0`,
        minWidth: 200,
      }}
    >
      <Text size="xs" fw={700} tt="uppercase" c={`${tint}.9`} mb={6} style={{ letterSpacing: 0.5 }}>
        {t(`common.teams.${side}`)}
      </Text>
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
 * The funnel from marketing to sales with the handoff stage marked (presentational only). Each stage sits
 * on the side of the team that owns it in the lifecycle step, custom stages included, so a marketing
 * nurture stage after the SQL is shown as marketing's; consecutive stages of one team share a band.
 */
export function HandoffStrip() {
  const { t } = useTranslation();
  const rows = useAppStore(useShallow((s) => (s.session?.draft.lifecycle.stages ?? []).flatMap((st) => [st.name, st.owner])));
  const handoffIndex = useAppStore((s) => {
    const d = s.session?.draft;
    return d ? d.lifecycle.stages.findIndex((st) => st.id === d.handoff.stageId) : -1;
  });
  const stages: StripStage[] = [];
  for (let i = 0; i < rows.length; i += 2) {
    const owner = (TEAMS as readonly string[]).includes(rows[i + 1] ?? '') ? (rows[i + 1] as Team) : 'other';
    stages.push({ name: rows[i]?.trim() || t('steps.lifecycle.stages.itemN', { n: i / 2 + 1 }), owner, index: i / 2 });
  }
  if (stages.length === 0) return null;
  const handoff = stages[handoffIndex];

  return (
    <Box role="group" aria-label={t('steps.handoff.strip.label')}>
      {/* Without preventGrowOverflow={false} Mantine caps each zone at half the width and the bands wrap early. */}
      <Group gap="xs" align="center" wrap="wrap" preventGrowOverflow={false}>
        {bands(stages).map((band, i) => (
          <Fragment key={band.stages[0]?.index ?? i}>
            {i > 0 && <IconArrowRight size={20} color="var(--mantine-color-gray-6)" aria-hidden />}
            <Zone side={band.owner} stages={band.stages} handoffIndex={handoffIndex} />
          </Fragment>
        ))}
      </Group>
      {!handoff ? (
        <Text size="sm" c="dimmed" mt="xs">
          {t('steps.handoff.strip.noStage')}
        </Text>
      ) : (
        handoff.owner !== 'sales' && (
          <Text size="sm" c="#a8400a" mt="xs" data-testid="handoff-owner-note">
            {t('steps.handoff.strip.ownerNote', { stage: handoff.name, team: t(`common.teams.${handoff.owner}`) })}
          </Text>
        )
      )}
    </Box>
  );
}
